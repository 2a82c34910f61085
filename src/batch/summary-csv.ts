// summary.csv: one row per agency (ranked) with its score, counts and every item's status.
// UTF-8 with a BOM so Excel shows Thai; CRLF; RFC 4180 quoting; formulas neutralised.
import { csvField } from '../report/escape.ts';
import type { BatchSummary } from './run-batch.ts';

const STATUSES = ['pass', 'partial', 'fail', 'manual', 'not-checked'] as const;

export function renderSummaryCsv(summary: BatchSummary): string {
  const header = ['rank', 'name', 'url', 'status', 'score', ...STATUSES, 'complete', 'error', 'notes', 'report', ...summary.itemIds];
  const rows: Array<Array<string | number>> = [header];
  let rank = 0;
  for (const a of summary.agencies) {
    const statusOf = new Map(a.items.map((i) => [i.id, i.status]));
    rows.push([
      a.score === undefined ? '' : ++rank,
      a.name,
      a.url,
      a.status,
      a.score === undefined ? '' : Math.round(a.score * 100) / 100,
      ...STATUSES.map((s) => (a.counts ? (a.counts[s] ?? 0) : '')),
      a.complete === undefined ? '' : a.complete ? 'yes' : 'no',
      a.error ?? '',
      a.notes ?? '',
      a.folder,
      ...summary.itemIds.map((id) => statusOf.get(id) ?? ''),
    ]);
  }
  return `\uFEFF${rows.map((r) => r.map((c) => csvField(c)).join(',')).join('\r\n')}\r\n`;
}
