import { describe, expect, it } from 'vitest';
import {
  compareThaiDates, currentFiscalYear, dateSpan, fiscalYearBounds, fiscalYearOf, rangesOverlap, thaiDateOf, windowBounds,
} from '../../src/thai/index.ts';

describe('fiscal year', () => {
  it('30 Sep belongs to the fiscal year of its calendar year, 1 Oct to the next (BE objects)', () => {
    expect(fiscalYearOf({ year: 2566, month: 9, day: 30 })).toBe(2566);
    expect(fiscalYearOf({ year: 2566, month: 10, day: 1 })).toBe(2567);
    expect(fiscalYearOf({ year: 2565, month: 12, day: 31 })).toBe(2566);
    expect(fiscalYearOf({ year: 2566, month: 1 })).toBe(2566);
  });

  it('accepts CE years in plain objects', () => {
    expect(fiscalYearOf({ year: 2023, month: 9, day: 30 })).toBe(2566);
    expect(fiscalYearOf({ year: 2023, month: 10, day: 1 })).toBe(2567);
  });

  it('reads JS Dates in Thai time (UTC+7)', () => {
    expect(fiscalYearOf(new Date('2023-09-30T12:00:00+07:00'))).toBe(2566);
    expect(fiscalYearOf(new Date('2023-10-01T00:30:00+07:00'))).toBe(2567);
    // 30 Sep 20:00 UTC is already 1 Oct in Bangkok
    expect(fiscalYearOf(new Date('2023-09-30T20:00:00Z'))).toBe(2567);
    expect(thaiDateOf(new Date('2023-09-30T20:00:00Z'))).toEqual({ year: 2566, month: 10, day: 1 });
  });

  it('knows the current fiscal year', () => {
    expect(currentFiscalYear(new Date('2026-11-23T10:00:00Z'))).toBe(2570);
    expect(currentFiscalYear(new Date('2026-09-15T10:00:00Z'))).toBe(2569);
  });

  it('gives fiscal-year and window bounds', () => {
    expect(fiscalYearBounds(2566)).toEqual({ start: { year: 2565, month: 10, day: 1 }, end: { year: 2566, month: 9, day: 30 } });
    expect(windowBounds(2566, 'current')).toEqual(fiscalYearBounds(2566));
    expect(windowBounds(2566, 'previous')).toEqual(fiscalYearBounds(2565));
    expect(windowBounds(2566, 'first-half')).toEqual({ start: { year: 2565, month: 10, day: 1 }, end: { year: 2566, month: 3, day: 31 } });
  });

  it('orders and widens partial dates', () => {
    expect(compareThaiDates({ year: 2566, month: 4, day: 24 }, { year: 2566, month: 4, day: 25 })).toBeLessThan(0);
    expect(compareThaiDates({ year: 2567 }, { year: 2566, month: 12, day: 31 })).toBeGreaterThan(0);
    expect(compareThaiDates({ year: 2566, month: 3 }, { year: 2566, month: 3 })).toBe(0);
    expect(dateSpan({ year: 2567, month: 2 }).end).toEqual({ year: 2567, month: 2, day: 29 }); // 2024 is a leap year
    expect(dateSpan({ year: 2566 })).toEqual({ start: { year: 2566, month: 1, day: 1 }, end: { year: 2566, month: 12, day: 31 } });
  });

  it('tests ranges against a window, including the 31 Mar / 1 Apr edge', () => {
    const firstHalf = windowBounds(2566, 'first-half');
    expect(rangesOverlap({ start: { year: 2566, month: 3, day: 31 }, end: { year: 2566, month: 3, day: 31 } }, firstHalf)).toBe(true);
    expect(rangesOverlap({ start: { year: 2566, month: 4, day: 1 }, end: { year: 2566, month: 9, day: 30 } }, firstHalf)).toBe(false);
    expect(rangesOverlap({ start: { year: 2565, month: 9 }, end: { year: 2565, month: 9 } }, firstHalf)).toBe(false);
    expect(rangesOverlap({ start: { year: 2565, month: 10 }, end: { year: 2565, month: 10 } }, firstHalf)).toBe(true);
  });
});
