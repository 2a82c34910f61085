// Whole crawls of small fixture sites served on 127.0.0.1. Each asserts what the snapshot holds.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { startFixtureServer, type FixtureServer, type RouteHandler } from '../helpers/fixture-server.ts';
import { crawl } from '../../src/crawl/crawler.ts';
import { containsNormalized } from '../../src/thai/normalize.ts';
import { SiteSnapshot } from '../../src/snapshot/schema.ts';
import type { CrawlEvent } from '../../src/crawl/events.ts';

const FIXTURES = join(import.meta.dirname, '../fixtures/crawl');
const CHROMIUM = '/usr/bin/chromium';
const fast = { render: 'never' as const, timeoutMs: 3000, retries: 1 };

/** a Thai PDF made the way agencies make them: a browser's print to PDF */
async function makeThaiPdf(): Promise<Buffer> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-background-networking'] });
  try {
    const page = await browser.newPage();
    await page.setContent('<html><body style="font-family: Loma, sans-serif"><h1>แผนพัฒนาท้องถิ่น พ.ศ. ๒๕๖๘</h1><p>อำนาจหน้าที่ และข้อมูลผู้บริหาร น้ำประปา</p></body></html>');
    return Buffer.from(await page.pdf({ format: 'A4' }));
  } finally {
    await browser.close();
  }
}

const html = (body: string, title = 'หน้า') => `<!doctype html><html><head><meta charset="utf-8"><title>${title}</title></head><body>${body}</body></html>`;

describe('hub site', () => {
  let server: FixtureServer;
  let snap: SiteSnapshot;
  const events: CrawlEvent[] = [];
  let pdf: Buffer;

  beforeAll(async () => {
    pdf = await makeThaiPdf();
    server = await startFixtureServer({
      root: join(FIXTURES, 'hub-site'),
      routes: { '/ita/plan-2568.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf', 'last-modified': 'Mon, 06 Jan 2025 03:00:00 GMT' }).end(pdf) },
    });
    snap = await crawl({ startUrl: server.url, ...fast, concurrency: 1, samplesPerPattern: 3, priorityWords: ['ข้อมูลผู้บริหาร'] }, { onEvent: (e) => events.push(e) });
  }, 60_000);
  afterAll(() => server?.close());

  it('is a valid snapshot with provenance', () => {
    expect(() => SiteSnapshot.parse(snap)).not.toThrow();
    expect(snap.siteStatus).toBe('ok');
    expect(snap.provenance.stoppedBecause).toBe('complete');
    expect(snap.provenance.userAgent).toMatch(/oit-audit/);
    expect(snap.provenance.robots).toMatchObject({ found: true, obeyed: true });
    expect(snap.hosts).toContain('127.0.0.1');
  });
  it('finds the hub, and fetches the hub before ordinary pages', () => {
    expect(snap.hubUrls).toEqual([`${server.origin}/ita/`]);
    expect(events.some((e) => e.type === 'hub:found')).toBe(true);
    const order = snap.pages.map((p) => new URL(p.url).pathname);
    expect(order[0]).toBe('/');
    expect(order[1]).toBe('/ita/');
    expect(order.indexOf('/ita/o1.html')).toBeLessThan(order.indexOf('/about.html'));
  });
  it('keeps hub rows as link context', () => {
    const hub = snap.pages.find((p) => p.url.endsWith('/ita/'))!;
    const o1 = hub.links.find((l) => l.url.endsWith('/ita/o1.html'))!;
    expect(o1.context).toContain('O1');
    expect(o1.context).toContain('โครงสร้าง');
  });
  it('records skipped URLs once each, with reasons', () => {
    const reason = (suffix: string) => snap.skipped.filter((s) => s.url.endsWith(suffix)).map((s) => s.reason);
    expect(reason('/private/secret.html')).toEqual(['robots']);
    expect(reason('drive.google.com/file/d/abc123/view')).toEqual(['external-evidence']);
    expect(reason('facebook.com/test.agency')).toEqual(['external-evidence']);
    expect(reason('example.org/other.html')).toEqual(['out-of-scope']);
    expect(server.hits.has('/private/secret.html')).toBe(false);
    expect(snap.skipped.filter((s) => s.reason === 'sampled').length).toBe(27);
    const keys = snap.skipped.map((s) => `${s.reason} ${s.url}`);
    expect(new Set(keys).size).toBe(keys.length);
  });
  it('extracts Thai text from the hub’s PDF', () => {
    const doc = snap.documents.find((d) => d.url.endsWith('/ita/plan-2568.pdf'))!;
    expect(doc).toMatchObject({ kind: 'pdf', textStatus: 'ok', status: 200, lastModified: 'Mon, 06 Jan 2025 03:00:00 GMT', size: pdf.length });
    expect(containsNormalized(doc.text, 'อำนาจหน้าที่')).toBe(true);
    expect(containsNormalized(doc.text, 'แผนพัฒนาท้องถิ่น')).toBe(true);
    expect(containsNormalized(doc.text, '2568')).toBe(true);
  });
  it('decodes the EIT QR code on the hub page', () => {
    const hub = snap.pages.find((p) => p.url.endsWith('/ita/'))!;
    expect(hub.images[0]!.qr).toMatch(/^https:\/\/itas\.nacc\.go\.th\//);
  });
  it('also decodes a square image with no QR hint in its name, and fetches no banner or icon', () => {
    const hub = snap.pages.find((p) => p.url.endsWith('/ita/'))!;
    const upload = hub.images.find((i) => i.src.endsWith('/uploads/IMG_0412.png'))!;
    expect(upload).toMatchObject({ square: true, qr: expect.stringMatching(/^https:\/\/itas\.nacc\.go\.th\//) });
    expect(server.hits.get('/uploads/banner.png')).toBeUndefined();
    expect(server.hits.get('/uploads/icon.png')).toBeUndefined();
  });
});

describe('documents on another host', () => {
  it('fetches a PDF another host serves when a hub row links it, but not that host’s pages', async () => {
    let port = 0;
    const server = await startFixtureServer({
      routes: {
        '/': (_req, res) => {
          // "localhost" is another host name for the same loopback server: out of the site's scope
          const rows = Array.from({ length: 9 }, (_, i) => `<tr><td>O${i + 1}</td><td><a href="/o${i + 1}.html">ดู</a></td></tr>`).join('');
          const external = `<tr><td>O10</td><td><a href="http://localhost:${port}/ext/plan.pdf">แผน</a> <a href="http://localhost:${port}/ext/page.html">หน้า</a></td></tr>`;
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(`<table>${rows}${external}</table>`, 'ITA'));
        },
        '/ext/plan.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf' }).end('%PDF-1.4 not really a pdf'),
      },
    });
    port = server.port;
    const snap = await crawl({ startUrl: server.url, ...fast, useSitemap: false });
    await server.close();
    expect(snap.hubUrls).toHaveLength(1);
    expect(snap.documents.map((d) => d.url)).toEqual([`http://localhost:${port}/ext/plan.pdf`]);
    expect(snap.skipped.find((s) => s.url.endsWith('/ext/page.html'))?.reason).toBe('out-of-scope');
    expect(server.hits.get('/ext/page.html')).toBeUndefined();
  });
});

