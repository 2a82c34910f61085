// `oit-audit history [<site>]`: past audits with a score trend.
import type { Command } from 'commander';
import { DEFAULT_HISTORY_PATH, listAudits } from '../../src/store/history.ts';
import type { HistoryRecord } from '../../src/store/schema.ts';

const BARS = '▁▂▃▄▅▆▇█';

/** Scores 0–100 → one bar character each (absolute scale, so trends compare across sites). */
export function sparkline(scores: number[]): string {
  return scores.map((s) => BARS[Math.max(0, Math.min(BARS.length - 1, Math.floor((s / 100) * BARS.length)))]).join('');
}

function oneLine(text: string, cap = 40): string {
  const flat = text.replace(/[\u0000-\u001f\u007f-\u009f]+/g, ' ').trim();
  return flat.length > cap ? `${flat.slice(0, cap - 1)}…` : flat;
}

export function renderHistoryText(audits: HistoryRecord[]): string {
  if (audits.length === 0) return 'No audits recorded yet.\n';
  const bySite = new Map<string, HistoryRecord[]>();
  for (const a of audits) bySite.set(a.site, [...(bySite.get(a.site) ?? []), a]);
  const out: string[] = [];
  for (const [site, rows] of bySite) {
    const agency = [...rows].reverse().find((r) => r.agencyName)?.agencyName;
    const first = rows[0]!.score;
    const last = rows[rows.length - 1]!.score;
    const change = last - first;
    out.push(
      `${oneLine(site, 80)}${agency ? `  (${oneLine(agency)})` : ''}`,
      `  trend ${sparkline(rows.map((r) => r.score))}  ${first.toFixed(1)} → ${last.toFixed(1)} (${change >= 0 ? '+' : ''}${change.toFixed(1)}) over ${rows.length} audit${rows.length === 1 ? '' : 's'}`,
    );
    out.push('  id    time                  score   pass partial fail manual  checklist');
    for (const r of rows) {
      const c = (k: string) => String(r.counts[k] ?? 0);
      out.push(
        `  ${r.id.padEnd(5)} ${r.time.slice(0, 19).replace('T', ' ')}  ${r.score.toFixed(1).padStart(5)}  ${c('pass').padStart(5)} ${c('partial').padStart(7)} ${c('fail').padStart(4)} ${c('manual').padStart(6)}  ${oneLine(`${r.checklistId} v${r.checklistVersion} FY${r.fiscalYear}`)}${r.complete ? '' : '  (incomplete)'}`,
      );
    }
    out.push('');
  }
  return out.join('\n');
}

export function registerHistoryCommand(program: Command): void {
  program
    .command('history')
    .description('list past audits and their score trend (ประวัติการตรวจ)')
    .argument('[site]', 'only this site (host or URL)')
    .option('--db <file>', 'history store', DEFAULT_HISTORY_PATH)
    .option('--json', 'print the records as JSON')
    .action(async (site: string | undefined, opts: { db: string; json?: boolean }) => {
      const audits = await listAudits(opts.db, site);
      process.stdout.write(opts.json ? `${JSON.stringify(audits, null, 2)}\n` : renderHistoryText(audits));
    });
}
