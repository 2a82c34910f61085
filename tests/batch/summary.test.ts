import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { summarizeBatch, writeBatchSummaries, type AgencyOutcome } from '../../src/batch/run-batch.ts';
import { renderSummaryHtml } from '../../src/batch/summary-html.ts';
import { renderSummaryCsv } from '../../src/batch/summary-csv.ts';
import { excelSheetName } from '../../src/batch/summary-xlsx.ts';
import type { ItemStatus } from '../../src/audit/result.ts';

function agency(name: string, statuses: ItemStatus[] | null, extra: Partial<AgencyOutcome> = {}): AgencyOutcome {
  const items = (statuses ?? []).map((status, i) => ({
    id: `O${i + 1}`,
    title: { th: `หัวข้อที่ ${i + 1}`, en: `Item ${i + 1}` },
    status,
    submitUrls: status === 'pass' ? [`http://${name.length}.go.th/o${i + 1}`] : [],
    reason: { th: 'เหตุผล', en: 'reason' },
  }));
  const pass = items.filter((i) => i.status === 'pass').length;
  return {
    key: name,
    name,
    url: `http://example.go.th/${encodeURIComponent(name)}`,
    folder: `/tmp/out/${name.length}-x`,
    status: statuses ? 'done' : 'failed',
    items,
    ...(statuses ? { score: (pass / items.length) * 100, counts: { pass, fail: items.length - pass }, complete: true } : { error: 'unreachable: connection refused' }),
    ...extra,
  };
}

const hostile = '<script>window.__pwned=1</script><img src=x onerror=alert(1)>';
const outcomes = [
  agency('เทศบาลตำบลบางพลี', ['pass', 'fail', 'fail']),
  agency('องค์การบริหารส่วนตำบลที่มีชื่อยาวมากเกินสามสิบเอ็ดตัวอักษร: [ทดสอบ]', ['pass', 'pass', 'fail']),
  agency(`=HYPERLINK("http://evil") ${hostile}`, ['pass', 'partial', 'manual'], { notes: hostile }),
  agency('ปิดปรับปรุง', null),
  agency("'History'", ['fail', 'fail', 'fail']),
];

describe('summarizeBatch', () => {
  it('ranks by score, puts failed agencies last and finds the most-missed items', () => {
    const s = summarizeBatch(outcomes, new Date('2026-11-23T00:00:00Z'));
    expect(s.agencies.map((a) => a.score === undefined ? null : Math.round(a.score))).toEqual([67, 33, 33, 0, null]);
    expect(s.agencies[0]!.name).toMatch(/^องค์การ/);
    expect(s.agencies[s.agencies.length - 1]!.name).toBe('ปิดปรับปรุง');
    expect(s.itemIds).toEqual(['O1', 'O2', 'O3']);
    expect(s.mostMissed[0]).toMatchObject({ id: 'O3', missed: 4, audited: 4 });
    expect(s.counts).toEqual({ total: 5, done: 4, failed: 1, interrupted: 0, pending: 0 });
  });
});

describe('summary.html', () => {
  const html = renderSummaryHtml(summarizeBatch(outcomes), { lang: 'th' });
  it('escapes every crawled or user-given string', () => {
    expect(html).not.toContain('<script>window');
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;script&gt;window.__pwned=1&lt;/script&gt;');
    expect(html).toContain("Content-Security-Policy\" content=\"default-src 'none'");
    expect(html).not.toMatch(/<script/i);
  });
  it('has the ranking, a chart, the matrix coloured by status and the most-missed items', () => {
    expect(html).toContain('อันดับคะแนน');
    expect(html).toContain('<svg class="chart"');
    expect(html).toMatch(/<td class="cell s-pass" title="O1: ผ่าน">✓<\/td>/);
    expect(html).toMatch(/<td class="cell s-partial"/);
    expect(html).toContain('ข้อที่หน่วยงานขาดมากที่สุด');
    expect(html).toContain('ตรวจไม่ได้: unreachable: connection refused');
  });
});

