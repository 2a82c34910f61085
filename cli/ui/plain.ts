// Progress for logs and pipes: one status line at most every `minIntervalMs` (1 s), plus a line
// for each important event (start, hub found, browser missing, the first failures of each kind,
// crawl finished). Writes only to the given stream (stderr), so stdout stays for results.
import type { ScanEvent } from '../../src/crawl/events.ts';
import { paint } from './ansi.ts';
import { labelsFor, type Lang } from './labels.ts';
import {
  formatDuration,
  initialProgressState,
  pageRate,
  reduceProgress,
  resolvedItemCount,
  totalFailures,
  type ProgressState,
} from './progress-state.ts';
import { sanitizeForTerminal, truncateMiddle } from './width.ts';
import { failuresSummary } from './progress-format.ts';

export interface PlainProgressOptions {
  stream: { write(chunk: string): unknown };
  lang: Lang;
  color: boolean;
  maxPages: number;
  render: 'never' | 'auto' | 'always';
  itemIds: string[];
  minIntervalMs?: number;
  /** failures printed per kind before they are only counted */
  failuresPerKind?: number;
  now?: () => number;
  /** longest line written, in display columns */
  width?: number;
}

export interface PlainProgress {
  onEvent(event: ScanEvent): void;
  /** the current status line (for tests and the final summary) */
  statusLine(): string;
  state(): ProgressState;
}

export function createPlainProgress(opts: PlainProgressOptions): PlainProgress {
  const now = opts.now ?? Date.now;
  const l = labelsFor(opts.lang);
  const minInterval = opts.minIntervalMs ?? 1000;
  const perKind = opts.failuresPerKind ?? 3;
  const width = opts.width ?? 160;
  let state = initialProgressState({ maxPages: opts.maxPages, render: opts.render, itemIds: opts.itemIds, now: now() });
  let lastStatusAt = -Infinity;
  const printedPerKind: Record<string, number> = {};

  const write = (line: string, style = ''): void => {
    opts.stream.write(`${paint(truncateMiddle(line, width), style, opts.color)}\n`);
  };

  const statusLine = (): string => {
    const t = now();
    const parts = [
      `${l.pages} ${state.pagesDone}/${state.maxPages}`,
      `${pageRate(state, t).toFixed(1)}${l.perSecond}`,
      `${l.queue} ${state.queued}`,
      `${l.documents} ${state.documentsDone}`,
      `${l.failures} ${totalFailures(state)}`,
      `${l.skipped} ${state.skipped}`,
    ];
    if (state.itemIds.length > 0) parts.push(`${l.items} ${resolvedItemCount(state)}/${state.itemIds.length}`);
    return `[${formatDuration((t - state.startedAt) / 1000)}] ${parts.join(' · ')}`;
  };

  return {
    onEvent(event) {
      state = reduceProgress(state, event, now());
      switch (event.type) {
        case 'crawl:start':
          write(`${sanitizeForTerminal(event.startUrl)} · max ${event.maxPages} ${l.pages} · ${l.render} ${event.render}`, 'bold');
          return;
        case 'browser:missing':
          write(`${l.browserMissing}: ${sanitizeForTerminal(event.message)}`, 'yellow');
          return;
        case 'hub:found':
          write(`${l.hubFound}: ${sanitizeForTerminal(event.url)}`, 'green');
          return;
        case 'url:failed': {
          const n = (printedPerKind[event.kind] ?? 0) + 1;
          printedPerKind[event.kind] = n;
          if (n <= perKind) write(`${l.failures} (${event.kind}): ${sanitizeForTerminal(event.url)} ${sanitizeForTerminal(event.message).slice(0, 200)}`, 'yellow');
          return;
        }
        case 'crawl:done': {
          const failures = totalFailures(state);
          const byKind = failures > 0 ? ` (${failuresSummary(state.failuresByKind)})` : '';
          write(
            `${l.crawlDone}: ${event.pages} ${l.pages}, ${event.documents} ${l.documents}, ${event.failures} ${l.failures}${byKind}, ${event.skipped} ${l.skipped} · ${l.stopped[event.stoppedBecause] ?? event.stoppedBecause}`,
            'bold',
          );
          return;
        }
        case 'page:done': {
          const t = now();
          if (t - lastStatusAt >= minInterval) {
            lastStatusAt = t;
            write(statusLine());
          }
          return;
        }
        default:
          return;
      }
    },
    statusLine,
    state: () => state,
  };
}
