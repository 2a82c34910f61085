// `oit-audit batch <agencies.csv|yaml>`: audit a portfolio of agencies and write summary files.
import type { Command } from 'commander';
import { join, relative } from 'node:path';
import { loadAgencyList } from '../../src/batch/input.ts';
import { BATCH_STATE_FILE, runBatch, summarizeBatch, writeBatchSummaries, type AgencyOutcome } from '../../src/batch/run-batch.ts';
import { existsSync } from 'node:fs';
import type { Checklist } from '../../src/checklist/schema.ts';
import { currentFiscalYear } from '../../src/thai/fiscal-year.ts';
import { DEFAULT_HISTORY_PATH } from '../../src/store/history.ts';
import { chooseChecklist } from '../shared/choose-checklist.ts';
import { installInterruptHandler } from '../shared/interrupt.ts';
import { createBatchUi } from '../ui/batch-ui.ts';
import { chooseUiMode } from '../ui/scan-ui.ts';
import { parseFiscalYear, parseFormats, parseLang, parsePositiveInt, parseRender } from '../shared/options.ts';

interface BatchFlags {
  out?: string;
  concurrency: string;
  siteConcurrency: string;
  resume?: boolean;
  maxPages: string;
  db: string;
  history: boolean;
  checklist?: string;
  fiscalYear?: string;
  format?: string;
  lang?: string;
  render: string;
  ignoreRobots?: boolean;
  insecure?: boolean;
  tui: boolean;
  agencyTimeout: string;
}

function uiOutcome(outcome: AgencyOutcome): { score?: number; error?: string } {
  if (outcome.status === 'failed') return { error: outcome.error ?? 'failed' };
  if (outcome.status === 'interrupted' || outcome.status === 'pending') return { error: outcome.status };
  return { score: outcome.score };
}

function defaultBatchDir(file: string, now: Date): string {
  const p = (n: number) => String(n).padStart(2, '0');
  const base = file.split(/[\\/]/).pop()!.replace(/\.[^.]+$/, '').replace(/[^\p{L}\p{N}._-]+/gu, '_') || 'batch';
  return join('reports', 'batch', `${base}-${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}`);
}


export function registerBatchCommand(program: Command): void {
  program
    .command('batch')
    .description('audit many agencies from a CSV or YAML list and write a portfolio summary (html, csv, xlsx)')
    .argument('<agencies>', 'agency list: .csv with columns name,url[,checklist,fiscalYear,extraHosts,notes] or .yaml')
    .option('-o, --out <dir>', 'batch folder (default reports/batch/<list>-<date>/)')
    .option('--concurrency <n>', 'agencies audited at the same time', '3')
    .option('--site-concurrency <n>', 'parallel requests within one agency site', '2')
    .option('--resume', 'skip agencies already finished in this batch folder')
    .option('--max-pages <n>', 'page budget per agency', '300')
    .option('--agency-timeout <minutes>', 'stop an agency that is still running after this long (its partial audit is kept)', '30')
    .option('-c, --checklist <id|file>', 'checklist for rows without one (default: the ITA checklist for the fiscal year)')
    .option('-y, --fiscal-year <BE>', 'fiscal year for rows without one (default: the current one)')
    .option('-f, --format <list>', 'report formats per agency: json,md,html,csv,pdf (default json,md,html,csv)')
    .option('--render <mode>', 'browser rendering: never | auto | always', 'auto')
    .option('--lang <th|en>', 'language of the summary and reports (default from LANG)')
    .option('--ignore-robots', 'ignore robots.txt (only with each agency’s permission)')
    .option('--insecure', 'accept TLS certificates that do not verify (self-signed or incomplete chain)')
    .option('--db <file>', 'history store', DEFAULT_HISTORY_PATH)
    .option('--no-history', 'do not record the audits in the history store')
    .option('--no-tui', 'plain progress lines instead of the live terminal view')
    .action(async (file: string, flags: BatchFlags) => {
      process.exitCode = await batchCommand(file, flags);
    });
}

