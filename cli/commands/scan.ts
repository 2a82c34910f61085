import type { Command } from 'commander';
import { relative } from 'node:path';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { currentFiscalYear } from '../../src/thai/fiscal-year.ts';
import { UserError } from '../../src/util/errors.ts';
import { createScanUi, chooseUiMode } from '../ui/scan-ui.ts';
import { chooseChecklist } from '../shared/choose-checklist.ts';
import {
  collect, parseFiscalYear, parseFormats, parseLang, parseNonNegativeInt, parsePositiveInt, parseRender, parseScore, parseStartUrl,
} from '../shared/options.ts';
import { defaultReportDir } from '../shared/report-dir.ts';
import { installInterruptHandler } from '../shared/interrupt.ts';

interface ScanFlags {
  checklist?: string;
  fiscalYear?: string;
  out?: string;
  format?: string;
  maxPages: string;
  maxDepth: string;
  render: string;
  lang?: string;
  json?: boolean;
  tui: boolean;
  failUnder?: string;
  extraHost: string[];
  include: string[];
  exclude: string[];
  ignoreRobots?: boolean;
  insecure?: boolean;
  ocr?: boolean;
  concurrency: string;
  delay: string;
  userAgent?: string;
  db: string;
  history: boolean;
  earlyStop: boolean;
}

export function registerScanCommand(program: Command): void {
  program
    .command('scan')
    .description('crawl an agency website, audit it against an OIT checklist and write the gap reports')
    .argument('<url>', 'the agency main website (เว็บไซต์หลัก)')
    .option('-c, --checklist <id|file>', 'checklist id (see `checklist list`) or a YAML file')
    .option('-y, --fiscal-year <BE>', 'Buddhist-era fiscal year to audit (default: the current one)')
    .option('-o, --out <dir>', 'report folder (default reports/<host>/<time>/)')
    .option('-f, --format <list>', 'report formats: json,md,html,csv,pdf (default json,md,html,csv)')
    .option('--max-pages <n>', 'page budget', '300')
    .option('--max-depth <n>', 'link depth from the start page', '6')
    .option('--render <mode>', 'browser rendering: never | auto | always', 'auto')
    .option('--lang <th|en>', 'language of the terminal and reports (default from LANG)')
    .option('--json', 'print the result JSON on stdout (logs on stderr)')
    .option('--no-tui', 'plain progress lines instead of the interactive terminal UI')
    .option('--fail-under <score>', 'exit 2 when the total score is below this')
    .option('--extra-host <host>', 'another host that belongs to the site (repeatable)', collect, [])
    .option('--include <regex>', 'only crawl URLs matching (repeatable)', collect, [])
    .option('--exclude <regex>', 'never crawl URLs matching (repeatable)', collect, [])
    .option('--ignore-robots', 'ignore robots.txt (for an agency auditing its own site)')
    .option('--insecure', 'accept TLS certificates that do not verify (self-signed or incomplete chain)')
    .option('--ocr', 'read scanned PDFs and images offline with tesseract (slower)')
    .option('--concurrency <n>', 'parallel requests', '4')
    .option('--delay <ms>', 'delay between requests to one host', '0')
    .option('--user-agent <ua>', 'override the User-Agent')
    .option('--db <file>', 'history store', 'reports/history.json')
    .option('--no-history', 'do not record this audit in the history store')
    .option('--no-early-stop', 'crawl to the page budget even when every item is resolved')
    .action(async (urlArg: string, flags: ScanFlags) => {
      process.exitCode = await scanCommand(urlArg, flags);
    });
}

async function scanCommand(urlArg: string, flags: ScanFlags): Promise<number> {
  const url = parseStartUrl(urlArg);
  const fiscalYear = flags.fiscalYear ? parseFiscalYear(flags.fiscalYear) : currentFiscalYear(new Date());
  const formats = parseFormats(flags.format);
  const lang = parseLang(flags.lang);
  const render = parseRender(flags.render);
  const maxPages = parsePositiveInt(flags.maxPages, '--max-pages');
  const maxDepth = parseNonNegativeInt(flags.maxDepth, '--max-depth');
  const failUnder = flags.failUnder === undefined ? undefined : parseScore(flags.failUnder);
  flags.include.forEach((p) => assertRegex(p, '--include'));
  flags.exclude.forEach((p) => assertRegex(p, '--exclude'));
  const { checklist, warning } = await chooseChecklist(flags.checklist, fiscalYear);
  const outDir = flags.out ?? defaultReportDir(url, new Date());

  const mode = chooseUiMode({ json: flags.json, tui: flags.tui }, process.env, Boolean(process.stdout.isTTY));
  if (warning) process.stderr.write(`oit-audit: ${warning}\n`);
  const ui = createScanUi({
    site: url,
    checklistId: checklist.id,
    checklistTitle: lang === 'th' ? checklist.title.th : checklist.title.en,
    fiscalYear,
    render,
    maxPages,
    itemIds: checklist.items.map((i) => i.id),
    lang,
    mode,
    interactive: mode === 'tty' && Boolean(process.stdin.isTTY),
  });
  const interrupt = installInterruptHandler(() => ui.close(), (message) => ui.notice(message));

  try {
    const outcome = await runScan({
      url,
      checklist,
      fiscalYear,
      outDir,
      formats,
      lang,
      dbPath: flags.history ? flags.db : undefined,
      signal: interrupt.signal,
      onEvent: (e) => ui.onEvent(e),
      earlyStop: flags.earlyStop,
      crawl: {
        maxPages,
        maxDepth,
        render,
        extraHosts: flags.extraHost,
        include: flags.include,
        exclude: flags.exclude,
        ignoreRobots: Boolean(flags.ignoreRobots),
        insecureTls: Boolean(flags.insecure),
        ocr: Boolean(flags.ocr),
        concurrency: parsePositiveInt(flags.concurrency, '--concurrency'),
        delayMs: parseNonNegativeInt(flags.delay, '--delay'),
        ...(flags.userAgent ? { userAgent: flags.userAgent } : {}),
      },
    });
    const { result } = outcome;
    if (result.siteStatus !== 'ok') {
      ui.close();
      const tlsHint = /^tls\b/i.test(result.siteError ?? '') && !flags.insecure ? '; if you trust this site, retry with --insecure' : '';
      throw new UserError(
        `${result.siteStatus === 'blocked' ? 'site blocked the crawler' : 'site unreachable'}: ${result.siteError ?? url}${tlsHint} — nothing was audited (reports in ${relative(process.cwd(), outcome.reportDir) || '.'})`,
      );
    }
    if (flags.json) process.stdout.write(`${JSON.stringify(result)}\n`);
    if (interrupt.interrupted) {
      await ui.flush();
      ui.close();
      process.stderr.write(`oit-audit: interrupted — partial reports (marked incomplete) written to ${outcome.reportDir}\n`);
      return 130;
    }
    await ui.finish(result, outcome.reportDir, outcome.files);
    if (failUnder !== undefined && result.score.total < failUnder) {
      process.stderr.write(`oit-audit: score ${result.score.total.toFixed(2)} is under --fail-under ${failUnder}\n`);
      return 2;
    }
    return 0;
  } finally {
    ui.close();
    interrupt.dispose();
  }
}

function assertRegex(pattern: string, flag: string): void {
  try {
    new RegExp(pattern);
  } catch {
    throw new UserError(`${flag}: not a valid regular expression: ${pattern}`);
  }
}