describe('files behind download scripts', () => {
  it('a link that looks like a page but answers with a PDF gets the document size cap, not the page cap', async () => {
    const server = await startFixtureServer({
      routes: {
        '/': (_req, res) =>
          void res
            .writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
            .end(html('<a href="/download.php?id=7">แผนปฏิบัติการ</a> <a href="/download.php?id=8">รายงานประจำปี</a> <a href="/big.html">หน้ายาว</a>', 'หน้าแรก')),
        '/download.php': (req, res) => {
          const size = req.url!.endsWith('id=7') ? 300 * 1024 : 3 * 1024 * 1024;
          res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(size) }).end(Buffer.alloc(size, 0x20));
        },
        '/big.html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(`<p>${'ข'.repeat(200 * 1024)}</p>`),
      },
    });
    const snap = await crawl({ startUrl: server.url, ...fast, useSitemap: false, maxPageBytes: 100 * 1024, maxDocumentBytes: 1024 * 1024 });
    await server.close();
    // 300 KB: over the page cap, within the document cap → a document
    expect(snap.documents.find((d) => d.url.endsWith('id=7'))).toMatchObject({ kind: 'pdf', size: 300 * 1024 });
    expect(snap.failures.find((f) => f.url.endsWith('id=7'))).toBeUndefined();
    // 3 MB: over both → recorded as a too-large document, and a too-large failure
    expect(snap.documents.find((d) => d.url.endsWith('id=8'))).toMatchObject({ kind: 'pdf', textStatus: 'too-large', size: 3 * 1024 * 1024 });
    // an HTML page over the page cap stays too large
    expect(snap.failures.find((f) => f.url.endsWith('/big.html'))?.kind).toBe('too-large');
  });
});

