// Pure pieces of the crawler: URL normalisation, charset detection, extraction, traps, hub detection.
import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { normalizeUrl, urlKey } from '../../src/crawl/url.ts';
import { decodeHtml, canonicalCharset } from '../../src/crawl/charset.ts';
import { extractPage, needsBrowser } from '../../src/crawl/extract.ts';
import { PatternSampler, urlPattern } from '../../src/crawl/traps.ts';
import { isHubPage, mentionsHub } from '../../src/crawl/hub.ts';
import { Scope } from '../../src/crawl/scope.ts';
import { Frontier } from '../../src/crawl/frontier.ts';
import { parseRobots } from '../../src/crawl/robots.ts';
import { parseSitemap } from '../../src/crawl/sitemap.ts';
import { looksBlocked, looksLikeChallengePage, parseRetryAfter } from '../../src/crawl/failures.ts';
import { gzipSync } from 'node:zlib';
import { parseCrawlOptions } from '../../src/crawl/options.ts';
import { UserError } from '../../src/util/errors.ts';

describe('parseCrawlOptions', () => {
  it('fills in defaults', () => {
    const o = parseCrawlOptions({ startUrl: 'https://x.go.th' });
    expect(o).toMatchObject({ maxPages: 300, maxDepth: 6, concurrency: 4, perHostConcurrency: 2, render: 'auto', retries: 2, ignoreRobots: false, ocr: false });
    expect(o.userAgent).toMatch(/oit-audit/);
  });
  it('rejects bad values with one-line UserErrors', () => {
    expect(() => parseCrawlOptions({ startUrl: 'ftp://x' })).toThrow(UserError);
    expect(() => parseCrawlOptions({ startUrl: 'https://x.go.th', maxPages: 0 })).toThrow(/maxPages/);
    expect(() => parseCrawlOptions({ startUrl: 'https://x.go.th', exclude: ['(['] })).toThrow(/exclude/);
  });
});

describe('normalizeUrl / urlKey', () => {
  it('drops fragments, default ports, tracking and session parameters', () => {
    expect(normalizeUrl('HTTP://Example.GO.TH:80/a/b.php?id=3&utm_source=fb&fbclid=x#top')).toBe('http://example.go.th/a/b.php?id=3');
    expect(normalizeUrl('https://x.go.th:443/p;jsessionid=ABC123?PHPSESSID=9&q=1')).toBe('https://x.go.th/p?q=1');
    expect(normalizeUrl('/news?utm_medium=x', 'http://x.go.th/a/')).toBe('http://x.go.th/news');
  });
  it('percent-encodes spaces and Thai in paths consistently', () => {
    const raw = normalizeUrl('http://x.go.th/ข้อมูล/my file.pdf');
    const encodedLower = normalizeUrl('http://x.go.th/%e0%b8%82%e0%b9%89%e0%b8%ad%e0%b8%a1%e0%b8%b9%e0%b8%a5/my%20file.pdf');
    expect(raw).toBe(encodedLower);
    expect(raw).toContain('/my%20file.pdf');
  });
  it('refuses non-http schemes', () => {
    for (const href of ['mailto:a@b.c', 'javascript:void(0)', 'tel:021234567', 'ftp://x/y', '']) expect(normalizeUrl(href, 'http://x.go.th/')).toBeNull();
  });
  it('dedupe key folds www, scheme, trailing slash, index pages and parameter order', () => {
    const k = urlKey('https://www.x.go.th/ita/?b=2&a=1');
    expect(urlKey('http://x.go.th/ita?a=1&b=2')).toBe(k);
    expect(urlKey('http://x.go.th/ita/index.php?a=1&b=2')).toBe(k);
    expect(urlKey('http://x.go.th/itb?a=1&b=2')).not.toBe(k);
  });
});

