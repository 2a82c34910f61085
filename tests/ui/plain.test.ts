import { Writable } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';

// Ink decides at import time (is-in-ci) to paint only the final frame under CI=true; the tty-mode
// test below checks the live frame, so this file runs as if outside CI (the CI run sets CI=true).
vi.hoisted(() => {
  process.env.CI = 'false';
  delete process.env.CONTINUOUS_INTEGRATION;
});
import { renderGapTablePlain } from '../../cli/ui/plain-table.ts';
import { createPlainProgress } from '../../cli/ui/plain.ts';
import { chooseUiMode, createScanUi } from '../../cli/ui/scan-ui.ts';
import { createBatchUi } from '../../cli/ui/batch-ui.ts';
import { colorEnabled } from '../../cli/ui/ansi.ts';
import { displayWidth } from '../../cli/ui/width.ts';
import type { ScanEvent } from '../../src/crawl/events.ts';
import { sampleResult } from './result-builder.ts';

/** a real writable stream that keeps what was written */
class Capture extends Writable {
  text = '';
  isTTY = false;
  override _write(chunk: Buffer, _enc: BufferEncoding, done: () => void): void {
    this.text += chunk.toString('utf8');
    done();
  }
}
const asStream = (c: Capture): NodeJS.WriteStream => c as unknown as NodeJS.WriteStream;

const pageDone = (n: number): ScanEvent => ({ type: 'page:done', url: `http://127.0.0.1/p${n}`, status: 200, via: 'http', pagesDone: n, queued: 5, documentsDone: 0 });

describe('chooseUiMode', () => {
  it('--json → silent, whatever else', () => {
    expect(chooseUiMode({ json: true }, {}, true)).toBe('silent');
    expect(chooseUiMode({ json: true, tui: false }, { CI: 'true' }, false)).toBe('silent');
  });
  it('--no-tui, CI, TERM=dumb or no TTY → plain', () => {
    expect(chooseUiMode({ tui: false }, {}, true)).toBe('plain');
    expect(chooseUiMode({}, { CI: 'true' }, true)).toBe('plain');
    expect(chooseUiMode({}, { CI: '1' }, true)).toBe('plain');
    expect(chooseUiMode({}, { TERM: 'dumb' }, true)).toBe('plain');
    expect(chooseUiMode({}, {}, false)).toBe('plain');
  });
  it('a terminal without CI → tty', () => {
    expect(chooseUiMode({}, {}, true)).toBe('tty');
    expect(chooseUiMode({ tui: true }, { CI: 'false' }, true)).toBe('tty');
  });
});

describe('colour', () => {
  it('NO_COLOR turns it off, FORCE_COLOR on, otherwise it follows the TTY', () => {
    expect(colorEnabled({ NO_COLOR: '1' }, { isTTY: true })).toBe(false);
    expect(colorEnabled({ FORCE_COLOR: '1' }, { isTTY: false })).toBe(true);
    expect(colorEnabled({}, { isTTY: true })).toBe(true);
    expect(colorEnabled({}, { isTTY: false })).toBe(false);
  });
});

describe('renderGapTablePlain', () => {
  it.each([80, 140])('keeps every line within %i columns, Thai titles included, columns aligned', (width) => {
    const text = renderGapTablePlain(sampleResult(), { lang: 'th', width, color: false });
    const lines = text.trimEnd().split('\n');
    for (const line of lines) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    const rows = lines.filter((l) => /^O\d+ /.test(l));
    expect(rows).toHaveLength(12);
    const evidenceCols = new Set(rows.map((l) => displayWidth(l.slice(0, l.search(/http|—/)))));
    expect(evidenceCols.size).toBe(1);
    expect(text).toContain('คะแนน 33.3/100');
    expect(text).toContain('ข้อมูลผู้บริหาร');
    expect(text).not.toContain('\u001b[');
  });

  it('colours statuses only when asked', () => {
    const colored = renderGapTablePlain(sampleResult(), { lang: 'en', width: 100, color: true });
    expect(colored).toContain('\u001b[32m✓ pass');
    expect(colored).toContain('\u001b[31m✗ fail');
  });

  it('says when the result is incomplete or the site unreachable', () => {
    const text = renderGapTablePlain(sampleResult({ complete: false, siteStatus: 'unreachable', siteError: 'ECONNREFUSED\u001b[2J' }), {
      lang: 'en',
      width: 80,
      color: false,
    });
    expect(text).toContain('INCOMPLETE');
    expect(text).toContain('Site unreachable (unreachable): ECONNREFUSED');
    expect(text).not.toContain('\u001b[2J');
  });
});

describe('plain progress', () => {
  it('writes a status line at most once a second plus every important event', () => {
    const out = new Capture();
    let now = 0;
    const progress = createPlainProgress({ stream: out, lang: 'en', color: false, maxPages: 50, render: 'never', itemIds: ['O1', 'O2'], now: () => now });
    progress.onEvent({ type: 'crawl:start', startUrl: 'http://127.0.0.1/', maxPages: 50, render: 'never' });
    // 30 pages in 3 seconds → at most 4 status lines (t=0.1, 1.1, 2.1 … )
    for (let n = 1; n <= 30; n++) {
      now += 100;
      progress.onEvent(pageDone(n));
    }
    progress.onEvent({ type: 'hub:found', url: 'http://127.0.0.1/ita' });
    for (let i = 0; i < 5; i++) progress.onEvent({ type: 'url:failed', url: `http://127.0.0.1/x${i}`, kind: 'timeout', message: 'timed out' });
    progress.onEvent({ type: 'item:status', id: 'O1', status: 'pass' });
    progress.onEvent({ type: 'crawl:done', pages: 30, documents: 0, failures: 5, skipped: 0, stoppedBecause: 'budget' });
    const lines = out.text.trimEnd().split('\n');
    const status = lines.filter((l) => l.startsWith('['));
    expect(status.length).toBeGreaterThanOrEqual(3);
    expect(status.length).toBeLessThanOrEqual(4);
    expect(lines[0]).toContain('http://127.0.0.1/ · max 50 pages');
    expect(out.text).toContain('ITA/OIT hub page found: http://127.0.0.1/ita');
    // only the first 3 failures of a kind are printed; all are counted
    expect(lines.filter((l) => l.startsWith('failures (timeout)'))).toHaveLength(3);
    expect(out.text).toContain('crawl finished: 30 pages, 0 documents, 5 failures (timeout 5), 0 skipped · page budget reached');
    expect(progress.statusLine()).toContain('items 1/2'.replace('items', 'Items'));
  });
});

