// `oit-audit diff [<site>]`: what changed between two audits (default: the site's last two).
import type { Command } from 'commander';
import { UserError } from '../../src/util/errors.ts';
import { DEFAULT_HISTORY_PATH, getAudit, listAudits } from '../../src/store/history.ts';
import { diffAudits, renderDiffJson, renderDiffMarkdown, renderDiffText, type AuditDiff } from '../../src/store/diff.ts';
import type { HistoryRecord } from '../../src/store/schema.ts';

export interface DiffOptions {
  db: string;
  from?: string;
  to?: string;
}

/** Chooses the two audits to compare, as the command does. */
export async function selectAudits(site: string | undefined, opts: DiffOptions): Promise<[HistoryRecord, HistoryRecord]> {
  let to: HistoryRecord;
  if (opts.to) {
    to = await getAudit(opts.db, opts.to, site);
  } else {
    const audits = await listAudits(opts.db, site);
    if (audits.length === 0) throw new UserError(site ? `no audits of ${site} in ${opts.db}` : `no audits in ${opts.db}`);
    to = audits[audits.length - 1]!;
  }
  // without a site, the comparison stays within the site of the later audit
  const scope = site ?? to.site;
  let from: HistoryRecord;
  if (opts.from) {
    from = await getAudit(opts.db, opts.from, scope);
  } else {
    const earlier = (await listAudits(opts.db, scope)).filter((a) => a.id !== to.id && a.time <= to.time);
    if (earlier.length === 0) throw new UserError(`only one audit of ${to.site} is recorded: nothing to compare (run another scan first)`);
    from = earlier[earlier.length - 1]!;
  }
  return [from, to];
}

export function renderDiff(d: AuditDiff, format: string): string {
  if (format === 'json') return renderDiffJson(d);
  if (format === 'md') return renderDiffMarkdown(d);
  return renderDiffText(d);
}

export function registerDiffCommand(program: Command): void {
  program
    .command('diff')
    .description('compare two audits of a site: newly failing, newly passing, changed or broken evidence')
    .argument('[site]', 'site (host or URL); default: the site of the latest audit')
    .option('--db <file>', 'history store', DEFAULT_HISTORY_PATH)
    .option('--from <id|date>', 'the earlier audit (id, YYYY-MM-DD or ISO time); default: the one before --to')
    .option('--to <id|date>', 'the later audit; default: the latest')
    .option('--format <format>', 'text | md | json', 'text')
    .option('--fail-on-regression', 'exit with code 2 when an item that passed no longer passes')
    .action(async (site: string | undefined, opts: DiffOptions & { format: string; failOnRegression?: boolean }) => {
      if (!['text', 'md', 'json'].includes(opts.format)) throw new UserError(`unknown --format ${opts.format} (use text, md or json)`);
      const [from, to] = await selectAudits(site, opts);
      const d = diffAudits(from, to);
      process.stdout.write(renderDiff(d, opts.format));
      if (opts.failOnRegression && d.regressed) process.exitCode = 2;
    });
}