describe('TIS-620 frameset site with no charset header', () => {
  let server: FixtureServer;
  const send = (text: string): RouteHandler => (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end(iconv.encode(text, 'windows-874'));
  beforeAll(async () => {
    server = await startFixtureServer({
      routes: {
        '/': send('<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"><title>เทศบาลตำบลทดสอบ</title></head><frameset cols="200,*"><frame src="menu.htm" name="menu"><frame src="main.htm" name="main"></frameset></html>'),
        // the frames declare nothing at all: a Thai fallback must read them
        '/menu.htm': send('<html><body><a href="ita.htm" target="main">การเปิดเผยข้อมูลสาธารณะ</a><br><a href="main.htm">หน้าหลัก</a></body></html>'),
        '/main.htm': send('<html><body><h1>ยินดีต้อนรับสู่เทศบาลตำบลทดสอบ</h1></body></html>'),
        '/ita.htm': send('<html><body><h2>ข้อมูลพื้นฐาน</h2><p>โครงสร้างหน่วยงาน</p></body></html>'),
      },
    });
  });
  afterAll(() => server?.close());

  it('decodes every page and follows the frames', async () => {
    const snap = await crawl({ startUrl: server.url, ...fast });
    const byPath = new Map(snap.pages.map((p) => [new URL(p.url).pathname, p]));
    expect([...byPath.keys()].sort()).toEqual(['/', '/ita.htm', '/main.htm', '/menu.htm']);
    expect(byPath.get('/')!.title).toBe('เทศบาลตำบลทดสอบ');
    expect(byPath.get('/menu.htm')!.links[0]!.text).toBe('การเปิดเผยข้อมูลสาธารณะ');
    expect(byPath.get('/main.htm')!.headings).toEqual(['ยินดีต้อนรับสู่เทศบาลตำบลทดสอบ']);
    expect(byPath.get('/ita.htm')!.text).toContain('โครงสร้างหน่วยงาน');
    expect(byPath.get('/menu.htm')!.charset).toBe('windows-874');
    // frames belong to the page that holds them: same depth
    expect(byPath.get('/menu.htm')!.depth).toBe(0);
    expect(byPath.get('/ita.htm')!.depth).toBe(1);
  });
});

describe('pathological servers', () => {
  let server: FixtureServer;
  let flaky = 0;
  beforeAll(async () => {
    const home = html(
      ['/loop-a', '/slow', '/flaky', '/big.pdf', '/huge.html', '/calendar?month=1&year=2025', '/missing'].map((h) => `<a href="${h}">ลิงก์ ${h}</a>`).join(' '),
      'หน้าแรก',
    );
    server = await startFixtureServer({
      routes: {
        '/': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(home),
        '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
        '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
        '/slow': () => {
          /* never answers */
        },
        '/flaky': (_req, res) => {
          flaky++;
          if (flaky === 1) res.writeHead(502).end();
          else res.writeHead(200, { 'content-type': 'text/html' }).end(html('<p>กลับมาแล้ว</p>', 'flaky'));
        },
        '/big.pdf': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(200 * 1024 * 1024) }).end(),
        '/huge.html': (_req, res) => {
          res.writeHead(200, { 'content-type': 'text/html' });
          res.end(Buffer.alloc(3 * 1024 * 1024, 'ก'));
        },
        '/calendar': (req, res) => {
          const u = new URL(req.url!, 'http://x');
          const m = Number(u.searchParams.get('month'));
          const y = Number(u.searchParams.get('year'));
          const next = m === 12 ? `month=1&year=${y + 1}` : `month=${m + 1}&year=${y}`;
          const prev = m === 1 ? `month=12&year=${y - 1}` : `month=${m - 1}&year=${y}`;
          res.writeHead(200, { 'content-type': 'text/html' }).end(html(`<h1>ปฏิทินกิจกรรม ${m}/${y}</h1><a href="/calendar?${prev}">ก่อนหน้า</a><a href="/calendar?${next}">ถัดไป</a>`, 'ปฏิทิน'));
        },
      },
    });
  });
  afterAll(() => server?.close());

  it('names every failure and survives the traps', async () => {
    const t = Date.now();
    const snap = await crawl({ startUrl: server.url, render: 'never', timeoutMs: 600, retries: 1, maxPageBytes: 1024 * 1024, maxDocumentBytes: 1024 * 1024, maxPages: 100 });
    expect(Date.now() - t).toBeLessThan(15_000);
    const failure = (path: string) => snap.failures.find((f) => f.url === `${server.origin}${path}`);
    expect(failure('/loop-a')?.kind).toBe('redirect-loop');
    expect(failure('/slow')).toMatchObject({ kind: 'timeout', attempts: 2 });
    expect(failure('/flaky')).toBeUndefined();
    expect(snap.pages.find((p) => p.url.endsWith('/flaky'))?.text).toBe('กลับมาแล้ว');
    expect(failure('/big.pdf')?.kind).toBe('too-large');
    expect(snap.documents.find((d) => d.url.endsWith('/big.pdf'))).toMatchObject({ textStatus: 'too-large', size: 200 * 1024 * 1024, kind: 'pdf' });
    expect(failure('/huge.html')?.kind).toBe('too-large');
    expect(failure('/missing')).toMatchObject({ kind: 'http-404', status: 404 });
    // the endless calendar: a few months, then 'trap', and the crawl ends on its own
    const months = snap.pages.filter((p) => p.url.includes('/calendar'));
    expect(months.length).toBeGreaterThan(0);
    expect(months.length).toBeLessThanOrEqual(4);
    expect(snap.skipped.some((s) => s.reason === 'trap' && s.url.includes('/calendar'))).toBe(true);
    expect(snap.provenance.stoppedBecause).toBe('complete');
  });
});

