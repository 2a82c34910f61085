import { describe, expect, it } from 'vitest';
import { findDates, parseThaiDate } from '../../src/thai/index.ts';

describe('parseThaiDate', () => {
  it.each([
    ['๒๔ เม.ย. ๒๕๖๖', { year: 2566, month: 4, day: 24 }],
    ['24 เมษายน 2566', { year: 2566, month: 4, day: 24 }],
    ['วันที่ 25 เดือนกรกฎาคม พ.ศ. 2566', { year: 2566, month: 7, day: 25 }],
    ['ต.ค. 65', { year: 2565, month: 10 }],
    ['๑ ต.ค ๖๕', { year: 2565, month: 10, day: 1 }],
    ['มีค. 2566', { year: 2566, month: 3 }],
    ['2023-04-24', { year: 2566, month: 4, day: 24 }],
    ['24/04/2566', { year: 2566, month: 4, day: 24 }],
    ['24/4/66', { year: 2566, month: 4, day: 24 }],
    ['24 April 2023', { year: 2566, month: 4, day: 24 }],
    ['Oct 2022', { year: 2565, month: 10 }],
    ['พ.ศ. 2566', { year: 2566 }],
  ])('%s', (text, expected) => {
    expect(parseThaiDate(text)).toEqual(expected);
  });

  it('rejects what is not a date', () => {
    expect(parseThaiDate('ข้อมูลผู้บริหาร')).toBeNull();
    expect(parseThaiDate('31/02/2566')).toBeNull();
    expect(parseThaiDate('มีคน 12 คน')).toBeNull();
    expect(parseThaiDate('5 มีนาคม 12 ราย')).toBeNull();
    expect(parseThaiDate('')).toBeNull();
  });
});

describe('findDates', () => {
  it('finds a full range with short years and Thai digits', () => {
    const text = 'ข้อมูลครอบคลุมในระยะเวลา ๖ เดือนแรก (๑ ต.ค ๖๕ - ๓๑ มี.ค. ๖๖)';
    const [range] = findDates(text);
    expect(range).toMatchObject({ raw: '๑ ต.ค ๖๕ - ๓๑ มี.ค. ๖๖', start: { year: 2565, month: 10, day: 1 }, end: { year: 2566, month: 3, day: 31 } });
    expect(text.slice(range!.index, range!.index + range!.raw.length)).toBe(range!.raw);
  });

  it.each([
    ['1 ต.ค. 65 – 31 มี.ค. 66', { year: 2565, month: 10, day: 1 }, { year: 2566, month: 3, day: 31 }],
    ['ต.ค. ๖๕ ถึง ก.ย. ๖๖', { year: 2565, month: 10 }, { year: 2566, month: 9 }],
    ['ไตรมาส 1 (ต.ค. - ธ.ค. 65)', { year: 2565, month: 10 }, { year: 2565, month: 12 }],
    ['ตุลาคม – ธันวาคม 2565', { year: 2565, month: 10 }, { year: 2565, month: 12 }],
    ['พฤศจิกายน - มกราคม 2566', { year: 2565, month: 11 }, { year: 2566, month: 1 }],
    ['1 - 31 มี.ค. 66', { year: 2566, month: 3, day: 1 }, { year: 2566, month: 3, day: 31 }],
  ])('range %s', (text, start, end) => {
    expect(findDates(text)).toEqual([expect.objectContaining({ start, end })]);
  });

  it('finds every date in a longer text, in order', () => {
    const dates = findDates('ประกาศ ณ วันที่ 3 ตุลาคม 2565 แก้ไขเมื่อ 2023-01-15 และ 24/04/2566');
    expect(dates.map((d) => d.start)).toEqual([
      { year: 2565, month: 10, day: 3 },
      { year: 2566, month: 1, day: 15 },
      { year: 2566, month: 4, day: 24 },
    ]);
    expect(dates.every((d) => d.end === undefined)).toBe(true);
  });

  it('drops a month with no year anywhere', () => {
    expect(findDates('ประชุมทุกเดือนมีนาคม')).toEqual([]);
  });
});
