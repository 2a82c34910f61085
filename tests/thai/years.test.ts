import { describe, expect, it } from 'vitest';
import { findYears } from '../../src/thai/index.ts';

const years = (text: string) => findYears(text).map(({ year, endYear, fiscal }) => (endYear ? { year, endYear, fiscal } : { year, fiscal }));

describe('findYears', () => {
  it.each([
    ['ปีงบประมาณ พ.ศ. ๒๕๖๘', [{ year: 2568, fiscal: true }]],
    ['ประจำปีงบประมาณ 2566', [{ year: 2566, fiscal: true }]],
    ['ปีงบ 68', [{ year: 2568, fiscal: true }]],
    ['ปีงบฯ 66', [{ year: 2566, fiscal: true }]],
    ['FY2025', [{ year: 2568, fiscal: true }]],
    ['FY 25', [{ year: 2568, fiscal: true }]],
    ['ไตรมาส 1-2/2566', [{ year: 2566, fiscal: true }]],
    ['พ.ศ. 2566', [{ year: 2566, fiscal: false }]],
    ['ค.ศ. 2023', [{ year: 2566, fiscal: false }]],
    ['ประจำปี 2565', [{ year: 2565, fiscal: false }]],
    ['ปี 66', [{ year: 2566, fiscal: false }]],
    ['แผนพัฒนาท้องถิ่น (พ.ศ. 2566-2570)', [{ year: 2566, endYear: 2570, fiscal: false }]],
    ['แผน 2566 – 2570', [{ year: 2566, endYear: 2570, fiscal: false }]],
    ['แผนปฏิบัติราชการ 2566-70', [{ year: 2566, endYear: 2570, fiscal: false }]],
    ['ปีงบประมาณ 2566 ถึง 2567', [{ year: 2566, endYear: 2567, fiscal: true }]],
  ])('%s', (text, expected) => {
    expect(years(text)).toEqual(expected);
  });

  it('ignores amounts, counts, phone numbers and house numbers', () => {
    expect(years('โทร 0-2566-1234')).toEqual([]);
    expect(years('งบประมาณ 2,566 บาท')).toEqual([]);
    expect(years('งบประมาณ 25,000 บาท')).toEqual([]);
    expect(years('จำนวน 2566 บาท')).toEqual([]);
    expect(years('เลขที่ 2566')).toEqual([]);
    expect(years('อายุ 65 ปี')).toEqual([]);
    expect(years('ร้อยละ 25.66')).toEqual([]);
  });

  it('reports raw text and offsets', () => {
    const text = 'รายงานผล ปีงบประมาณ ๒๕๖๕ และแผน พ.ศ. 2566-2570';
    const found = findYears(text);
    expect(found).toHaveLength(2);
    for (const m of found) expect(text.slice(m.index, m.index + m.raw.length)).toBe(m.raw);
    expect(found[0]!.raw).toBe('ปีงบประมาณ ๒๕๖๕');
  });

  it('keeps a wrong-year document distinguishable from the target year', () => {
    const mentioned = findYears('รายงานผลการดำเนินงานประจำปีงบประมาณ พ.ศ. 2564').map((m) => m.year);
    expect(mentioned).toEqual([2564]);
    expect(mentioned).not.toContain(2565);
  });
});

describe('findYears: numbered documents and terms', () => {
  it('does not take a document number or an academic term for a year of the evidence', () => {
    expect(years('สัญญาเลขที่ 10/2565')).toEqual([]);
    expect(years('คำสั่งที่ 123/2566')).toEqual([]);
    expect(years('ซื้ออาหารเสริม (นม) ภาคเรียนที่ 2/2565')).toEqual([]);
  });

  it('still reads quarters and the year of a full numeric date', () => {
    expect(years('ไตรมาส 2/2566')).toEqual([{ year: 2566, fiscal: true }]);
    expect(years('ลงวันที่ 24/04/2566')).toEqual([{ year: 2566, fiscal: false }]);
  });
});
