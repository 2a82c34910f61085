// The gap report as plain text: for logs, CI and pipes. Every line fits `width` display columns.
import type { AuditResult } from '../../src/audit/result.ts';
import { paint } from './ansi.ts';
import { COLUMN_GAP, formatScore, gapColumns, gapHeaderCells, gapRowCells, groupLines, MIN_TABLE_WIDTH } from './gap-table.ts';
import { STATUS_COLOR, labelsFor, type Lang } from './labels.ts';
import { textBar } from './progress-state.ts';
import { displayWidth, fitToWidth, padStartToWidth, sanitizeForTerminal, truncateToWidth } from './width.ts';

export interface PlainTableOptions {
  lang: Lang;
  width: number;
  color: boolean;
}

export function renderScoreLine(result: AuditResult, lang: Lang, width: number, color: boolean): string {
  const labels = labelsFor(lang);
  const line = `${labels.score} ${formatScore(result.score.total)}/100 · ${labels.passedOf(result.score.passed, result.score.items)}`;
  return paint(truncateToWidth(line, width), 'bold', color);
}

export function renderGroupLinesPlain(result: AuditResult, lang: Lang, width: number, color: boolean): string[] {
  const groups = groupLines(result, lang);
  if (groups.length === 0) return [];
  const barWidth = width >= 100 ? 30 : 16;
  const tail = (g: (typeof groups)[number]): string => `${padStartToWidth(`${Math.round(g.score)}%`, 4)} ${g.passed}/${g.items}`;
  const tailWidth = Math.max(...groups.map((g) => displayWidth(tail(g))));
  const titleWidth = Math.max(8, Math.min(Math.max(...groups.map((g) => displayWidth(g.title))), width - 2 - barWidth - tailWidth - 4));
  return groups.map((g) => {
    const bar = textBar(g.score / 100, barWidth);
    const style = g.score >= 100 ? 'green' : g.score > 0 ? 'yellow' : 'red';
    return `  ${fitToWidth(g.title, titleWidth)}  ${paint(bar, style, color)}  ${tail(g)}`.trimEnd();
  });
}

export function renderGapTablePlain(result: AuditResult, opts: PlainTableOptions): string {
  const width = Math.max(MIN_TABLE_WIDTH, Math.floor(opts.width));
  const { lang, color } = opts;
  const labels = labelsFor(lang);
  const lines: string[] = [];
  lines.push(renderScoreLine(result, lang, width, color));
  if (!result.complete) lines.push(paint(truncateToWidth(labels.incomplete, width), 'yellow', color));
  if (result.siteStatus !== 'ok') {
    const why = result.siteError ? `: ${sanitizeForTerminal(result.siteError)}` : '';
    lines.push(paint(truncateToWidth(`${labels.siteUnreachable} (${result.siteStatus})${why}`, width), 'red', color));
  }
  const groups = renderGroupLinesPlain(result, lang, width, color);
  if (groups.length > 0) {
    lines.push('', labels.groups, ...groups);
  }
  lines.push('');
  // the plain table has no selection marker
  const cols = gapColumns(result.items, width, lang, 0);
  const head = gapHeaderCells(cols, lang);
  lines.push(paint([head.id, head.status, head.title, head.evidence].join(COLUMN_GAP).trimEnd(), 'bold', color));
  for (const item of result.items) {
    const cells = gapRowCells(item, cols, lang);
    const status = paint(cells.status, STATUS_COLOR[item.status], color);
    lines.push([cells.id, status, cells.title, cells.evidence].join(COLUMN_GAP).trimEnd());
  }
  return `${lines.join('\n')}\n`;
}