describe('summary.csv', () => {
  it('is UTF-8 with a BOM, CRLF, quoted, formula-safe', () => {
    const csv = renderSummaryCsv(summarizeBatch(outcomes));
    expect(csv.startsWith('\uFEFFrank,name,url,status,score,pass,partial,fail,manual,not-checked,complete,error,notes,report,O1,O2,O3\r\n')).toBe(true);
    expect(csv).toContain('1,องค์การบริหารส่วนตำบลที่มีชื่อยาวมากเกินสามสิบเอ็ดตัวอักษร: [ทดสอบ],');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")`);
    expect(csv).toContain(',ปิดปรับปรุง,');
    expect(csv.split('\r\n')).toHaveLength(7);
  });
});

describe('excelSheetName', () => {
  it('follows Excel rules and stays unique', () => {
    const taken = new Set<string>(['matrix']);
    const long = excelSheetName('องค์การบริหารส่วนตำบลที่มีชื่อยาวมาก: [ทดสอบ]/*?\\', taken);
    expect(long.length).toBeLessThanOrEqual(31);
    expect(long).not.toMatch(/[[\]:*?/\\]/);
    expect(excelSheetName('Matrix', taken)).toBe('Matrix (2)');
    expect(excelSheetName("'History'", taken)).toBe('Sheet');
    expect(excelSheetName('', taken)).toBe('Sheet (2)');
    const again = excelSheetName('องค์การบริหารส่วนตำบลที่มีชื่อยาวมาก: [ทดสอบ]/*?\\', taken);
    expect(again).not.toBe(long);
    expect(again.length).toBeLessThanOrEqual(31);
  });
});

describe('writeBatchSummaries', () => {
  it('writes the three files; the xlsx reads back with Thai intact', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'oit-summary-'));
    const files = await writeBatchSummaries(summarizeBatch(outcomes), dir, { lang: 'th' });
    expect(files.map((f) => f.slice(dir.length + 1))).toEqual(['summary.html', 'summary.csv', 'summary.xlsx']);
    expect((await readFile(files[1]!, 'utf8')).charCodeAt(0)).toBe(0xfeff);

    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[2]!);
    const names = wb.worksheets.map((w) => w.name);
    expect(names[0]).toBe('Matrix');
    expect(names).toHaveLength(1 + outcomes.length);
    for (const n of names) {
      expect(n.length).toBeLessThanOrEqual(31);
      expect(n).not.toMatch(/[[\]:*?/\\]/);
    }
    expect(names).toContain('เทศบาลตำบลบางพลี');
    const matrix = wb.getWorksheet('Matrix')!;
    expect(matrix.getRow(1).getCell(4).value).toBe('O1');
    expect(matrix.getRow(2).getCell(2).value).toMatch(/^องค์การบริหารส่วนตำบล/);
    expect(matrix.getRow(2).getCell(3).value).toBeCloseTo(66.67, 1);
    expect((matrix.getRow(2).getCell(4).fill as { fgColor?: { argb?: string } }).fgColor?.argb).toBe('FFC6EFCE');
    expect(matrix.getRow(6).getCell(2).value).toBe('ปิดปรับปรุง');
    const bangphli = wb.getWorksheet('เทศบาลตำบลบางพลี')!;
    expect(bangphli.getRow(1).getCell(1).value).toBe('เทศบาลตำบลบางพลี');
    expect(bangphli.getRow(6).values).toEqual([undefined, 'O1', 'หัวข้อที่ 1', 'http://16.go.th/o1', '', '', 'ผ่าน', 'เหตุผล']);
    // a formula-looking agency name stays text
    const evil = wb.worksheets.find((w) => w.name.includes('HYPERLINK'))!;
    expect(String(evil.getRow(1).getCell(1).value).startsWith("'=")).toBe(true);
  });
});
