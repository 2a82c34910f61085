import React from 'react';
import { Box, Text } from 'ink';
import type { ItemStatus } from '../../src/audit/result.ts';
import { STATUS_COLOR, STATUS_MARK } from './labels.ts';
import { displayWidth, padEndToWidth, sanitizeForTerminal } from './width.ts';

export interface ItemGridProps {
  itemIds: string[];
  status: Record<string, ItemStatus>;
  width: number;
  color: boolean;
}

/** ids in rows that fit `width`; each cell is "O12 ✓" coloured by its status (pending: ".") */
export function gridRows(itemIds: readonly string[], width: number): string[][] {
  const idWidth = Math.max(1, ...itemIds.map((id) => displayWidth(sanitizeForTerminal(id))));
  // a cell is the id, a space, its mark and two spaces before the next cell
  const perRow = Math.max(1, Math.floor((width + 2) / (idWidth + 4)));
  const rows: string[][] = [];
  for (let i = 0; i < itemIds.length; i += perRow) rows.push(itemIds.slice(i, i + perRow));
  return rows;
}

export function ItemGrid({ itemIds, status, width, color }: ItemGridProps): React.ReactElement {
  const idWidth = Math.max(1, ...itemIds.map((id) => displayWidth(sanitizeForTerminal(id))));
  return (
    <Box flexDirection="column">
      {gridRows(itemIds, width).map((row, r) => (
        <Text key={r}>
          {row.map((id, c) => {
            const s: ItemStatus | 'pending' = Object.hasOwn(status, id) ? status[id]! : 'pending';
            return (
              <Text key={id} color={color ? STATUS_COLOR[s] : undefined} dimColor={s === 'pending'}>
                {padEndToWidth(sanitizeForTerminal(id), idWidth)} {STATUS_MARK[s]}
                {c < row.length - 1 ? '  ' : ''}
              </Text>
            );
          })}
        </Text>
      ))}
    </Box>
  );
}