describe('decodeHtml', () => {
  const thai = 'การเปิดเผยข้อมูลสาธารณะ';
  it('TIS-620 with a meta charset and no header', () => {
    const bytes = iconv.encode(`<html><head><meta http-equiv="Content-Type" content="text/html; charset=tis-620"></head><body>${thai}</body></html>`, 'windows-874');
    const d = decodeHtml(bytes, 'text/html');
    expect(d.text).toContain(thai);
    expect(d.charset).toBe('windows-874');
    expect(d.source).toBe('meta');
  });
  it('TIS-620 with no declaration at all is sniffed', () => {
    const d = decodeHtml(iconv.encode(`<html><body>${thai}</body></html>`, 'windows-874'), 'text/html');
    expect(d.text).toContain(thai);
    expect(d.source).toBe('sniffed');
  });
  it('a header that lies (utf-8) over TIS-620 bytes is corrected', () => {
    const d = decodeHtml(iconv.encode(`<p>${thai}</p>`, 'windows-874'), 'text/html; charset=UTF-8');
    expect(d.text).toContain(thai);
  });
  it('BOM wins over header, header over meta', () => {
    const withBom = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`<meta charset="tis-620">${thai}`)]);
    expect(decodeHtml(withBom, 'text/html; charset=tis-620').text).toContain(thai);
    expect(decodeHtml(Buffer.from(`<meta charset="tis-620">${thai}`), 'text/html; charset=utf-8').text).toContain(thai);
  });
  it('maps Thai labels to windows-874', () => {
    for (const l of ['TIS-620', 'tis620', 'ISO-8859-11', 'x-windows-874']) expect(canonicalCharset(l)).toBe('windows-874');
    expect(canonicalCharset('no-such-charset')).toBeNull();
  });
});

describe('extractPage', () => {
  const html = `<html><head><title> ITA &amp; OIT </title><base href="/sub/"></head><body>
    <h2>การเปิดเผยข้อมูลสาธารณะ</h2>
    <table><tr><td>O1</td><td>โครงสร้าง</td><td><a href="o1.html?utm_source=x#top">[คลิก]</a></td></tr>
    <tr><td>O2</td><td><a href="o2.html"><img src="b.png" alt="ข้อมูลผู้บริหาร"></a></td></tr></table>
    <div onclick="location.href='/go.php?id=1'">ไป</div>
    <map><area href="/map" alt="แผนที่"></map>
    <iframe src="https://www.google.com/maps/embed?pb=1" title="แผนที่ตั้ง"></iframe>
    <form action="/complaint" method="POST"><label>ชื่อ</label><input name="name" placeholder="ชื่อ-สกุล"><textarea name="detail"></textarea><button>ส่งเรื่องร้องเรียน</button></form>
    <script>document.write('<a href="/hidden">x</a>')</script><style>.a{}</style>
    <a href="mailto:saraban@x.go.th">อีเมล</a>
  </body></html>`;
  const page = extractPage(html, 'http://x.go.th/index.html');

  it('reads title, headings and visible text (not scripts or styles)', () => {
    expect(page.title).toBe('ITA & OIT');
    expect(page.headings).toEqual(['การเปิดเผยข้อมูลสาธารณะ']);
    expect(page.text).toContain('โครงสร้าง');
    expect(page.text).not.toContain('document.write');
  });
  it('ties a hub row link to its row text (context) and heading', () => {
    const o1 = page.links.find((l) => l.url === 'http://x.go.th/sub/o1.html')!;
    expect(o1.text).toBe('[คลิก]');
    expect(o1.context).toBe('O1 โครงสร้าง [คลิก]');
    expect(o1.heading).toBe('การเปิดเผยข้อมูลสาธารณะ');
  });
  it('uses img alt as link text and records the image with its link', () => {
    expect(page.links.find((l) => l.url.endsWith('/o2.html'))!.text).toBe('ข้อมูลผู้บริหาร');
    expect(page.images[0]).toMatchObject({ src: 'http://x.go.th/sub/b.png', href: 'http://x.go.th/sub/o2.html' });
  });
  it('finds onclick, area, iframe and mailto links, and forms', () => {
    const bySource = (s: string) => page.links.filter((l) => l.source === s).map((l) => l.url);
    expect(bySource('onclick')).toEqual(['http://x.go.th/go.php?id=1']);
    expect(bySource('area')).toEqual(['http://x.go.th/map']);
    expect(bySource('iframe')).toEqual(['https://www.google.com/maps/embed?pb=1']);
    expect(page.links.some((l) => l.url === 'mailto:saraban@x.go.th')).toBe(true);
    expect(page.links.some((l) => l.url.endsWith('/hidden'))).toBe(false);
    expect(page.iframes).toEqual([{ src: 'https://www.google.com/maps/embed?pb=1', title: 'แผนที่ตั้ง' }]);
    expect(page.forms[0]).toMatchObject({ action: 'http://x.go.th/complaint', method: 'post', hasTextarea: true });
    expect(page.forms[0]!.fields).toContain('ชื่อ-สกุล');
    expect(page.forms[0]!.text).toContain('ส่งเรื่องร้องเรียน');
  });
  it('reads meta refresh and frames; a frameset does not need a browser', () => {
    const p = extractPage('<html><head><meta http-equiv="refresh" content="0; URL=\'/main.html\'"></head></html>', 'http://x.go.th/');
    expect(p.metaRefresh).toBe('http://x.go.th/main.html');
    const f = extractPage('<frameset cols="20%,*"><frame src="menu.html" name="menu"><frame src="main.html"></frameset>', 'http://x.go.th/');
    expect(f.links.map((l) => [l.url, l.source])).toEqual([['http://x.go.th/menu.html', 'frame'], ['http://x.go.th/main.html', 'frame']]);
    expect(needsBrowser(f)).toBe(false);
  });
  it('flags an empty SPA shell as needing a browser, a normal page not', () => {
    expect(needsBrowser(extractPage('<html><body><div id="root"></div><script src="/app.js"></script></body></html>', 'http://x/'))).toBe(true);
    expect(needsBrowser(extractPage('<body><noscript>Please enable JavaScript</noscript><div id="app"><span>…</span></div></body>', 'http://x/'))).toBe(true);
    expect(needsBrowser(page)).toBe(false);
  });
  it('marks images sized as a square by attributes or by an editor\'s inline style, and nothing else', () => {
    const p = extractPage(
      [
        '<img src="/a.png" width="200" height="200">',
        '<img src="/b.png" style="width: 180px; height:180px;" alt="">',
        '<img src="/c.png" style="WIDTH:150PX;HEIGHT:152px">',
        '<img src="/d.png" style="width:100%; height:auto">',
        '<img src="/e.png" width="600" height="120">',
        '<img src="/f.png" width="32" height="32">',
        '<div style="width:200px;height:200px"><img src="/g.png"></div>',
      ].join(''),
      'http://x.go.th/',
    );
    expect(p.images.filter((i) => i.square).map((i) => i.src.split('/').pop())).toEqual(['a.png', 'b.png', 'c.png']);
  });
  it('caps visible text', () => {
    const big = extractPage(`<p>${'ข้อมูล '.repeat(30_000)}</p>`, 'http://x/');
    expect(big.text.length).toBeLessThanOrEqual(60_000);
  });
});

