// README screenshots from a real run: serves the demo-abt fixture site on 127.0.0.1 (with latency, so
// the live view is caught mid-scan), runs the real CLI in a tmux terminal, captures the pane with its
// colours, turns it into HTML and screenshots that with Chromium.
//
//   npx tsx docs/screenshots/capture.ts            # all shots into docs/img/
//   npx tsx docs/screenshots/capture.ts --keep     # also keep the .ansi/.html captures in docs/screenshots/out/
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { startFixtureServer } from '../../tests/helpers/fixture-server.ts';
import { terminalPage } from './ansi-to-html.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const SITE = join(ROOT, 'tests/fixtures/sites/demo-abt');
const IMG = join(ROOT, 'docs/img');
const KEEP_DIR = join(ROOT, 'docs/screenshots/out');
const COLUMNS = 120;
const ROWS = 40;
const LATENCY_MS = 150;
const TIMEOUT_MS = 15 * 60_000;

interface Shot {
  name: string;
  title: string;
  ansi: string;
}

interface RunPlan {
  lang: 'en' | 'th';
  locale: string;
  /** file names (without .png) for each moment of the run; omitted = not captured. detail = the first partial item */
  live?: string;
  table?: string;
  detail?: string;
}

const PLANS: RunPlan[] = [
  { lang: 'en', locale: 'C.UTF-8', live: 'live-scan', table: 'gap-table', detail: 'item-detail' },
  { lang: 'th', locale: 'th_TH.UTF-8', live: 'live-scan-th', table: 'gap-table-th' },
];

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));
const quote = (a: string): string => `'${a.replace(/'/g, `'\\''`)}'`;

// a tmux server of our own: a shared one would hand panes whatever environment it was started with
const SOCKET = `oit-shots-${process.pid}`;

function tmux(...args: string[]): string {
  return execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
}

class Terminal {
  constructor(readonly session: string) {}
  text(): string {
    return tmux('capture-pane', '-p', '-t', this.session);
  }
  ansi(): string {
    return tmux('capture-pane', '-e', '-p', '-t', this.session);
  }
  keys(...keys: string[]): void {
    tmux('send-keys', '-t', this.session, ...keys);
  }
  async waitFor(test: (screen: string) => boolean, what: string, timeoutMs = TIMEOUT_MS): Promise<string> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const screen = this.text();
      if (test(screen)) return screen;
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`);
      await sleep(200);
    }
  }
  /** a key can be lost in the moment before Ink switches the terminal to raw mode: resend until the screen shows it worked */
  async press(key: string, worked: (screen: string) => boolean, what: string): Promise<void> {
    for (let attempt = 0; attempt < 20; attempt++) {
      this.keys(key);
      const deadline = Date.now() + 1500;
      while (Date.now() < deadline) {
        await sleep(150);
        if (worked(this.text())) return;
      }
    }
    throw new Error(`key ${key} never took effect (${what}); screen:\n${this.text()}`);
  }
  kill(): void {
    try {
      tmux('kill-session', '-t', this.session);
    } catch {
      // already gone
    }
  }
}

/** mid-scan: enough pages fetched that the bar moved and several items are coloured */
function isInterestingLiveFrame(screen: string): boolean {
  const pages = /(\d+)\/\d+ (pages|หน้า)/.exec(screen);
  const resolved = (screen.match(/O\d+ *[✓✗~?]/g) ?? []).length;
  return pages !== null && Number(pages[1]) >= 25 && resolved >= 15;
}

const SCORE = /(Score|คะแนน) \d+(\.\d+)?\/100/;