describe('createScanUi', () => {
  it('plain mode: progress on stderr, the gap table and report location on stdout', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const ui = createScanUi({
      site: 'http://127.0.0.1/', checklistId: 'ita-2568', checklistTitle: 'ITA 2568', fiscalYear: 2568, render: 'never', maxPages: 10,
      itemIds: ['O1'], lang: 'en', mode: 'plain', stdout: asStream(stdout), stderr: asStream(stderr), env: { COLUMNS: '90' },
    });
    ui.onEvent({ type: 'crawl:start', startUrl: 'http://127.0.0.1/', maxPages: 10, render: 'never' });
    ui.onEvent(pageDone(1));
    await ui.finish(sampleResult(), 'reports/127.0.0.1/2025', ['reports/127.0.0.1/2025/report.html']);
    ui.close();
    expect(stderr.text).toContain('pages 1/10');
    expect(stderr.text).not.toContain('Score');
    expect(stdout.text).toContain('Score 33.3/100');
    expect(stdout.text).toContain('Reports written to: reports/127.0.0.1/2025');
    expect(stdout.text).toContain('report.html');
    for (const line of stdout.text.trimEnd().split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(90);
  });

  it('silent mode (--json) writes nothing at all', async () => {
    const stdout = new Capture();
    const stderr = new Capture();
    const ui = createScanUi({
      site: 'x', checklistId: 'c', checklistTitle: 'c', fiscalYear: 2568, render: 'never', maxPages: 10, itemIds: [], lang: 'th',
      mode: 'silent', stdout: asStream(stdout), stderr: asStream(stderr),
    });
    ui.onEvent(pageDone(1));
    await ui.finish(sampleResult(), 'dir', []);
    ui.close();
    expect(stdout.text).toBe('');
    expect(stderr.text).toBe('');
  });

  it('tty mode, not interactive: live view then the final report frame', async () => {
    const stdout = new Capture();
    Object.assign(stdout, { isTTY: true, columns: 100, rows: 40 });
    const stderr = new Capture();
    const ui = createScanUi({
      site: 'http://127.0.0.1/', checklistId: 'ita-2568', checklistTitle: 'ITA 2568', fiscalYear: 2568, render: 'auto', maxPages: 10,
      itemIds: ['O1', 'O2'], lang: 'en', mode: 'tty', stdout: asStream(stdout), stderr: asStream(stderr), interactive: false, env: {},
    });
    ui.onEvent({ type: 'crawl:start', startUrl: 'http://127.0.0.1/', maxPages: 10, render: 'auto' });
    ui.onEvent(pageDone(3));
    ui.onEvent({ type: 'item:status', id: 'O1', status: 'pass' });
    // renders are throttled: wait for the frame (bounded) rather than a fixed sleep, which flakes under load
    for (let waited = 0; !stdout.text.includes('3/10 pages') && waited < 5000; waited += 50) await new Promise((r) => setTimeout(r, 50));
    expect(stdout.text).toContain('3/10 pages');
    expect(stdout.text).toMatch(/O1 +✓/);
    await ui.finish(sampleResult(), 'reports/x', []);
    ui.close();
    expect(stdout.text).toContain('Score 33.3/100');
    expect(stdout.text).toContain('Reports written to: reports/x');
  });
});

describe('createBatchUi', () => {
  it('plain mode: a line per agency as it starts and ends, with its score or error', () => {
    const stderr = new Capture();
    const ui = createBatchUi({
      agencies: [{ name: 'เทศบาลตำบลหนึ่ง', url: 'http://127.0.0.1/a' }, { name: 'อบต.สอง', url: 'http://127.0.0.1/b' }],
      mode: 'plain', lang: 'en', maxPages: 20, stderr: asStream(stderr), stdout: asStream(new Capture()), env: {},
    });
    ui.onAgencyEvent('เทศบาลตำบลหนึ่ง', { type: 'crawl:start', startUrl: 'http://127.0.0.1/a', maxPages: 20, render: 'never' });
    ui.onAgencyEvent('เทศบาลตำบลหนึ่ง', pageDone(7));
    expect(ui.rows()[0]).toMatchObject({ state: 'running', pagesDone: 7, maxPages: 20 });
    ui.onAgencyDone('เทศบาลตำบลหนึ่ง', { score: 62.5 });
    ui.onAgencyDone('อบต.สอง', { error: 'site unreachable' });
    ui.close();
    expect(stderr.text).toMatch(/เทศบาลตำบลหนึ่ง\s+7\/20\s+Score 62\.5/);
    expect(stderr.text).toMatch(/อบต\.สอง\s+0\/20\s+error: site unreachable/);
    expect(stderr.text).toContain('Agency: 1/2 done · Score 62.5');
  });
});