describe('traps, sampling, hub, scope, frontier', () => {
  it('samples repetitive patterns and traps calendars', () => {
    expect(urlPattern('http://x.go.th/news/2024/05/12/item-88.html?page=3')).toBe('x.go.th/news/{n}/{n}/{n}/item-{n}.html?page={n}');
    const s = new PatternSampler(2);
    expect(['1', '2', '3'].map((i) => s.check(`http://x/news.php?id=${i}`))).toEqual(['ok', 'ok', 'sampled']);
    expect(['1', '2', '3', '4'].map((m) => s.check(`http://x/calendar.php?month=${m}&year=2025`)).at(-1)).toBe('trap');
    expect(s.check('http://x/a/b/a/b/a/b/c')).toBe('trap');
    expect(s.check('http://x/about.html')).toBe('ok');
  });
  it('detects a hub page by its O-item rows and hub words in links', () => {
    const rows = Array.from({ length: 9 }, (_, i) => `<tr><td>O${i + 1}</td><td><a href="/o${i + 1}">ดู</a></td></tr>`).join('');
    expect(isHubPage(extractPage(`<table>${rows}</table>`, 'http://x/'))).toBe(true);
    expect(isHubPage(extractPage('<p>O1 O2 O3 OIT ORACLE</p>', 'http://x/'))).toBe(false);
    expect(mentionsHub('ITA 2568', 'http://x/menu')).toBe(true);
    expect(mentionsHub('เมนู', 'http://x/oit/index.php')).toBe(true);
    expect(mentionsHub('การเปิดเผย ข้อมูลสาธารณะ', 'http://x/p')).toBe(true);
    expect(mentionsHub('Italy', 'http://x/italy')).toBe(false);
  });
  it('scope: www and scheme variants are the same site; evidence hosts are set apart', () => {
    const scope = new Scope(['http://www.x.go.th/'], ['cdn.x.go.th'], [], ['\\.aspx$']);
    expect(scope.classify('https://x.go.th/a')).toBe('in');
    expect(scope.classify('http://cdn.x.go.th/a.pdf')).toBe('in');
    expect(scope.classify('http://other.go.th/')).toBe('out-of-scope');
    expect(scope.classify('https://drive.google.com/file/d/1')).toBe('external-evidence');
    expect(scope.classify('https://m.facebook.com/page')).toBe('external-evidence');
    expect(scope.classify('http://x.go.th/a.aspx')).toBe('excluded');
  });
  it('frontier pops best first, FIFO among equals', () => {
    const f = new Frontier();
    const e = (url: string, priority: number) => ({ url, priority, depth: 1, document: false, candidate: false });
    f.push(e('a', 0));
    f.push(e('b', 5));
    f.push(e('c', 0));
    f.push(e('d', 5));
    expect([f.pop(), f.pop(), f.pop(), f.pop(), f.pop()].map((x) => x?.url)).toEqual(['b', 'd', 'a', 'c', undefined]);
  });
});

