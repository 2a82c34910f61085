import React from 'react';
import { Box, Text } from 'ink';
import { labelsFor, type Lang } from './labels.ts';
import { textBar } from './progress-state.ts';
import { fitToWidth, padStartToWidth, sanitizeForTerminal, truncateToWidth } from './width.ts';
import { formatScore } from './gap-table.ts';

export interface BatchRow {
  name: string;
  url: string;
  state: 'waiting' | 'running' | 'done' | 'error';
  pagesDone: number;
  maxPages: number;
  itemsResolved: number;
  items: number;
  score?: number;
  error?: string;
}

export interface BatchViewProps {
  rows: BatchRow[];
  lang: Lang;
  width: number;
  color: boolean;
}

/** one plain line per agency: name, progress bar, pages, then the score or the error */
export function batchRowCells(row: BatchRow, width: number, lang: Lang): { name: string; bar: string; pages: string; outcome: string } {
  const l = labelsFor(lang);
  const nameWidth = Math.max(12, Math.min(36, Math.floor(width * 0.35)));
  const barWidth = width >= 100 ? 20 : 12;
  const fraction = row.state === 'done' ? 1 : row.maxPages > 0 ? row.pagesDone / row.maxPages : 0;
  const pages = padStartToWidth(`${row.pagesDone}/${row.maxPages}`, 9);
  const outcome =
    row.state === 'done' && row.score !== undefined
      ? `${l.score} ${formatScore(row.score)}`
      : row.state === 'error'
        ? `${l.error}: ${sanitizeForTerminal(row.error ?? '')}`
        : row.state === 'waiting'
          ? l.waiting
          : row.items > 0
            ? `${l.items} ${row.itemsResolved}/${row.items}`
            : '';
  const used = nameWidth + 2 + barWidth + 1 + 9 + 2;
  return {
    name: fitToWidth(sanitizeForTerminal(row.name), nameWidth),
    bar: textBar(fraction, barWidth),
    pages,
    outcome: truncateToWidth(outcome, Math.max(0, width - used)),
  };
}

export function BatchView({ rows, lang, width, color }: BatchViewProps): React.ReactElement {
  const l = labelsFor(lang);
  const done = rows.filter((r) => r.state === 'done' || r.state === 'error').length;
  return (
    <Box flexDirection="column">
      <Text bold>{truncateToWidth(`${l.agency}: ${done}/${rows.length} ${l.done}`, width)}</Text>
      {rows.map((row) => {
        const cells = batchRowCells(row, width, lang);
        const outcomeColor = row.state === 'error' ? 'red' : row.state === 'done' ? 'green' : undefined;
        return (
          <Text key={row.name}>
            {cells.name}
            {'  '}
            <Text color={color ? (row.state === 'error' ? 'red' : 'green') : undefined} dimColor={row.state === 'waiting'}>{cells.bar}</Text>
            {` ${cells.pages}  `}
            <Text color={color ? outcomeColor : undefined}>{cells.outcome}</Text>
          </Text>
        );
      })}
    </Box>
  );
}
