// Thai fiscal years (ปีงบประมาณ), Buddhist era: FY N runs from 1 Oct N-1 to 30 Sep N.
import { ceToBe, expandYear } from './era.ts';
import type { ThaiDate } from './dates.ts';

/** same values as the checklist schema's TimeWindow */
export type TimeWindow = 'current' | 'previous' | 'first-half';

export interface DateBounds {
  start: ThaiDate;
  end: ThaiDate;
}

const THAILAND_UTC_OFFSET_MS = 7 * 60 * 60 * 1000;

/** a JS Date (an instant) → its calendar day in Thailand (UTC+7, no daylight saving), BE */
export function thaiDateOf(date: Date): Required<ThaiDate> {
  const local = new Date(date.getTime() + THAILAND_UTC_OFFSET_MS);
  return { year: ceToBe(local.getUTCFullYear()), month: local.getUTCMonth() + 1, day: local.getUTCDate() };
}

/**
 * The BE fiscal year a day falls in: October–December belong to the next fiscal year.
 * A plain object's year may be BE or CE (2023 and 2566 are the same); a Date is read in Thai time.
 */
export function fiscalYearOf(date: { year: number; month: number; day?: number } | Date): number {
  const d = date instanceof Date ? thaiDateOf(date) : date;
  const year = expandYear(d.year);
  return d.month >= 10 ? year + 1 : year;
}

/** FY2566 → 1 Oct 2565 … 30 Sep 2566 */
export function fiscalYearBounds(fy: number): DateBounds {
  return { start: { year: fy - 1, month: 10, day: 1 }, end: { year: fy, month: 9, day: 30 } };
}

/** the dates a checklist time window covers when auditing fiscal year `fy` */
export function windowBounds(fy: number, window: TimeWindow): DateBounds {
  switch (window) {
    case 'current':
      return fiscalYearBounds(fy);
    case 'previous':
      return fiscalYearBounds(fy - 1);
    case 'first-half':
      return { start: { year: fy - 1, month: 10, day: 1 }, end: { year: fy, month: 3, day: 31 } };
  }
}

/** order two dates; a missing month or day sorts before any given one (the start of the year/month) */
export function compareThaiDates(a: ThaiDate, b: ThaiDate): number {
  return a.year - b.year || (a.month ?? 0) - (b.month ?? 0) || (a.day ?? 0) - (b.day ?? 0);
}

/** the days a partial date stands for: "2566" is all of 2566, "เม.ย. 2566" all of April */
export function dateSpan(d: ThaiDate): DateBounds {
  if (d.month === undefined) return { start: { year: d.year, month: 1, day: 1 }, end: { year: d.year, month: 12, day: 31 } };
  if (d.day === undefined) {
    return { start: { year: d.year, month: d.month, day: 1 }, end: { year: d.year, month: d.month, day: daysInMonth(d.year, d.month) } };
  }
  return { start: d, end: d };
}

/** do two date ranges share at least one day? (partial dates are widened with dateSpan) */
export function rangesOverlap(a: DateBounds, b: DateBounds): boolean {
  return compareThaiDates(dateSpan(a.start).start, dateSpan(b.end).end) <= 0 &&
    compareThaiDates(dateSpan(b.start).start, dateSpan(a.end).end) <= 0;
}

/** days in a month of a BE year (leap years follow the CE calendar) */
export function daysInMonth(beYear: number, month: number): number {
  return new Date(Date.UTC(beYear - 543, month, 0)).getUTCDate();
}

/** the fiscal year in progress at `now` (read in Thai time): 2026-11-23 → 2570 */
export function currentFiscalYear(now: Date): number {
  return fiscalYearOf(now);
}
