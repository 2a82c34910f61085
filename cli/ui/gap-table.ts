// Layout of the gap table, shared by the Ink report and the plain-text output: which items a
// filter keeps and how wide each column is for a given terminal width (display width, so Thai
// titles line up).
import type { AuditResult, ItemResult, ItemStatus } from '../../src/audit/result.ts';
import { STATUS_MARK, labelsFor, type GapFilter, type Lang } from './labels.ts';
import { displayWidth, fitToWidth, sanitizeForTerminal, truncateMiddle, padEndToWidth } from './width.ts';

export const MIN_TABLE_WIDTH = 60;
const GAP = 2;

export interface GapColumns {
  width: number;
  marker: number;
  id: number;
  status: number;
  title: number;
  evidence: number;
}

export function filterItems(items: readonly ItemResult[], filter: GapFilter): ItemResult[] {
  return filter === 'all' ? [...items] : items.filter((item) => item.status === filter);
}

export function statusCell(status: ItemStatus, lang: Lang): string {
  return `${STATUS_MARK[status]} ${labelsFor(lang).status[status]}`;
}

/** column widths for a table `width` columns wide (at least MIN_TABLE_WIDTH are used) */
export function gapColumns(items: readonly ItemResult[], width: number, lang: Lang, marker = 2): GapColumns {
  const labels = labelsFor(lang);
  const total = Math.max(MIN_TABLE_WIDTH, Math.floor(width));
  const id = Math.max(displayWidth(labels.colId), ...items.map((i) => displayWidth(sanitizeForTerminal(i.id))), 3);
  const statuses = Object.keys(labels.status) as ItemStatus[];
  const status = Math.max(displayWidth(labels.colStatus), ...statuses.map((s) => displayWidth(statusCell(s, lang))));
  const rest = Math.max(20, total - marker - id - status - GAP * 3);
  // titles get half the room (or what the longest needs), the evidence URL the rest
  const longestTitle = Math.max(displayWidth(labels.colTitle), ...items.map((i) => displayWidth(itemTitle(i, lang))));
  const title = Math.max(10, Math.min(longestTitle, Math.floor(rest * 0.5)));
  const evidence = Math.max(8, rest - title);
  return { width: total, marker, id, status, title, evidence };
}

/** evidence URL as people read it: percent-escapes decoded when that gives valid text */
export function displayUrl(url: string): string {
  let shown = url;
  try {
    shown = decodeURI(url);
  } catch {
    // keep the encoded form
  }
  return sanitizeForTerminal(shown);
}

export interface GapCells {
  id: string;
  status: string;
  title: string;
  evidence: string;
}

export function itemTitle(item: ItemResult, lang: Lang): string {
  return sanitizeForTerminal(item.title[lang] || item.title.en);
}

/** each cell padded/cut to its column width */
export function gapRowCells(item: ItemResult, cols: GapColumns, lang: Lang): GapCells {
  const url = item.evidence[0]?.url ?? item.submitUrls[0] ?? '';
  return {
    id: fitToWidth(sanitizeForTerminal(item.id), cols.id),
    status: fitToWidth(statusCell(item.status, lang), cols.status),
    title: fitToWidth(itemTitle(item, lang), cols.title),
    evidence: padEndToWidth(url ? truncateMiddle(displayUrl(url), cols.evidence) : '—', cols.evidence),
  };
}

export function gapHeaderCells(cols: GapColumns, lang: Lang): GapCells {
  const labels = labelsFor(lang);
  return {
    id: fitToWidth(labels.colId, cols.id),
    status: fitToWidth(labels.colStatus, cols.status),
    title: fitToWidth(labels.colTitle, cols.title),
    evidence: fitToWidth(labels.colEvidence, cols.evidence),
  };
}

export const COLUMN_GAP = ' '.repeat(GAP);

export interface GroupLine {
  title: string;
  score: number;
  passed: number;
  items: number;
}

export function groupLines(result: AuditResult, lang: Lang): GroupLine[] {
  return result.groups.map((g) => ({
    title: sanitizeForTerminal(g.title[lang] || g.title.en),
    score: g.score,
    passed: g.passed,
    items: g.items,
  }));
}

export function formatScore(score: number): string {
  return Number.isInteger(score) ? String(score) : score.toFixed(1);
}
