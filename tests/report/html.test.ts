// Static checks of report.html with a real HTML parser (cheerio); tests/report/html-browser.test.ts
// checks the same file in real Chromium.
import { load } from 'cheerio';
import { describe, expect, it } from 'vitest';
import { REPORT_CSP, renderHtml } from '../../src/report/html.ts';
import { buildResult, hostileResult } from './sample-result.ts';

const EVENT_ATTR = /^on/i;

function allAttributes($: ReturnType<typeof load>): Array<{ tag: string; name: string; value: string }> {
  const out: Array<{ tag: string; name: string; value: string }> = [];
  $('*').each((_, el) => {
    if (el.type !== 'tag') return;
    for (const [name, value] of Object.entries(el.attribs)) out.push({ tag: el.tagName, name, value });
  });
  return out;
}

describe('renderHtml', () => {
  const html = renderHtml(buildResult());
  const $ = load(html);

  it('is one self-contained document: CSP meta, inline CSS, no scripts, no external resources', () => {
    expect(html.startsWith('<!doctype html>')).toBe(true);
    expect($('meta[http-equiv="Content-Security-Policy"]').attr('content')).toBe(REPORT_CSP);
    expect(REPORT_CSP).toContain("default-src 'none'");
    expect(REPORT_CSP).toContain("img-src data:");
    expect($('script').length).toBe(0);
    expect($('link, iframe, object, embed, base, form').length).toBe(0);
    expect($('style').text()).toContain('"Sarabun","TH Sarabun New","Noto Sans Thai","Loma","Tlwg Typist",sans-serif');
    expect($('style').text()).toContain('@media print');
    expect($('style').text()).not.toMatch(/url\(|@import/);
    for (const img of $('img').toArray()) expect($(img).attr('src')).toMatch(/^data:image\//);
    expect($('html').attr('lang')).toBe('th');
  });

  it('shows the score, a bar per group and a badge per item with colour and text', () => {
    expect($('.score').text()).toBe('33.3%');
    expect($('.chart .bar-track')).toHaveLength(2);
    expect($('.chart .bar-track').first().attr('aria-label')).toBe('ข้อมูลพื้นฐาน: 33.3% (1/3)');
    const rows = $('#items-h').parent().find('tbody tr');
    expect(rows).toHaveLength(6);
    const o2 = rows.eq(1);
    expect(o2.find('td').eq(0).text()).toBe('O2');
    expect(o2.find('.badge').attr('class')).toBe('badge badge-partial');
    expect(o2.find('.badge').text()).toBe('◐ ผ่านบางส่วน');
    expect(o2.find('a[href="http://127.0.0.1:8080/about/executives.html"]').attr('rel')).toBe('noopener noreferrer');
  });

  it('details each item: components, evidence, reason and fix in both languages; non-pass items open', () => {
    const o2 = $('#item-O2');
    expect(o2.is('details')).toBe(true);
    expect(o2.attr('open')).toBeDefined();
    expect($('#item-O1').attr('open')).toBeUndefined();
    expect(o2.find('dd').eq(1).text()).toBe('เพิ่มรูปถ่ายของผู้บริหารทุกคนAdd a photo of every executive');
    expect(o2.find('tbody tr')).toHaveLength(2);
    expect(o2.find('tbody tr').eq(1).find('.badge').text()).toBe('✗ ไม่ผ่าน');
    expect(o2.find('.evidence li .snippet').text()).toBe('นายกองค์การบริหารส่วนตำบล โทร ๐๘๑-๒๓๔-๕๖๗๘');
  });

  it('puts English first with lang=en', () => {
    const en = load(renderHtml(buildResult(), { lang: 'en' }));
    expect(en('html').attr('lang')).toBe('en');
    expect(en('#item-O2 dd').eq(1).text()).toBe('Add a photo of every executiveเพิ่มรูปถ่ายของผู้บริหารทุกคน');
    expect(en('#item-O2 .badge').first().text()).toBe('◐ Partial');
  });

  it('reports crawl failures, skipped counts and provenance', () => {
    const crawl = $('#crawl-h').parent();
    expect(crawl.text()).toContain('http-4043');
    expect(crawl.text()).toContain('out-of-scope12');
    expect(crawl.text()).not.toContain('budget0');
    expect($('#prov-h').parent().text()).toContain('2025-01-15T03:02:10.000Z');
  });

  it('escapes hostile text: no script, no event handler, no non-http link', () => {
    const hostile = renderHtml(hostileResult());
    const h$ = load(hostile);
    expect(h$('script, svg, iframe, object, embed').length).toBe(0);
    expect(h$('img').length).toBe(0);
    for (const attr of allAttributes(h$)) {
      expect(attr.name).not.toMatch(EVENT_ATTR);
      if (attr.name === 'href') expect(attr.value).toMatch(/^(https?:\/\/|#item-)/);
    }
    // the payloads are still visible to the reader, as text
    expect(h$('#item-O7 h3').text()).toBe('O7 <script>window.__pwned=1</script>ข่าวประชาสัมพันธ์ <img src=x onerror="window.__pwned=1;alert(1)">');
    expect(hostile).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(hostile).not.toContain('<script>');
    // javascript: and friends are shown as text, not links
    const texts = h$('#item-O7 .url-text').map((_, el) => h$(el).text()).get();
    expect(texts).toEqual(expect.arrayContaining(['javascript:window.__pwned=1', 'JaVaScRiPt:alert(1)', 'vbscript:msgbox(1)', 'file:///etc/passwd']));
    expect(h$('a[href^="javascript"], a[href^="data"], a[href^="vbscript"], a[href^="file"]').length).toBe(0);
    // the only http evidence link keeps its query escaped inside the attribute
    expect(h$('#item-O7 .evidence a').attr('href')).toBe('http://127.0.0.1:8080/news?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E');
  });

  it('embeds a screenshot only as a data:image URI', () => {
    const result = buildResult();
    result.items[0]!.evidence[0]!.screenshot = 'screenshots/o1.png';
    result.items[1]!.evidence[0]!.screenshot = 'screenshots/o2.png';
    const shots = new Map([
      ['screenshots/o1.png', 'data:image/jpeg;base64,/9j/AAAA'],
      ['screenshots/o2.png', 'javascript:alert(1)'],
    ]);
    const s$ = load(renderHtml(result, { screenshots: shots }));
    expect(s$('img.shot')).toHaveLength(1);
    expect(s$('#item-O1 img.shot').attr('src')).toBe('data:image/jpeg;base64,/9j/AAAA');
  });

  it('warns when the site was unreachable and the crawl incomplete', () => {
    const u$ = load(renderHtml(buildResult({ siteStatus: 'unreachable', siteError: 'dns: ENOTFOUND', complete: false })));
    expect(u$('.notice-error').text()).toContain('เข้าถึงเว็บไซต์ไม่ได้');
    expect(u$('.notice-error').text()).toContain('dns: ENOTFOUND');
    expect(u$('.notice').length).toBe(2);
  });
});
