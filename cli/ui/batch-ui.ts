// The batch command's view: one row per agency with its progress and score.
import { createElement } from 'react';
import { render, type Instance } from 'ink';
import type { ScanEvent } from '../../src/crawl/events.ts';
import { colorEnabled, paint } from './ansi.ts';
import { BatchView, batchRowCells, type BatchRow } from './BatchView.tsx';
import { labelsFor, type Lang } from './labels.ts';
import { plainWidth, type UiMode } from './scan-ui.ts';
import { sanitizeForTerminal } from './width.ts';
import { formatScore } from './gap-table.ts';

export interface BatchUiOptions {
  agencies: Array<{ name: string; url: string }>;
  mode: UiMode;
  lang: Lang;
  /** page budget per agency, until its crawl:start says otherwise */
  maxPages?: number;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  env?: NodeJS.ProcessEnv;
}

export interface BatchUi {
  onAgencyEvent(name: string, e: ScanEvent): void;
  onAgencyDone(name: string, outcome: { score?: number; error?: string }): void;
  /** the rows as they stand (for tests and summaries) */
  rows(): BatchRow[];
  close(): void;
}

/** fold one agency event into its row */
export function reduceBatchRow(row: BatchRow, e: ScanEvent): BatchRow {
  switch (e.type) {
    case 'crawl:start':
      return { ...row, state: 'running', maxPages: e.maxPages };
    case 'page:done':
      return { ...row, state: 'running', pagesDone: Math.max(row.pagesDone, e.pagesDone) };
    case 'crawl:done':
      return { ...row, pagesDone: e.pages };
    case 'item:status':
      return { ...row, itemsResolved: row.itemsResolved + 1 };
    default:
      return row;
  }
}

export function createBatchUi(opts: BatchUiOptions): BatchUi {
  const env = opts.env ?? process.env;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  const l = labelsFor(opts.lang);
  const rows = new Map<string, BatchRow>(
    opts.agencies.map((a) => [
      a.name,
      { name: a.name, url: a.url, state: 'waiting', pagesDone: 0, maxPages: opts.maxPages ?? 0, itemsResolved: 0, items: 0 },
    ]),
  );
  const list = (): BatchRow[] => [...rows.values()];

  let instance: Instance | undefined;
  let timer: NodeJS.Timeout | undefined;
  const color = colorEnabled(env, opts.mode === 'tty' ? stdout : stderr);
  const draw = (): void => {
    if (!instance) return;
    instance.rerender(createElement(BatchView, { rows: list(), lang: opts.lang, width: Math.max(60, (stdout.columns || 80) - 1), color }));
  };
  if (opts.mode === 'tty') {
    instance = render(createElement(BatchView, { rows: list(), lang: opts.lang, width: Math.max(60, (stdout.columns || 80) - 1), color }), {
      stdout,
      stderr,
      exitOnCtrlC: false,
      patchConsole: false,
      maxFps: 10,
    });
  }
  const scheduleDraw = (): void => {
    if (!instance || timer) return;
    timer = setTimeout(() => {
      timer = undefined;
      draw();
    }, 100);
    timer.unref();
  };
  const plainLine = (row: BatchRow): void => {
    if (opts.mode !== 'plain') return;
    const cells = batchRowCells(row, plainWidth(stderr, env), opts.lang);
    stderr.write(`${paint(`${cells.name}  ${cells.pages}  ${cells.outcome}`.trimEnd(), row.state === 'error' ? 'red' : '', color)}\n`);
  };

  return {
    onAgencyEvent(name, e) {
      const row = rows.get(name);
      if (!row) return;
      const next = reduceBatchRow(row, e);
      rows.set(name, next);
      if (e.type === 'crawl:start') plainLine(next);
      scheduleDraw();
    },
    onAgencyDone(name, outcome) {
      const row = rows.get(name);
      if (!row) return;
      const next: BatchRow = outcome.error
        ? { ...row, state: 'error', error: sanitizeForTerminal(outcome.error) }
        : { ...row, state: 'done', score: outcome.score };
      rows.set(name, next);
      plainLine(next);
      draw();
    },
    rows: list,
    close() {
      if (timer) clearTimeout(timer);
      timer = undefined;
      if (instance) {
        draw();
        instance.unmount();
        instance = undefined;
      }
      if (opts.mode === 'plain') {
        const done = list().filter((r) => r.state === 'done' && r.score !== undefined);
        const avg = done.length ? done.reduce((a, r) => a + (r.score ?? 0), 0) / done.length : undefined;
        if (avg !== undefined) stderr.write(`${l.agency}: ${done.length}/${rows.size} ${l.done} · ${l.score} ${formatScore(Math.round(avg * 10) / 10)}\n`);
      }
    },
  };
}
