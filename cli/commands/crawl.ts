// `oit-audit crawl <url>`: crawl only (no audit, no early stop), save the snapshot, print progress
// lines on stderr; with --json, end with ONE JSON line of counts on stdout (for debugging a site
// and for benchmarks against other crawlers).
import type { Command } from 'commander';
import { crawl } from '../../src/crawl/crawler.ts';
import { parseCrawlOptions, type CrawlOptionsInput } from '../../src/crawl/options.ts';
import type { CrawlEvent } from '../../src/crawl/events.ts';
import { saveSnapshot } from '../../src/snapshot/io.ts';
import { UserError } from '../../src/util/errors.ts';

interface CrawlFlags {
  maxPages: string;
  maxDepth: string;
  out: string;
  render: string;
  ignoreRobots?: boolean;
  insecure?: boolean;
  json?: boolean;
  concurrency?: string;
  delay?: string;
  timeout?: string;
  extraHost: string[];
  include: string[];
  exclude: string[];
  screenshots?: string;
  ocr?: boolean;
  browser?: string;
  quiet?: boolean;
}

function positiveInt(name: string, value: string | undefined, min = 0): number | undefined {
  if (value === undefined) return undefined;
  if (!/^\d+$/.test(value.trim()) || Number(value) < min) throw new UserError(`--${name} must be a whole number ≥ ${min}, got "${value}"`);
  return Number(value);
}

const collect = (value: string, previous: string[]) => [...previous, value];

/** one short stderr line per interesting event; untrusted URLs are stripped of control characters */
function progressLine(e: CrawlEvent): string | null {
  const clean = (s: string) => s.replace(/[\u0000-\u001f\u007f-\u009f]/g, '?').slice(0, 300);
  switch (e.type) {
    case 'crawl:start':
      return `crawl ${clean(e.startUrl)} (max ${e.maxPages} pages, render ${e.render})`;
    case 'page:done':
      return `[${e.pagesDone}] ${e.status} ${e.via === 'browser' ? '(browser) ' : ''}${clean(e.url)}  · queued ${e.queued}`;
    case 'document:done':
      return `  doc ${e.kind} ${e.textStatus} ${clean(e.url)}`;
    case 'hub:found':
      return `  hub ${clean(e.url)}`;
    case 'url:failed':
      return `  fail ${e.kind} ${clean(e.url)}: ${clean(e.message)}`;
    case 'browser:missing':
      return `  warning: ${clean(e.message)}`;
    case 'crawl:done':
      return `done: ${e.pages} pages, ${e.documents} documents, ${e.failures} failures, ${e.skipped} skipped (${e.stoppedBecause})`;
    default:
      return null;
  }
}

export function registerCrawlCommand(program: Command): void {
  program
    .command('crawl')
    .description('crawl a site into a snapshot (no audit): for debugging a site and for benchmarks')
    .argument('<url>', 'start URL, e.g. https://www.example.go.th')
    .option('--max-pages <n>', 'page budget', '300')
    .option('--max-depth <n>', 'link depth limit', '6')
    .option('-o, --out <file>', 'snapshot file (gzip JSON)', 'snapshot.json.gz')
    .option('--render <mode>', 'never | auto | always: render pages in Chromium', 'auto')
    .option('--ignore-robots', 'ignore robots.txt (only for an agency auditing its own site)')
    .option('--insecure', 'accept TLS certificates that do not verify (self-signed or incomplete chain)')
    .option('--concurrency <n>', 'parallel requests')
    .option('--delay <ms>', 'pause between requests to one host')
    .option('--timeout <ms>', 'whole-request timeout')
    .option('--extra-host <host>', 'another host that belongs to the site (repeatable)', collect, [])
    .option('--include <regex>', 'crawl only URLs matching (repeatable)', collect, [])
    .option('--exclude <regex>', 'never crawl URLs matching (repeatable)', collect, [])
    .option('--screenshots <dir>', 'save screenshots of hub and candidate pages here')
    .option('--ocr', 'OCR images and scanned PDFs (slow)')
    .option('--browser <path>', 'Chromium/Chrome executable')
    .option('-q, --quiet', 'no progress lines')
    .option('--json', 'end with one JSON line {pages, documents, failures, skipped, seconds} on stdout')
    .action(async (url: string, flags: CrawlFlags) => {
      if (!['never', 'auto', 'always'].includes(flags.render)) throw new UserError(`--render must be never, auto or always, got "${flags.render}"`);
      const input: Partial<CrawlOptionsInput> & { startUrl: string } = {
        startUrl: /^https?:\/\//i.test(url) ? url : `https://${url}`,
        maxPages: positiveInt('max-pages', flags.maxPages, 1),
        maxDepth: positiveInt('max-depth', flags.maxDepth),
        render: flags.render as 'never' | 'auto' | 'always',
        ignoreRobots: Boolean(flags.ignoreRobots),
        insecureTls: Boolean(flags.insecure),
        extraHosts: flags.extraHost,
        include: flags.include,
        exclude: flags.exclude,
        ocr: Boolean(flags.ocr),
        ...(flags.concurrency ? { concurrency: positiveInt('concurrency', flags.concurrency, 1) } : {}),
        ...(flags.delay ? { delayMs: positiveInt('delay', flags.delay) } : {}),
        ...(flags.timeout ? { timeoutMs: positiveInt('timeout', flags.timeout, 100) } : {}),
        ...(flags.screenshots ? { screenshotsDir: flags.screenshots } : {}),
        ...(flags.browser ? { browserPath: flags.browser } : {}),
      };
      parseCrawlOptions(input); // bad values → one-line UserError before any network

      const controller = new AbortController();
      const onSigint = () => controller.abort();
      process.once('SIGINT', onSigint);
      const started = Date.now();
      let snapshot;
      try {
        snapshot = await crawl(input, {
          signal: controller.signal,
          onEvent: (e) => {
            if (flags.quiet) return;
            const line = progressLine(e);
            if (line) process.stderr.write(`${line}\n`);
          },
        });
      } finally {
        process.off('SIGINT', onSigint);
      }
      if (snapshot.siteStatus !== 'ok') {
        throw new UserError(`${snapshot.startUrl} is ${snapshot.siteStatus}: ${snapshot.siteError ?? 'no answer'}`);
      }
      await saveSnapshot(flags.out, snapshot);
      if (!flags.quiet) process.stderr.write(`snapshot saved to ${flags.out}\n`);
      if (flags.json) {
        const seconds = Math.round((Date.now() - started) / 100) / 10;
        process.stdout.write(
          `${JSON.stringify({ pages: snapshot.pages.length, documents: snapshot.documents.length, failures: snapshot.failures.length, skipped: snapshot.skipped.length, seconds })}\n`,
        );
      }
    });
}
