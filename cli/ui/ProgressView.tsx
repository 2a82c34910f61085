import React from 'react';
import { Box, Text } from 'ink';
import { labelsFor, type Lang } from './labels.ts';
import { ItemGrid } from './ItemGrid.tsx';
import { etaSeconds, formatDuration, pageRate, resolvedItemCount, textBar, totalFailures, type ProgressState } from './progress-state.ts';
import { displayWidth, truncateMiddle, truncateToWidth } from './width.ts';
import { failuresSummary } from './progress-format.ts';

export interface ProgressViewProps {
  state: ProgressState;
  /** the clock, passed in so the view is a pure function of its props */
  now: number;
  lang: Lang;
  width: number;
  color: boolean;
}

export function ProgressView({ state, now, lang, width, color }: ProgressViewProps): React.ReactElement {
  const l = labelsFor(lang);
  const rate = pageRate(state, now);
  const eta = etaSeconds(state, now);
  const count = `${state.pagesDone}/${state.maxPages} ${l.pages}`;
  const stats = [count, `${rate.toFixed(1)}${l.perSecond}`];
  if (!state.finished && eta !== undefined) stats.push(`${l.eta} ${formatDuration(eta)}`);
  stats.push(`${l.elapsed} ${formatDuration((now - state.startedAt) / 1000)}`);
  const statsText = ` ${stats.join(' · ')}`;
  const barWidth = Math.max(10, Math.min(40, width - displayWidth(statsText) - 2));
  const fraction = state.maxPages > 0 ? state.pagesDone / state.maxPages : 0;
  const failures = totalFailures(state);
  const counters =
    `${l.queue} ${state.queued} · ${l.documents} ${state.documentsDone} · ${l.skipped} ${state.skipped} · ${l.failures} ${failures}` +
    (failures > 0 ? ` (${failuresSummary(state.failuresByKind)})` : '');
  const resolved = resolvedItemCount(state);
  return (
    <Box flexDirection="column">
      <Text>
        <Text color={color ? 'green' : undefined}>{textBar(fraction, barWidth)}</Text>
        {truncateToWidth(statsText, Math.max(0, width - barWidth))}
      </Text>
      <Text color={failures > 0 && color ? 'yellow' : undefined}>{truncateToWidth(counters, width)}</Text>
      {state.finished ? (
        <Text>{truncateToWidth(`${l.crawlDone}: ${l.stopped[state.stoppedBecause ?? 'complete'] ?? state.stoppedBecause}`, width)}</Text>
      ) : (
        <Text dimColor>{truncateMiddle(`${l.current} ${state.currentUrl || '…'}`, width)}</Text>
      )}
      {state.hubUrls.length > 0 ? <Text color={color ? 'green' : undefined}>{truncateMiddle(`${l.hubFound}: ${state.hubUrls[0]}`, width)}</Text> : null}
      {state.browserMissing ? <Text color={color ? 'yellow' : undefined}>{truncateToWidth(`${l.browserMissing}: ${state.browserMissing}`, width)}</Text> : null}
      {state.itemIds.length > 0 ? (
        <Box flexDirection="column" marginTop={1}>
          <Text bold>{`${l.items} ${resolved}/${state.itemIds.length}`}</Text>
          <ItemGrid itemIds={state.itemIds} status={state.itemStatus} width={width} color={color} />
        </Box>
      ) : null}
    </Box>
  );
}
