// What the live view shows, folded from scan events by a pure reducer: the Ink view and the
// plain logger read the same state, and tests drive it without a terminal.
import type { ScanEvent } from '../../src/crawl/events.ts';
import type { ItemStatus } from '../../src/audit/result.ts';
import { sanitizeForTerminal } from './width.ts';

export interface ProgressState {
  startedAt: number;
  maxPages: number;
  render: 'never' | 'auto' | 'always';
  pagesDone: number;
  documentsDone: number;
  queued: number;
  failuresByKind: Record<string, number>;
  skipped: number;
  currentUrl: string;
  hubUrls: string[];
  browserMissing?: string;
  itemIds: string[];
  itemStatus: Record<string, ItemStatus>;
  finished: boolean;
  stoppedBecause?: string;
  /** timestamps of the last page completions, for a rate over a recent window */
  recentPageTimes: number[];
}

export function initialProgressState(opts: {
  maxPages: number;
  render: 'never' | 'auto' | 'always';
  itemIds: string[];
  now: number;
}): ProgressState {
  return {
    startedAt: opts.now,
    maxPages: opts.maxPages,
    render: opts.render,
    pagesDone: 0,
    documentsDone: 0,
    queued: 0,
    failuresByKind: {},
    skipped: 0,
    currentUrl: '',
    hubUrls: [],
    itemIds: [...opts.itemIds],
    itemStatus: {},
    finished: false,
    recentPageTimes: [],
  };
}

const RATE_WINDOW = 20;

/** fold one event into the state; returns a new object (the old one is not changed) */
export function reduceProgress(state: ProgressState, event: ScanEvent, now: number): ProgressState {
  switch (event.type) {
    case 'crawl:start':
      return { ...state, maxPages: event.maxPages, render: event.render, startedAt: state.pagesDone === 0 ? now : state.startedAt };
    case 'browser:missing':
      return { ...state, browserMissing: sanitizeForTerminal(event.message).slice(0, 200) };
    case 'page:start':
      return { ...state, currentUrl: sanitizeForTerminal(event.url).slice(0, 2000) };
    case 'page:done':
      return {
        ...state,
        pagesDone: Math.max(state.pagesDone, event.pagesDone),
        queued: event.queued,
        documentsDone: Math.max(state.documentsDone, event.documentsDone),
        recentPageTimes: [...state.recentPageTimes, now].slice(-RATE_WINDOW),
      };
    case 'document:done':
      return { ...state, documentsDone: Math.max(state.documentsDone, event.documentsDone) };
    case 'hub:found': {
      const url = sanitizeForTerminal(event.url).slice(0, 2000);
      return state.hubUrls.includes(url) ? state : { ...state, hubUrls: [...state.hubUrls, url] };
    }
    case 'url:failed':
      return { ...state, failuresByKind: { ...state.failuresByKind, [event.kind]: (state.failuresByKind[event.kind] ?? 0) + 1 } };
    case 'url:skipped':
      return { ...state, skipped: state.skipped + 1 };
    case 'crawl:done':
      return { ...state, finished: true, pagesDone: event.pages, documentsDone: event.documents, stoppedBecause: event.stoppedBecause, currentUrl: '' };
    case 'item:status':
      return {
        ...state,
        itemIds: state.itemIds.includes(event.id) ? state.itemIds : [...state.itemIds, event.id],
        itemStatus: { ...state.itemStatus, [event.id]: event.status },
      };
    default:
      return state;
  }
}

export function totalFailures(state: ProgressState): number {
  return Object.values(state.failuresByKind).reduce((a, b) => a + b, 0);
}

/** pages per second: over the recent window when there is one, else since the start */
export function pageRate(state: ProgressState, now: number): number {
  const times = state.recentPageTimes;
  if (times.length >= 2) {
    const span = (now - times[0]!) / 1000;
    if (span > 0) return (times.length - 1) / span;
  }
  const elapsed = (now - state.startedAt) / 1000;
  return elapsed > 0 ? state.pagesDone / elapsed : 0;
}

/** seconds until the page budget is spent at the current rate (an upper bound: early stop can end sooner) */
export function etaSeconds(state: ProgressState, now: number): number | undefined {
  if (state.finished) return 0;
  const rate = pageRate(state, now);
  if (rate <= 0 || state.pagesDone === 0) return undefined;
  return Math.max(0, (state.maxPages - state.pagesDone) / rate);
}

export function resolvedItemCount(state: ProgressState): number {
  return state.itemIds.filter((id) => state.itemStatus[id] !== undefined).length;
}

/** 75 → "1:15", 3725 → "1:02:05" */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const sec = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${sec}` : `${m}:${sec}`;
}

/** "████░░░░" of exactly `width` cells */
export function textBar(fraction: number, width: number, fill = '█', empty = '░'): string {
  const f = Number.isFinite(fraction) ? Math.min(1, Math.max(0, fraction)) : 0;
  const filled = Math.round(f * width);
  return fill.repeat(filled) + empty.repeat(Math.max(0, width - filled));
}
