// Holds the live scan state outside React. Events are folded in at once (cheap), but listeners
// hear about it at most every `intervalMs`, so a fast crawl cannot make the terminal redraw
// faster than ~10 times a second.
import type { ScanEvent } from '../../src/crawl/events.ts';
import type { AuditResult } from '../../src/audit/result.ts';
import { initialProgressState, reduceProgress, type ProgressState } from './progress-state.ts';

export type ScanPhase =
  | { kind: 'scan' }
  | { kind: 'report'; result: AuditResult; reportDir: string; files: string[] };

export interface ScanSnapshot {
  progress: ProgressState;
  phase: ScanPhase;
  now: number;
}

export class ScanStore {
  private snapshot: ScanSnapshot;
  private progress: ProgressState;
  private readonly listeners = new Set<() => void>();
  private timer: NodeJS.Timeout | undefined;
  private ticker: NodeJS.Timeout | undefined;

  constructor(
    init: { maxPages: number; render: 'never' | 'auto' | 'always'; itemIds: string[] },
    private readonly intervalMs = 100,
    private readonly clock: () => number = Date.now,
  ) {
    this.progress = initialProgressState({ ...init, now: clock() });
    this.snapshot = { progress: this.progress, phase: { kind: 'scan' }, now: clock() };
  }

  /** redraw the elapsed time once a second even when no events come */
  startTicking(): void {
    this.ticker ??= setInterval(() => this.publish(), 1000);
    this.ticker.unref();
  }

  onEvent(event: ScanEvent): void {
    this.progress = reduceProgress(this.progress, event, this.clock());
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.publish();
    }, this.intervalMs);
    this.timer.unref();
  }

  showReport(result: AuditResult, reportDir: string, files: string[]): void {
    this.stop();
    this.snapshot = { progress: this.progress, phase: { kind: 'report', result, reportDir, files }, now: this.clock() };
    this.notify();
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    if (this.ticker) clearInterval(this.ticker);
    this.timer = undefined;
    this.ticker = undefined;
  }

  publish(): void {
    this.snapshot = { ...this.snapshot, progress: this.progress, now: this.clock() };
    this.notify();
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getSnapshot = (): ScanSnapshot => this.snapshot;

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