async function runOne(plan: RunPlan, url: string, work: string): Promise<Shot[]> {
  // each run in its own folder, so the screen shows a short relative report path
  const cwd = join(work, plan.lang);
  mkdirSync(cwd, { recursive: true });
  const args = [
    process.execPath, join(ROOT, 'cli/bin.mjs'), 'scan', url,
    '--checklist', 'ita-2566', '--fiscal-year', '2566',
    '--render', 'never', '--max-pages', '150', '--no-history', '--lang', plan.lang, '-o', 'reports/demo-abt',
  ];
  const session = `oit-shots-${plan.lang}-${process.pid}`;
  const term = new Terminal(session);
  // set inside the pane's command: a tmux server that is already running would otherwise hand the
  // pane its own environment. Only LANG: this machine may lack the locale, and LC_ALL would make bash warn.
  const paneEnv = ['env', '-u', 'CI', '-u', 'NO_COLOR', '-u', 'LC_ALL', '-u', 'LC_MESSAGES', 'TERM=xterm-256color', `LANG=${plan.locale}`];
  // the sleep keeps the pane open after the CLI exits, so the last screen can be read
  tmux('new-session', '-d', '-s', session, '-x', String(COLUMNS), '-y', String(ROWS),
    `cd ${quote(cwd)} && ${[...paneEnv, ...args].map(quote).join(' ')}; code=$?; echo; echo EXIT=$code; sleep 600`);
  const shots: Shot[] = [];
  const title = `oit-audit scan — ${plan.lang === 'th' ? 'ภาษาไทย' : 'English'} (${plan.locale})`;
  try {
    if (plan.live) {
      await term.waitFor((s) => isInterestingLiveFrame(s) || SCORE.test(s), 'a mid-scan frame');
      if (SCORE.test(term.text())) throw new Error('the scan finished before a mid-scan frame was seen; raise LATENCY_MS');
      shots.push({ name: plan.live, title, ansi: term.ansi() });
      console.error(`captured ${plan.live}`);
    }
    await term.waitFor((s) => SCORE.test(s) || /EXIT=\d+/.test(s), 'the gap report');
    if (/EXIT=\d+/.test(term.text())) throw new Error(`the CLI exited without a report:\n${term.text()}`);
    // let the report frame settle (Ink paints it, then the terminal goes raw)
    await sleep(800);
    if (plan.table) {
      shots.push({ name: plan.table, title, ansi: term.ansi() });
      console.error(`captured ${plan.table}`);
    }
    if (plan.detail) {
      // f f → only partial items (all → fail → partial); Enter → the first one's detail
      await term.press('f', (s) => /(filter|กรอง): (fail|ไม่ผ่าน) /.test(s), 'filter: fail');
      await term.press('f', (s) => /(filter|กรอง): (partial|ผ่านบางส่วน) /.test(s), 'filter: partial');
      await term.press('Enter', (s) => !SCORE.test(s), 'open the detail');
      await sleep(400);
      shots.push({ name: plan.detail, title, ansi: term.ansi() });
      console.error(`captured ${plan.detail}`);
    }
    await term.press('q', (s) => /EXIT=\d+/.test(s), 'quit');
    const exit = /EXIT=(\d+)/.exec(term.text())?.[1];
    if (exit !== '0') throw new Error(`the CLI exited with ${exit}:\n${term.text()}`);
  } finally {
    term.kill();
  }
  return shots;
}

async function screenshot(browser: Browser, shot: Shot, keep: boolean): Promise<string> {
  const html = terminalPage(shot.ansi, { title: shot.title, columns: COLUMNS });
  if (keep) {
    writeFileSync(join(KEEP_DIR, `${shot.name}.ansi`), shot.ansi);
    writeFileSync(join(KEEP_DIR, `${shot.name}.html`), html);
  }
  const page = await browser.newPage({ deviceScaleFactor: 1.5, viewport: { width: 1400, height: 900 } });
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready);
    const path = join(IMG, `${shot.name}.png`);
    await page.locator('#window').screenshot({ path });
    return path;
  } finally {
    await page.close();
  }
}

async function main(): Promise<void> {
  const keep = process.argv.includes('--keep');
  const only = process.argv.find((a) => a.startsWith('--lang='))?.slice('--lang='.length);
  mkdirSync(IMG, { recursive: true });
  if (keep) mkdirSync(KEEP_DIR, { recursive: true });
  const server = await startFixtureServer({ root: SITE, latencyMs: LATENCY_MS });
  const work = mkdtempSync(join(tmpdir(), 'oit-shots-'));
  let browser: Browser | undefined;
  try {
    const plans = PLANS.filter((p) => !only || p.lang === only);
    // both languages at once: each gets its own tmux session and report folder
    const shots = (await Promise.all(plans.map((p) => runOne(p, server.url, work)))).flat();
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    });
    for (const shot of shots) console.log(await screenshot(browser, shot, keep));
  } finally {
    await browser?.close();
    await server.close();
    rmSync(work, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
