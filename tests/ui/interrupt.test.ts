// Ctrl-C in the middle of a real scan: the crawl stops, what was gathered is audited and written
// marked incomplete, the terminal is given back, and the exit code is 130. Once in a tmux terminal
// (the Ink live view), once as a plain child process without a TTY.
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { shellQuote, waitForScreen } from '../helpers/terminal.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'cli/bin.mjs');
const SITE = join(ROOT, 'tests/fixtures/sites/demo-abt');
// the CLI starts through tsx; on a busy machine that alone can take a while
const SLOW = 180_000;
// one request at a time, each slow: the ~90 URLs of demo-abt take far longer than the test waits
const LATENCY_MS = 400;

// a tmux server of our own, started with this environment (a shared one may carry another locale)
const SOCKET = `oit-ui-int-${process.pid}`;
const tmux = (...args: string[]): string => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });

let server: FixtureServer;
let work: string;
const sessions: string[] = [];

beforeAll(async () => {
  server = await startFixtureServer({ root: SITE, latencyMs: LATENCY_MS });
  work = mkdtempSync(join(tmpdir(), 'oit-ui-interrupt-'));
});

afterAll(async () => {
  for (const s of sessions) {
    try {
      tmux('kill-session', '-t', s);
    } catch {
      // already gone
    }
  }
  await server?.close();
  if (work) rmSync(work, { recursive: true, force: true });
});

function scanArgs(out: string, ...extra: string[]): string[] {
  return [
    BIN, 'scan', server.url, '-c', 'ita-2566', '-y', '2566', '--render', 'never',
    '--concurrency', '1', '--no-history', '--lang', 'en', '-o', out, ...extra,
  ];
}

function readResult(out: string): { complete: boolean; crawl?: unknown } {
  return JSON.parse(readFileSync(join(out, 'result.json'), 'utf8')) as { complete: boolean };
}


describe('Ctrl-C during a scan', () => {
  it.concurrent('in a terminal: stops gracefully, writes incomplete reports, restores the terminal, exits 130', { timeout: SLOW }, async () => {
    const out = join(work, 'tty');
    const session = `oit-ui-int-${process.pid}`;
    sessions.push(session);
    const command = shellQuote(['env', '-u', 'CI', '-u', 'NO_COLOR', 'TERM=xterm-256color', process.execPath, ...scanArgs(out)]);
    // after the CLI: its exit code, then whether the terminal is back in cooked mode with echo
    tmux('new-session', '-d', '-s', session, '-x', '120', '-y', '40',
      `cd '${ROOT}'; ${command}; echo EXIT=$?; stty -a | grep -o -- '-\\?icanon' | sed 's/^/MODE=/'; sleep 60`);
    const capture = (): string => tmux('capture-pane', '-p', '-t', session);
    const waitFor = (re: RegExp): Promise<string> => waitForScreen(capture, re, SLOW - 20_000);

    const live = await waitFor(/ [1-9]\d*\/300 pages/);
    expect(live).not.toMatch(/crawl finished/);
    tmux('send-keys', '-t', session, 'C-c');
    const end = await waitFor(/MODE=\S+/);

    expect(end).toContain('EXIT=130');
    // cooked mode again (Ink puts the terminal in raw mode only for keys in the report)
    expect(end).toContain('MODE=icanon');
    expect(tmux('display', '-p', '-t', session, '#{cursor_flag}').trim()).toBe('1');
    expect(end).toContain('crawl finished: interrupted');
    expect(end).toContain('oit-audit: stopping — auditing what was gathered');
    expect(end).toMatch(/^oit-audit: interrupted — partial reports \(marked incomplete\) written to /m);
    // the notice did not tear the live frame: its header is on the screen once, not left behind by a redraw
    expect(end.match(/^oit-audit \d+\.\d+\.\d+/gm)).toHaveLength(1);
    expect(end).not.toMatch(/^\s+at /m);

    expect(readResult(out).complete).toBe(false);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });

  it.concurrent('without a TTY (--no-tui): SIGINT after the first page exits 130 with one line and incomplete reports', { timeout: SLOW }, async () => {
    const out = join(work, 'plain');
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1' };
    delete env.CI;
    const child = spawn(process.execPath, scanArgs(out, '--no-tui'), { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    let sentAfter = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => {
      stderr += d;
      if (!sentAfter && /pages [1-9]\d*\/300/.test(stderr)) {
        sentAfter = stderr;
        child.kill('SIGINT');
      }
    });
    const { code, signal } = await new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
      child.on('exit', (c, s) => resolve({ code: c, signal: s }));
    });

    expect(sentAfter, stderr).not.toBe('');
    expect(sentAfter).not.toMatch(/crawl finished/);
    expect({ code, signal }, stderr).toEqual({ code: 130, signal: null });
    const lines = stderr.split('\n');
    expect(lines.filter((l) => l.startsWith('oit-audit: interrupted'))).toEqual([
      `oit-audit: interrupted — partial reports (marked incomplete) written to ${out}`,
    ]);
    expect(stderr).toMatch(/^crawl finished: .* · interrupted$/m);
    expect(stderr).not.toMatch(/^\s+at /m);
    expect(stderr).not.toMatch(/Error|Unhandled|node:internal/);
    // no gap table on stdout: the run was cut short
    expect(stdout).toBe('');

    expect(readResult(out).complete).toBe(false);
    expect(existsSync(join(out, 'report.html'))).toBe(true);
  });
});
