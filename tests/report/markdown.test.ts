import { describe, expect, it } from 'vitest';
import { renderMarkdown } from '../../src/report/markdown.ts';
import { buildResult, hostileResult } from './sample-result.ts';

/** Table rows of the section under a "## " heading. */
function sectionRows(markdown: string, heading: string): string[] {
  const start = markdown.indexOf(`## ${heading}\n`);
  expect(start).toBeGreaterThan(-1);
  const rest = markdown.slice(start + heading.length + 4);
  const end = rest.indexOf('\n## ');
  return (end === -1 ? rest : rest.slice(0, end)).split('\n').filter((l) => l.startsWith('|'));
}

/** Cells of a GFM table row, splitting on unescaped pipes only. */
function cells(row: string): string[] {
  return row
    .slice(1, -1)
    .split(/(?<!\\)\|/)
    .map((c) => c.trim());
}

describe('renderMarkdown', () => {
  const md = renderMarkdown(buildResult());

  it('gives the summary score and status counts', () => {
    expect(md).toContain('# รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)');
    expect(md).toContain('**33.3%** — ผ่าน 2 จาก 6 ข้อ');
    expect(md).toContain('✓ ผ่าน: 2 · ◐ ผ่านบางส่วน: 1 · ✗ ไม่ผ่าน: 1 · ? ต้องตรวจด้วยตนเอง: 1 · – ยังไม่ได้ตรวจ: 1');
  });

  it('has a per-group table', () => {
    const rows = sectionRows(md, 'คะแนนรายหมวด');
    expect(rows.map(cells)).toEqual([
      ['หมวด', 'ผ่าน', 'จำนวนข้อ', 'คะแนน'],
      ['---', '---', '---', '---'],
      ['ข้อมูลพื้นฐาน', '1', '3', '33.3%'],
      ['การบริหารงาน', '1', '3', '33.3%'],
    ]);
  });

  it('has an items table with id, title, status, evidence URL and reason', () => {
    const rows = sectionRows(md, 'รายการตรวจ').map(cells);
    expect(rows).toHaveLength(2 + 6);
    expect(rows[2]).toEqual([
      'O1',
      'โครงสร้างหน่วยงาน',
      '✓ ผ่าน',
      '[http://127.0.0.1:8080/about/structure.html](http://127.0.0.1:8080/about/structure.html)',
      'พบแผนผังโครงสร้างครบ',
    ]);
    expect(rows[4]![3]).toBe('');
  });

  it('details only non-pass items, with components and fix hints', () => {
    const details = md.slice(md.indexOf('## รายละเอียดข้อที่ยังไม่ผ่าน'), md.indexOf('## สรุปการเก็บข้อมูลเว็บไซต์'));
    expect(details).toContain('### O2 ข้อมูลผู้บริหาร — ◐ ผ่านบางส่วน');
    expect(details).toContain('- วิธีแก้ไข: เพิ่มรูปถ่ายของผู้บริหารทุกคน _(Add a photo of every executive)_');
    expect(details).toContain('| รูปถ่าย | image | ✗ ไม่ผ่าน | ไม่พบรูปถ่ายผู้บริหาร | [http://127.0.0.1:8080/about/executives.html]');
    expect(details).toContain('### O10 ');
    expect(details).toContain('### O11 ');
    expect(details).not.toContain('### O1 ');
    expect(details).not.toContain('### O12 ');
  });

  it('summarises the crawl and the provenance', () => {
    expect(md).toContain('- หน้าเว็บ: 42');
    expect(md).toContain('- เอกสาร: 7');
    expect(md).toContain('| http-404 | 3 |');
    expect(md).toContain('| out-of-scope | 12 |');
    expect(md).not.toContain('| budget | 0 |');
    expect(md).toContain('- เครื่องมือ: oit-audit 0.1.0');
    expect(md).toContain('- เก็บข้อมูลเสร็จ: 2025-01-15T03:02:10.000Z');
  });

  it('writes English when asked', () => {
    const en = renderMarkdown(buildResult(), { lang: 'en' });
    expect(en).toContain('# Open Information (OIT) audit report');
    expect(en).toContain('| O2 | Executives | ◐ Partial |');
    expect(en).toContain('- How to fix: Add a photo of every executive _(เพิ่มรูปถ่ายของผู้บริหารทุกคน)_');
  });

  it('escapes hostile text: no raw HTML, no injected cells, links or headings', () => {
    const out = renderMarkdown(hostileResult());
    expect(out).not.toMatch(/<(script|img|svg)/i);
    expect(out).toContain('&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;');
    expect(out).not.toMatch(/(?<!\\)\]\(javascript:/);
    expect(out).not.toMatch(/^# heading/m);
    expect(out).not.toMatch(/^- list/m);
    // every items-table row still has exactly 5 cells despite pipes in the text
    const rows = sectionRows(out, 'รายการตรวจ');
    for (const row of rows) expect(cells(row)).toHaveLength(5);
    const o7 = rows.find((r) => r.startsWith('| O7 '))!;
    expect(o7).toContain('\\| cell');
    // non-http URLs are text, http URLs are links with a safe target
    expect(out).toContain('[http://127.0.0.1:8080/news?q="&gt;&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt;](http://127.0.0.1:8080/news?q=%22%3E%3Cscript%3Ewindow.__pwned=1%3C/script%3E)');
  });

  it('warns when the crawl was incomplete or the site unreachable', () => {
    const out = renderMarkdown(buildResult({ complete: false, siteStatus: 'unreachable', siteError: 'dns: ENOTFOUND' }));
    expect(out).toContain('> **เข้าถึงเว็บไซต์ไม่ได้ ทุกข้อจึงยังไม่ได้ตรวจ (ไม่ใช่ไม่ผ่าน)** (dns: ENOTFOUND)');
    expect(out).toContain('> การเก็บข้อมูลไม่ครบ');
  });
});
