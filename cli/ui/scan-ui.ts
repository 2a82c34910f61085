// The small API the scan command drives: events in, a live view while crawling, the gap report
// at the end. Three modes: Ink in a terminal, plain lines on stderr, or nothing (--json).
import { createElement, type ReactElement, type ReactNode } from 'react';
import { render, useStderr, type Instance } from 'ink';
import type { ScanEvent } from '../../src/crawl/events.ts';
import type { AuditResult } from '../../src/audit/result.ts';
import { colorEnabled } from './ansi.ts';
import { labelsFor, type Lang } from './labels.ts';
import { createPlainProgress } from './plain.ts';
import { renderGapTablePlain } from './plain-table.ts';
import { ScanApp } from './ScanApp.tsx';
import { ScanStore } from './scan-store.ts';
import { sanitizeForTerminal } from './width.ts';

export type UiMode = 'tty' | 'plain' | 'silent';

export interface ScanUiOptions {
  site: string;
  checklistId: string;
  checklistTitle: string;
  fiscalYear: number;
  render: 'never' | 'auto' | 'always';
  maxPages: number;
  itemIds: string[];
  lang: Lang;
  /** tty = Ink live view; plain = stderr lines; silent = nothing (--json) */
  mode: UiMode;
  stdout?: NodeJS.WriteStream;
  stderr?: NodeJS.WriteStream;
  /** keys after the scan; false in CI. Default: stdin is a terminal */
  interactive?: boolean;
  /** defaults to process.env (NO_COLOR, FORCE_COLOR, COLUMNS) */
  env?: NodeJS.ProcessEnv;
}

export interface ScanUi {
  /** throttled rendering (≤ ~10 fps); never blocks the crawl */
  onEvent(e: ScanEvent): void;
  /** shows the gap report; in tty+interactive mode resolves when the user presses q, else prints the final table and resolves */
  finish(result: AuditResult, reportDir: string, files: string[]): Promise<void>;
  /** paint the latest state now (e.g. "crawl finished: interrupted") before a close() without a report */
  flush(): Promise<void>;
  /** unmount and restore the terminal (also on Ctrl-C); safe to call twice */
  close(): void;
  /** one line on stderr (e.g. "stopping…" on Ctrl-C); the live view is redrawn below it, not broken */
  notice(message: string): void;
}

function isTruthyEnv(value: string | undefined): boolean {
  return value !== undefined && value !== '' && value !== '0' && value.toLowerCase() !== 'false';
}

/** --json → silent; --no-tui, CI, TERM=dumb or no TTY → plain; otherwise the Ink view */
export function chooseUiMode(flags: { json?: boolean; tui?: boolean }, env: NodeJS.ProcessEnv, isTTY: boolean): UiMode {
  if (flags.json) return 'silent';
  if (flags.tui === false) return 'plain';
  if (isTruthyEnv(env.CI)) return 'plain';
  if (env.TERM === 'dumb') return 'plain';
  return isTTY ? 'tty' : 'plain';
}

/** columns for plain output: the terminal's, else $COLUMNS, else 100 */
export function plainWidth(stream: { isTTY?: boolean; columns?: number } | undefined, env: NodeJS.ProcessEnv): number {
  if (stream?.isTTY && stream.columns) return stream.columns;
  const fromEnv = Number.parseInt(env.COLUMNS ?? '', 10);
  return Number.isFinite(fromEnv) && fromEnv > 0 ? fromEnv : 100;
}

export function createScanUi(opts: ScanUiOptions): ScanUi {
  if (opts.mode === 'silent') {
    const stderr = opts.stderr ?? process.stderr;
    return { onEvent() {}, finish: async () => {}, flush: async () => {}, close() {}, notice: (m) => void stderr.write(`${m}\n`) };
  }
  const env = opts.env ?? process.env;
  const stdout = opts.stdout ?? process.stdout;
  const stderr = opts.stderr ?? process.stderr;
  return opts.mode === 'plain' ? createPlainScanUi(opts, env, stdout, stderr) : createInkScanUi(opts, env, stdout, stderr);
}

