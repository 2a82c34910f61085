// A crawl can never hang: maxDurationMs stops it and keeps what was gathered.
import { describe, it, expect, afterAll } from 'vitest';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { crawl } from '../../src/crawl/crawler.ts';

let server: FixtureServer | undefined;
afterAll(async () => server?.close());

describe('crawl deadline', () => {
  it('stops at maxDurationMs with stoppedBecause "timeout" and keeps the pages fetched so far', async () => {
    let n = 0;
    server = await startFixtureServer({
      routes: {
        '/': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
          res.end(`<html><head><title>หน้าแรก</title></head><body>${Array.from({ length: 30 }, (_, i) => `<a href="/p${i}">หน้า ${i}</a>`).join(' ')}</body></html>`);
        },
        '/p*': (_req, res) => {
          n++;
          // every other page answers slowly, well past the crawl's deadline
          setTimeout(() => {
            res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
            res.end('<html><head><title>ช้า</title></head><body>ข้อมูล</body></html>');
          }, 1000);
        },
      },
    });
    const started = Date.now();
    const snapshot = await crawl({ startUrl: server.url, render: 'never', maxDurationMs: 1500, concurrency: 2, timeoutMs: 20_000, useSitemap: false, samplesPerPattern: 100 });
    const elapsed = Date.now() - started;
    expect(snapshot.provenance.stoppedBecause).toBe('timeout');
    expect(elapsed).toBeLessThan(10_000);
    expect(snapshot.pages.length).toBeGreaterThanOrEqual(1);
    expect(snapshot.pages.length).toBeLessThan(31);
    expect(n).toBeGreaterThan(0);
  });
});