async function batchCommand(file: string, flags: BatchFlags): Promise<number> {
  const agencies = await loadAgencyList(file);
  const fiscalYear = flags.fiscalYear ? parseFiscalYear(flags.fiscalYear) : currentFiscalYear(new Date());
  const lang = parseLang(flags.lang);
  const formats = parseFormats(flags.format);
  const concurrency = parsePositiveInt(flags.concurrency, '--concurrency');
  const siteConcurrency = parsePositiveInt(flags.siteConcurrency, '--site-concurrency');
  const maxPages = parsePositiveInt(flags.maxPages, '--max-pages');
  const render = parseRender(flags.render);
  const agencyTimeoutMs = parsePositiveInt(flags.agencyTimeout, '--agency-timeout') * 60_000;
  const outDir = flags.out ?? defaultBatchDir(file, new Date());

  // Resolve each distinct checklist once, up front for the default, so a bad --checklist fails fast.
  const cache = new Map<string, Promise<Checklist>>();
  const resolveChecklist = (requested: string | undefined, fy: number): Promise<Checklist> => {
    const key = `${requested ?? flags.checklist ?? ''}|${fy}`;
    if (!cache.has(key)) {
      cache.set(
        key,
        chooseChecklist(requested ?? flags.checklist, fy).then(({ checklist, warning }) => {
          if (warning) process.stderr.write(`oit-audit: ${warning}\n`);
          return checklist;
        }),
      );
    }
    return cache.get(key)!;
  };
  await resolveChecklist(undefined, fiscalYear);

  if (!flags.resume && existsSync(join(outDir, BATCH_STATE_FILE))) {
    process.stderr.write(`oit-audit: ${outDir} holds an earlier batch; auditing every agency again (use --resume to continue it instead)\n`);
  }
  const mode = chooseUiMode({ tui: flags.tui }, process.env, Boolean(process.stdout.isTTY));
  if (mode !== 'tty') process.stderr.write(`oit-audit: auditing ${agencies.length} agencies, ${concurrency} at a time → ${outDir}\n`);
  const ui = createBatchUi({ agencies: agencies.map((a) => ({ name: a.name, url: a.url })), mode, lang, maxPages });
  let uiOpen = true;
  const closeUi = (): void => {
    if (uiOpen) ui.close();
    uiOpen = false;
  };
  const interrupt = installInterruptHandler(closeUi);
  try {
    const run = await runBatch({
      agencies,
      outDir,
      resolveChecklist,
      fiscalYear,
      concurrency,
      resume: Boolean(flags.resume),
      agencyTimeoutMs,
      formats,
      lang,
      crawl: { maxPages, render, concurrency: siteConcurrency, perHostConcurrency: siteConcurrency, ignoreRobots: Boolean(flags.ignoreRobots), insecureTls: Boolean(flags.insecure) },
      dbPath: flags.history ? flags.db : undefined,
      signal: interrupt.signal,
      onAgencyEvent: (a, e) => ui.onAgencyEvent(a.name, e),
      onAgencyDone: (a, outcome) => ui.onAgencyDone(a.name, uiOutcome(outcome)),
    });
    closeUi();
    if (run.resumed.length) process.stderr.write(`oit-audit: resumed: ${run.resumed.length} agencies were already done\n`);
    const summary = summarizeBatch(run.outcomes);
    const files = await writeBatchSummaries(summary, outDir, { lang });
    const c = summary.counts;
    process.stderr.write(
      `oit-audit: ${c.done} audited, ${c.failed} could not be audited${c.interrupted ? `, ${c.interrupted} interrupted` : ''}${c.pending ? `, ${c.pending} not run` : ''}\n`,
    );
    for (const f of files) process.stdout.write(`${relative(process.cwd(), f) || f}\n`);
    if (run.interrupted) {
      process.stderr.write(`oit-audit: interrupted — finished agencies are kept; run again with --resume to continue\n`);
      return 130;
    }
    // agencies that could not be audited are reported in the summary; the batch itself succeeded
    return 0;
  } finally {
    closeUi();
    interrupt.dispose();
  }
}