function reportLocation(lang: Lang, reportDir: string, files: string[]): string {
  const l = labelsFor(lang);
  const lines = [`${l.reportsWritten}: ${sanitizeForTerminal(reportDir)}`, ...files.map((f) => `  ${sanitizeForTerminal(f)}`)];
  return `${lines.join('\n')}\n`;
}

function createPlainScanUi(opts: ScanUiOptions, env: NodeJS.ProcessEnv, stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): ScanUi {
  const progress = createPlainProgress({
    stream: stderr,
    lang: opts.lang,
    color: colorEnabled(env, stderr),
    maxPages: opts.maxPages,
    render: opts.render,
    itemIds: opts.itemIds,
    width: plainWidth(stderr, env),
  });
  return {
    onEvent: (e) => progress.onEvent(e),
    async finish(result, reportDir, files) {
      const width = plainWidth(stdout, env);
      stdout.write(renderGapTablePlain(result, { lang: opts.lang, width, color: colorEnabled(env, stdout) }));
      stdout.write(`\n${reportLocation(opts.lang, reportDir, files)}`);
    },
    flush: async () => {},
    close() {},
    // after the "^C" the terminal echoed on the current line
    notice: (m) => void stderr.write(`\n${m}\n`),
  };
}

/** hands Ink's own stderr writer (erase frame, write, redraw frame) to code outside React */
function StderrBridge(props: { onWriter: (write: (data: string) => void) => void; children?: ReactNode }): ReactElement {
  const { write } = useStderr();
  props.onWriter(write);
  return props.children as ReactElement;
}

function createInkScanUi(opts: ScanUiOptions, env: NodeJS.ProcessEnv, stdout: NodeJS.WriteStream, stderr: NodeJS.WriteStream): ScanUi {
  const interactive = opts.interactive ?? Boolean(process.stdin.isTTY);
  const store = new ScanStore({ maxPages: opts.maxPages, render: opts.render, itemIds: opts.itemIds });
  store.startTicking();
  let resolveQuit: () => void = () => {};
  const quit = new Promise<void>((resolve) => {
    resolveQuit = resolve;
  });
  let closed = false;
  let writeAboveFrame: ((data: string) => void) | undefined;
  const instance: Instance = render(
    createElement(StderrBridge, { onWriter: (w) => { writeAboveFrame = w; } }, createElement(ScanApp, {
      store,
      site: opts.site,
      checklistTitle: opts.checklistTitle,
      fiscalYear: opts.fiscalYear,
      render: opts.render,
      lang: opts.lang,
      color: colorEnabled(env, stdout),
      interactive,
      onQuit: () => resolveQuit(),
    })),
    { stdout, stderr, stdin: process.stdin, exitOnCtrlC: false, patchConsole: false, maxFps: 10 },
  );
  const close = (): void => {
    if (closed) return;
    closed = true;
    store.stop();
    instance.unmount();
    resolveQuit();
  };
  return {
    onEvent: (e) => {
      if (!closed) store.onEvent(e);
    },
    async finish(result, reportDir, files) {
      if (closed) return;
      store.showReport(result, reportDir, files);
      if (interactive) {
        await quit;
      } else {
        // let Ink paint the report frame before unmounting; the last frame stays on screen
        await new Promise((resolve) => setTimeout(resolve, 150));
      }
      close();
      await instance.waitUntilExit().catch(() => {});
    },
    async flush() {
      if (closed) return;
      store.stop();
      store.publish();
      // Ink paints at most every 100 ms (maxFps 10): give it one frame
      await new Promise((resolve) => setTimeout(resolve, 150));
    },
    close,
    notice(message) {
      // the "^C" the terminal echoed sits on the line under the frame, which Ink erases with it
      if (!closed && writeAboveFrame) writeAboveFrame(`${message}\n`);
      else stderr.write(`\n${message}\n`);
    },
  };
}