describe('soft-404 server', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({ root: join(FIXTURES, 'soft404-site') });
  });
  afterAll(() => server?.close());

  it('flags the site and the pages that are really "not found"', async () => {
    const snap = await crawl({ startUrl: server.url, ...fast });
    expect(snap.soft404).toBe(true);
    expect(snap.pages.map((p) => new URL(p.url).pathname).sort()).toEqual(['/', '/contact.html']);
    expect(snap.failures.map((f) => [new URL(f.url).pathname, f.kind])).toEqual([['/ita-2568.html', 'soft-404']]);
  });
});

describe('site-level outcomes', () => {
  it('an unreachable start URL gives a snapshot with a one-line siteError, not an exception', async () => {
    const s = await startFixtureServer({});
    const url = s.url;
    await s.close();
    const snap = await crawl({ startUrl: url, ...fast, retries: 0 });
    expect(snap.siteStatus).toBe('unreachable');
    expect(snap.siteError).toMatch(/^refused: /);
    expect(snap.siteError).not.toContain('\n');
    expect(snap.pages).toEqual([]);
    expect(snap.provenance.stoppedBecause).toBe('unreachable');
  });
  it('a bot wall at the start URL is "blocked"', async () => {
    const s = await startFixtureServer({
      routes: { '/': (_req, res) => void res.writeHead(403, { server: 'cloudflare', 'content-type': 'text/html' }).end('<title>Just a moment...</title>') },
    });
    const snap = await crawl({ startUrl: s.url, ...fast, retries: 0 });
    await s.close();
    expect(snap.siteStatus).toBe('blocked');
    expect(snap.siteError).toMatch(/^blocked/);
  });
});

describe('budget, depth, early stop and abort', () => {
  let server: FixtureServer;
  beforeAll(async () => {
    server = await startFixtureServer({
      routes: {
        '/*': (req, res) => {
          const n = Number(/\/p(\d+)\.html/.exec(req.url ?? '')?.[1] ?? 0);
          const links = Array.from({ length: 5 }, (_, i) => `<li><a href="/p${n * 5 + i + 1}.html">หน้า ${n * 5 + i + 1}</a></li>`).join('');
          res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end(html(`<h1>หน้า ${n}</h1><ul>${links}</ul>`, `หน้า ${n}`));
        },
      },
    });
  });
  afterAll(() => server?.close());
  const base = () => ({ startUrl: server.url, ...fast, samplesPerPattern: 100_000, useSitemap: false });

  it('stops at maxPages and records the rest as "budget"', async () => {
    const snap = await crawl({ ...base(), maxPages: 7 });
    expect(snap.pages).toHaveLength(7);
    expect(snap.provenance.stoppedBecause).toBe('budget');
    expect(snap.skipped.filter((s) => s.reason === 'budget').length).toBeGreaterThan(0);
  });
  it('respects maxDepth', async () => {
    const snap = await crawl({ ...base(), maxDepth: 1 });
    expect(snap.pages).toHaveLength(6);
    expect(Math.max(...snap.pages.map((p) => p.depth))).toBe(1);
    expect(snap.skipped.filter((s) => s.reason === 'depth')).toHaveLength(25);
  });
  it('stops early when shouldStop says so', async () => {
    let calls = 0;
    const snap = await crawl({ ...base(), maxPages: 200 }, { checkEvery: 5, shouldStop: (partial) => (++calls, partial.pages.length >= 10) });
    expect(calls).toBeGreaterThan(0);
    expect(snap.provenance.stoppedBecause).toBe('early-stop');
    expect(snap.pages.length).toBeGreaterThanOrEqual(10);
    expect(snap.pages.length).toBeLessThan(20);
    expect(snap.skipped.some((s) => s.reason === 'early-stop')).toBe(true);
  });
  it('an abort signal (Ctrl-C) returns what was gathered', async () => {
    const controller = new AbortController();
    const snap = await crawl({ ...base(), maxPages: 500 }, {
      signal: controller.signal,
      onEvent: (e) => {
        if (e.type === 'page:done' && e.pagesDone === 8) controller.abort();
      },
    });
    expect(snap.provenance.stoppedBecause).toBe('interrupted');
    expect(snap.pages.length).toBeGreaterThanOrEqual(8);
    expect(snap.pages.length).toBeLessThan(20);
    expect(snap.skipped.some((s) => s.reason === 'interrupted')).toBe(true);
    expect(() => SiteSnapshot.parse(snap)).not.toThrow();
  });
});
