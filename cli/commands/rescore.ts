import type { Command } from 'commander';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { loadSnapshot } from '../../src/snapshot/io.ts';
import { rescoreSnapshot } from '../../src/pipeline/run-scan.ts';
import { AuditResult } from '../../src/audit/result.ts';
import { UserError } from '../../src/util/errors.ts';
import { chooseChecklist } from '../shared/choose-checklist.ts';
import { parseFiscalYear, parseFormats, parseLang } from '../shared/options.ts';
import { renderGapTablePlain } from '../ui/plain-table.ts';

interface RescoreFlags {
  checklist?: string;
  fiscalYear?: string;
  format?: string;
  lang?: string;
  json?: boolean;
  db: string;
  history: boolean;
}

export function registerRescoreCommand(program: Command): void {
  program
    .command('rescore')
    .description('re-audit the snapshot saved in a report folder (offline) and write the reports again')
    .argument('<report-dir>', 'a folder written by `scan` (holds snapshot.json.gz)')
    .option('-c, --checklist <id|file>', 'checklist (default: the one the folder was audited with)')
    .option('-y, --fiscal-year <BE>', 'fiscal year (default: the one the folder was audited with)')
    .option('-f, --format <list>', 'report formats: json,md,html,csv,pdf')
    .option('--lang <th|en>', 'report language (default from LANG)')
    .option('--json', 'print the result JSON on stdout')
    .option('--db <file>', 'history store', 'reports/history.json')
    .option('--no-history', 'do not record this audit in the history store')
    .action(async (dir: string, flags: RescoreFlags) => {
      const snapshotPath = join(dir, 'snapshot.json.gz');
      if (!existsSync(snapshotPath)) throw new UserError(`${dir}: no snapshot.json.gz here — is this a folder written by \`oit-audit scan\`?`);
      const previous = await readPreviousResult(join(dir, 'result.json'));
      const fiscalYear = flags.fiscalYear ? parseFiscalYear(flags.fiscalYear) : previous?.fiscalYear;
      if (fiscalYear === undefined) throw new UserError(`${dir}: no result.json to take the fiscal year from; pass --fiscal-year`);
      const { checklist } = await chooseChecklist(flags.checklist ?? previous?.checklist.id, fiscalYear);
      const lang = parseLang(flags.lang);
      const snapshot = await loadSnapshot(snapshotPath);
      const outcome = await rescoreSnapshot(snapshot, {
        checklist,
        fiscalYear,
        outDir: dir,
        formats: parseFormats(flags.format),
        lang,
        dbPath: flags.history ? flags.db : undefined,
      });
      if (flags.json) {
        process.stdout.write(`${JSON.stringify(outcome.result)}\n`);
      } else {
        const width = process.stdout.columns ?? 100;
        process.stdout.write(`${renderGapTablePlain(outcome.result, { lang, width, color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR })}\n`);
        process.stdout.write(`${outcome.files.join('\n')}\n`);
      }
    });
}

async function readPreviousResult(path: string): Promise<AuditResult | undefined> {
  if (!existsSync(path)) return undefined;
  try {
    return AuditResult.parse(JSON.parse(await readFile(path, 'utf8')));
  } catch {
    return undefined;
  }
}
