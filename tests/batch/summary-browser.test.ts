// summary.html in real Chromium: renders, loads nothing but itself, and hostile agency text runs nothing.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/crawl/browser/launch-args.ts';
import { findBrowser } from '../../src/crawl/browser/find.ts';
import { summarizeBatch, type AgencyOutcome } from '../../src/batch/run-batch.ts';
import { renderSummaryHtml } from '../../src/batch/summary-html.ts';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  const found = findBrowser();
  if (!found) throw new Error('this test needs Chromium: apt-get install chromium, or set OIT_AUDIT_CHROMIUM');
  browser = await chromium.launch({ executablePath: found.path, headless: true, args: [...CHROMIUM_ARGS] });
  dir = await mkdtemp(join(tmpdir(), 'oit-summary-html-'));
});
afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const hostile = `<script>window.__pwned=1</script><img src=x onerror="window.__pwned=2;alert(1)">"onmouseover="window.__pwned=3`;

function outcome(name: string, statuses: Array<'pass' | 'fail' | 'partial'>, extra: Partial<AgencyOutcome> = {}): AgencyOutcome {
  return {
    key: name,
    name,
    url: 'http://a.go.th/',
    folder: `/out/${name.length}`,
    status: 'done',
    score: (statuses.filter((s) => s === 'pass').length / statuses.length) * 100,
    counts: {},
    complete: true,
    items: statuses.map((status, i) => ({ id: `O${i + 1}`, title: { th: i === 0 ? hostile : `ข้อ ${i + 1}`, en: `Item ${i + 1}` }, status, submitUrls: [] })),
    ...extra,
  };
}

describe('summary.html in Chromium', () => {
  it('renders the matrix and runs nothing from hostile text', async () => {
    const summary = summarizeBatch([
      outcome('เทศบาลตำบลหนึ่ง', ['pass', 'pass', 'fail']),
      outcome(hostile, ['fail', 'partial', 'pass'], { notes: hostile }),
      { key: 'x', name: 'ปิด', url: 'javascript:alert(1)', folder: '/out/x', status: 'failed', error: hostile, items: [] },
    ]);
    const file = join(dir, 'summary.html');
    await writeFile(file, renderSummaryHtml(summary, { lang: 'th' }));
    const page = await browser.newPage();
    const requests: string[] = [];
    const problems: string[] = [];
    page.on('request', (r) => requests.push(r.url()));
    page.on('dialog', (d) => {
      problems.push(`dialog ${d.message()}`);
      void d.dismiss();
    });
    page.on('pageerror', (e) => problems.push(e.message));
    page.on('console', (m) => {
      if (m.type() === 'error') problems.push(m.text());
    });
    await page.goto(pathToFileURL(file).href, { waitUntil: 'load' });
    await page.hover('table.ranking tbody tr:nth-child(2) td:nth-child(2)');
    expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
    expect(problems).toEqual([]);
    expect(requests).toEqual([pathToFileURL(file).href]);
    expect(await page.locator('table.matrix tbody tr').count()).toBe(2);
    expect(await page.locator('table.matrix td.s-pass').count()).toBe(3);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.locator('svg.chart rect').count()).toBe(2);
    expect(await page.locator('body').innerText()).toContain('<script>window.__pwned=1</script>');
    await page.close();
  }, 60_000);
});
