import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { BrowserRenderer, SCREENSHOT_MAX_HEIGHT } from '../../src/crawl/browser/renderer.ts';
import { findBrowser } from '../../src/crawl/browser/find.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';

const JS_ONLY_PAGE = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>กำลังโหลด</title></head>
<body><div id="app"></div><script>
  setTimeout(() => {
    document.title = 'อบต.บ้านน้ำใส';
    const nav = document.createElement('nav');
    nav.innerHTML = '<a href="/ita">การเปิดเผยข้อมูลสาธารณะ (OIT)</a> <a href="/structure">โครงสร้างองค์กร</a>';
    document.getElementById('app').append(nav);
    fetch('/api/menu').then(r => r.json()).then(items => {
      const p = document.createElement('p'); p.id = 'late'; p.textContent = items.join(', ');
      document.body.append(p);
    });
  }, 50);
</script></body></html>`;

const TALL_PAGE = `<!doctype html><html><body style="margin:0"><div style="height:20000px;background:linear-gradient(#fff,#00f)">tall</div></body></html>`;

const html = (body: string) => (_req: unknown, res: import('node:http').ServerResponse) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
  res.end(body);
};

describe('BrowserRenderer', () => {
  let server: FixtureServer;
  let renderer: BrowserRenderer;
  const outDir = mkdtempSync(join(tmpdir(), 'renderer-'));

  beforeAll(async () => {
    server = await startFixtureServer({
      routes: {
        '/': html(JS_ONLY_PAGE),
        '/tall': html(TALL_PAGE),
        '/api/menu': (_req, res) => {
          res.writeHead(200, { 'content-type': 'application/json' });
          res.end(JSON.stringify(['ข่าวประชาสัมพันธ์', 'ติดต่อเรา']));
        },
        '/old': (_req, res) => {
          res.writeHead(301, { location: '/' });
          res.end();
        },
        '/gone': (_req, res) => {
          res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
          res.end('<title>ไม่พบ</title><p>not here</p>');
        },
        '/alert': html('<title>alert</title><script>alert("x"); document.write("<p id=after>หลัง alert</p>")</script>'),
      },
    });
    const browser = findBrowser();
    if (!browser) throw new Error('these tests need Chromium (apt-get install chromium)');
    renderer = await BrowserRenderer.launch({ executablePath: browser.path, userAgent: 'oit-audit-test/1', timeoutMs: 15_000 });
  });

  afterAll(async () => {
    await renderer?.close();
    await server?.close();
  });

  it('reports the browser version and that it is connected', () => {
    expect(renderer.version).toMatch(/^(Chromium|Chrome) \d+\.\d+/);
    expect(renderer.connected).toBe(true);
  });

  it('returns the HTML that JavaScript built, including text fetched after load', async () => {
    const result = await renderer.render(server.url);
    expect(result.status).toBe(200);
    expect(result.finalUrl).toBe(server.url);
    expect(result.title).toBe('อบต.บ้านน้ำใส');
    expect(result.html).toContain('การเปิดเผยข้อมูลสาธารณะ (OIT)');
    expect(result.html).toContain('href="/structure"');
    expect(result.html).toContain('ข่าวประชาสัมพันธ์, ติดต่อเรา');
  });

  it('sends the given User-Agent', async () => {
    let seen = '';
    const probe = await startFixtureServer({
      routes: {
        '/': (req, res) => {
          seen = req.headers['user-agent'] ?? '';
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end('<title>ua</title>');
        },
      },
    });
    try {
      await renderer.render(probe.url);
      expect(seen).toBe('oit-audit-test/1');
    } finally {
      await probe.close();
    }
  });

  it('follows redirects and reports the final URL and status', async () => {
    const result = await renderer.render(`${server.origin}/old`);
    expect(result.finalUrl).toBe(server.url);
    expect(result.status).toBe(200);
    const gone = await renderer.render(`${server.origin}/gone`);
    expect(gone.status).toBe(404);
    expect(gone.title).toBe('ไม่พบ');
  });

  it('dismisses dialogs instead of hanging', async () => {
    const result = await renderer.render(`${server.origin}/alert`);
    expect(result.html).toContain('หลัง alert');
  });

  it('writes a PNG screenshot, height capped', async () => {
    const path = join(outDir, 'shots', 'home.png');
    await renderer.render(server.url, { screenshotPath: path });
    const meta = await sharp(readFileSync(path)).metadata();
    expect(meta.format).toBe('png');
    expect(meta.width).toBe(1280);

    const tallPath = join(outDir, 'tall.png');
    await renderer.render(`${server.origin}/tall`, { screenshotPath: tallPath });
    const tall = await sharp(readFileSync(tallPath)).metadata();
    expect(tall.height).toBe(SCREENSHOT_MAX_HEIGHT);
  });

  it('refuses non-http URLs', async () => {
    await expect(renderer.render('file:///etc/passwd')).rejects.toThrow(/refusing to render a file: URL/);
  });

  it('rejects (does not hang) when the server is down, and keeps working afterwards', async () => {
    const down = await startFixtureServer({});
    const url = down.url;
    await down.close();
    await expect(renderer.render(url)).rejects.toThrow();
    expect((await renderer.render(server.url)).status).toBe(200);
  });

  it('is no longer connected after close()', async () => {
    const browser = findBrowser()!;
    const second = await BrowserRenderer.launch({ executablePath: browser.path, userAgent: 'x', timeoutMs: 10_000 });
    await second.close();
    expect(second.connected).toBe(false);
    await expect(second.render(server.url)).rejects.toThrow();
  });
});