describe('robots, sitemap, failure helpers', () => {
  it('robots rules, crawl-delay and sitemaps', () => {
    const r = parseRobots('http://x.go.th/robots.txt', 'User-agent: *\nDisallow: /private/\nCrawl-delay: 2\nSitemap: http://x.go.th/sm.xml\n', 'oit-audit/0.1');
    expect(r.isAllowed('http://x.go.th/private/a.html')).toBe(false);
    expect(r.isAllowed('http://x.go.th/public.html')).toBe(true);
    expect(r.crawlDelayMs).toBe(2000);
    expect(r.sitemaps).toEqual(['http://x.go.th/sm.xml']);
    const own = parseRobots('http://x.go.th/robots.txt', 'User-agent: oit-audit\nDisallow: /\n\nUser-agent: *\nAllow: /\n', 'Mozilla/5.0 (compatible; oit-audit/0.1)');
    expect(own.isAllowed('http://x.go.th/a')).toBe(false);
  });
  it('sitemap: urlset, index, gzip', () => {
    const urlset = '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>http://x/a</loc></url><url><loc> http://x/b </loc></url></urlset>';
    expect(parseSitemap(Buffer.from(urlset)).urls).toEqual(['http://x/a', 'http://x/b']);
    expect(parseSitemap(gzipSync(urlset)).urls).toHaveLength(2);
    const index = '<sitemapindex><sitemap><loc>http://x/s1.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(Buffer.from(index))).toEqual({ urls: [], sitemaps: ['http://x/s1.xml'] });
  });
  it('blocked pages and Retry-After', () => {
    expect(looksBlocked(403, { server: 'cloudflare' }, '<title>Just a moment...</title>')).toBe(true);
    expect(looksBlocked(503, {}, '<h1>Service Unavailable</h1>')).toBe(false);
    expect(looksBlocked(200, {}, '<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/x"></script>')).toBe(true);
    expect(looksBlocked(200, {}, '<title>หน้าแรก</title>')).toBe(false);
    expect(looksBlocked(200, {}, '<html><title>JUST A MOMENT...</title></html>')).toBe(true);
    expect(looksBlocked(200, {}, '<p>cf_chl_opt</p>')).toBe(true);
    expect(looksBlocked(200, {}, '<p>wait a moment... please</p>')).toBe(false);
    // the byte-level test every fetched page goes through agrees
    for (const page of ['<title>Just a moment...</title><script src="/cdn-cgi/challenge-platform/x"></script>', '<html><title>JUST A MOMENT...</title></html>', '<p>cf_chl_opt</p>', '<p>wait a moment... please</p>', '<title>หน้าแรก</title>']) {
      expect(looksLikeChallengePage(Buffer.from(page)), page).toBe(looksBlocked(200, {}, Buffer.from(page).toString('latin1')));
    }
    expect(parseRetryAfter('2')).toBe(2000);
    expect(parseRetryAfter('999')).toBe(60_000);
    expect(parseRetryAfter(new Date(Date.now() + 3000).toUTCString())).toBeGreaterThan(1000);
  });
});
