// report.html in real Chromium: it renders, logs no errors, loads nothing but itself, and a
// hostile result runs no script. Needs /usr/bin/chromium (or OIT_AUDIT_CHROMIUM).
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS } from '../../src/crawl/browser/launch-args.ts';
import { findBrowser } from '../../src/crawl/browser/find.ts';
import { renderHtml } from '../../src/report/html.ts';
import { startFixtureServer } from '../helpers/fixture-server.ts';
import { buildResult, hostileResult } from './sample-result.ts';

let browser: Browser;
let dir: string;

beforeAll(async () => {
  const found = findBrowser();
  if (!found) throw new Error('these tests need Chromium: apt-get install chromium, or set OIT_AUDIT_CHROMIUM');
  browser = await chromium.launch({ executablePath: found.path, headless: true, args: [...CHROMIUM_ARGS] });
  dir = await mkdtemp(join(tmpdir(), 'oit-report-html-'));
});

afterAll(async () => {
  await browser?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

interface Visit {
  page: Page;
  url: string;
  consoleErrors: string[];
  pageErrors: string[];
  dialogs: string[];
  requests: string[];
}

async function visit(name: string, html: string): Promise<Visit> {
  const file = join(dir, name);
  await writeFile(file, html);
  const url = pathToFileURL(file).href;
  const page = await browser.newPage();
  const v: Visit = { page, url, consoleErrors: [], pageErrors: [], dialogs: [], requests: [] };
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') v.consoleErrors.push(m.text());
  });
  page.on('pageerror', (e) => v.pageErrors.push(e.message));
  page.on('dialog', (d) => {
    v.dialogs.push(d.message());
    void d.dismiss();
  });
  page.on('request', (r) => v.requests.push(r.url()));
  await page.goto(url, { waitUntil: 'load' });
  return v;
}

describe('report.html in Chromium', () => {
  it('renders the report with Thai fonts, no console errors and no request but the file', async () => {
    const v = await visit('report.html', renderHtml(buildResult()));
    try {
      expect(await v.page.title()).toContain('รายงานผลการตรวจ');
      expect(await v.page.locator('.score').innerText()).toBe('33.3%');
      expect(await v.page.locator('h1').innerText()).toBe('รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)');
      const box = await v.page.locator('.chart .bar-track').first().boundingBox();
      expect(box!.width).toBeGreaterThan(50);
      const segment = await v.page.locator('.chart .bar-pass').first().boundingBox();
      expect(segment!.width).toBeGreaterThan(box!.width * 0.3);
      expect(segment!.width).toBeLessThan(box!.width * 0.36);
      const font = await v.page.evaluate(() => getComputedStyle(document.body).fontFamily);
      expect(font).toContain('Sarabun');
      expect(font).toContain('Loma');
      // a closed (passed) item hides its body on screen …
      expect(await v.page.locator('#item-O1 .item-body').isVisible()).toBe(false);
      expect(await v.page.locator('#item-O2 .item-body').isVisible()).toBe(true);
      // … and print media expands every item
      await v.page.emulateMedia({ media: 'print' });
      expect(await v.page.locator('#item-O1 .item-body').isVisible()).toBe(true);
      expect(v.consoleErrors).toEqual([]);
      expect(v.pageErrors).toEqual([]);
      expect(v.requests).toEqual([v.url]);
    } finally {
      await v.page.close();
    }
  });

  it('runs nothing from a hostile result: no script, no handler, no dialog, no request', async () => {
    const v = await visit('hostile.html', renderHtml(hostileResult()));
    try {
      // give any onerror/onload a chance to fire, and hover what carried onmouseover payloads
      for (const el of await v.page.locator('#item-O7 .evidence li').all()) await el.hover();
      await v.page.locator('#item-O7 summary').hover();
      await v.page.waitForTimeout(200);
      expect(await v.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(v.dialogs).toEqual([]);
      expect(v.pageErrors).toEqual([]);
      expect(v.consoleErrors).toEqual([]);
      expect(v.requests).toEqual([v.url]);
      expect(await v.page.locator('script').count()).toBe(0);
      expect(await v.page.locator('img').count()).toBe(0);
      // the payload is on the page as text
      expect(await v.page.locator('#item-O7 h3').innerText()).toContain('<script>window.__pwned=1</script>');
      // javascript: URLs are not links; the http link is inert text-wise and safe
      expect(await v.page.locator('a[href^="javascript:" i]').count()).toBe(0);
      const hrefs = await v.page.locator('a[href]').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) expect(href).toMatch(/^(https?:|file:.*#item-)/);
    } finally {
      await v.page.close();
    }
  });

  it('keeps the CSP: even injected script would not run', async () => {
    // belt and braces: if escaping ever failed, the CSP meta must still stop inline script and loads
    const server = await startFixtureServer({ routes: { '/x.png': (_req, res) => void res.writeHead(200).end() } });
    const injected = `<script>window.__pwned=1</script><img src="${server.origin}/x.png"><link rel="stylesheet" href="${server.origin}/x.css">`;
    const v = await visit('csp.html', renderHtml(buildResult()).replace('</main>', `${injected}</main>`));
    try {
      await v.page.waitForTimeout(200);
      expect(await v.page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
      expect(server.hits.size).toBe(0);
      expect(v.consoleErrors.join('\n')).toContain('Content Security Policy');
    } finally {
      await v.page.close();
      await server.close();
    }
  });
});
