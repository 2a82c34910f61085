// itas-urls.csv: the sheet an agency works from when entering URLs into ITAS. One row per item in
// checklist (ITAS) order; UTF-8 with a BOM so Excel shows Thai, CRLF line ends, RFC 4180 quoting,
// and formula injection neutralised (a crawled title could start with "=").
import type { AuditResult } from '../audit/result.ts';
import { csvField } from './escape.ts';
import { pick, statusLabel, type ReportLang } from './labels.ts';

/** URL columns in the sheet; an item with more URLs has the rest joined into the last column. */
export const CSV_URL_COLUMNS = 5;

const BOM = '\uFEFF';
const CRLF = '\r\n';

const HEADERS: Record<ReportLang, { id: string; title: string; url: string; status: string; statusLabel: string; reason: string }> = {
  th: { id: 'ข้อ', title: 'หัวข้อ', url: 'URL', status: 'status', statusLabel: 'สถานะ', reason: 'เหตุผล' },
  en: { id: 'Item', title: 'Title (Thai)', url: 'URL', status: 'status', statusLabel: 'Status', reason: 'Reason' },
};

function urlColumns(urls: string[]): string[] {
  const columns = urls.slice(0, CSV_URL_COLUMNS - 1);
  const rest = urls.slice(CSV_URL_COLUMNS - 1);
  columns.push(rest.join(' '));
  while (columns.length < CSV_URL_COLUMNS) columns.push('');
  return columns;
}

/**
 * Columns: item id, Thai title, URL 1…5, status code (pass/partial/…), status label and
 * reason in `lang`. The status code column stays the same in both languages, for filtering.
 */
export function renderItasCsv(result: AuditResult, opts: { lang?: ReportLang } = {}): string {
  const lang = opts.lang ?? 'th';
  const h = HEADERS[lang];
  const rows: string[][] = [
    [h.id, h.title, ...Array.from({ length: CSV_URL_COLUMNS }, (_, i) => `${h.url} ${i + 1}`), h.status, h.statusLabel, h.reason],
  ];
  for (const item of result.items) {
    rows.push([
      item.id,
      item.title.th,
      ...urlColumns(item.submitUrls),
      item.status,
      statusLabel(item.status, lang),
      pick(item.reason, lang),
    ]);
  }
  return BOM + rows.map((row) => row.map((cell) => csvField(cell)).join(',')).join(CRLF) + CRLF;
}
