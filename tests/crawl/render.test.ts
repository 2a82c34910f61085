// A JavaScript-only site: its content exists only after Chromium runs it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { crawl } from '../../src/crawl/crawler.ts';
import type { CrawlEvent } from '../../src/crawl/events.ts';

const CHROMIUM = '/usr/bin/chromium';
let server: FixtureServer;
beforeAll(async () => {
  server = await startFixtureServer({ root: join(import.meta.dirname, '../fixtures/crawl/js-site') });
});
afterAll(() => server?.close());

describe('JS-only site', () => {
  it('over HTTP only, the page is an empty shell', async () => {
    const snap = await crawl({ startUrl: server.url, render: 'never', useSitemap: false });
    expect(snap.pages).toHaveLength(1);
    expect(snap.pages[0]!.links).toEqual([]);
    expect(snap.pages[0]!.via).toBe('http');
    expect(snap.provenance.browser).toBeNull();
  });

  it('render auto: renders the shell in Chromium, reads the rest over HTTP, screenshots candidates', async () => {
    const shots = await mkdtemp(join(tmpdir(), 'oit-shots-'));
    try {
      const snap = await crawl({ startUrl: server.url, render: 'auto', browserPath: CHROMIUM, screenshotsDir: shots, useSitemap: false });
      const home = snap.pages.find((p) => new URL(p.url).pathname === '/')!;
      expect(home.via).toBe('browser');
      expect(home.title).toBe('สำนักงานทดสอบ (SPA)');
      expect(home.headings).toContain('ยินดีต้อนรับสู่สำนักงานทดสอบ');
      expect(home.links.map((l) => new URL(l.url).pathname).sort()).toEqual(['/about.html', '/ita.html']);
      const ita = snap.pages.find((p) => p.url.endsWith('/ita.html'))!;
      expect(ita.via).toBe('http');
      expect(snap.provenance.browser).toMatch(/Chrom/i);
      // the start page and the ITA page are candidates: each has a screenshot file
      expect(home.screenshot).toBeDefined();
      expect(ita.screenshot).toBeDefined();
      const files = await readdir(shots);
      expect(files).toContain(home.screenshot);
      expect((await stat(join(shots, home.screenshot!))).size).toBeGreaterThan(1000);
    } finally {
      await rm(shots, { recursive: true, force: true });
    }
  });

  it('render always: every page goes through Chromium', async () => {
    const snap = await crawl({ startUrl: server.url, render: 'always', browserPath: CHROMIUM, useSitemap: false, maxPages: 2 });
    expect(snap.pages.map((p) => p.via)).toEqual(['browser', 'browser']);
    expect(snap.pages[1]!.url).toMatch(/\/ita\.html$/);
  });

  it('no browser: warns once and goes on over HTTP', async () => {
    const events: CrawlEvent[] = [];
    const snap = await crawl({ startUrl: server.url, render: 'always', browserPath: '/nonexistent/chromium', useSitemap: false }, { onEvent: (e) => events.push(e) });
    expect(events.filter((e) => e.type === 'browser:missing')).toHaveLength(1);
    expect(snap.pages).toHaveLength(1);
    expect(snap.pages[0]!.via).toBe('http');
  });
});
