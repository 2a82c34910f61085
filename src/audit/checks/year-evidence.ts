// Dates and years found in evidence text, judged against a time window. Shared by the fiscal-year
// and min-count (dated-entries) checks.
import { findDates, type DateMention } from '../../thai/dates.ts';
import { findYears } from '../../thai/years.ts';
import { fiscalYearOf, rangesOverlap, type DateBounds, type TimeWindow } from '../../thai/fiscal-year.ts';

export interface YearFinding {
  raw: string;
  index: number;
  inWindow: boolean;
  /** the fiscal year(s) it speaks of, for "found 2565 only" messages */
  years: number[];
}

/** lines that carry a site-wide year unrelated to the evidence: copyright footers */
const BOILERPLATE_LINE = /©|copyright|สงวนลิขสิทธิ์|all rights reserved/i;
/** "ITA 2566", "OIT2567": the assessment's own label in menus, not a date of the evidence */
const ASSESSMENT_LABEL = /(?:ita|oit|eit|moit)\s*[-:]?\s*$/i;

export function withoutBoilerplate(text: string): string {
  return text
    .split('\n')
    .map((line) => (BOILERPLATE_LINE.test(line) ? ' '.repeat(line.length) : line))
    .join('\n');
}

export function dateInWindow(m: DateMention, bounds: DateBounds): boolean {
  return rangesOverlap({ start: m.start, end: m.end ?? m.start }, bounds);
}

function fiscalYearsOfDate(m: DateMention): number[] {
  const at = (d: DateMention['start']) => (d.month !== undefined ? fiscalYearOf({ year: d.year, month: d.month }) : d.year);
  const a = at(m.start);
  const b = m.end ? at(m.end) : a;
  return a === b ? [a] : [a, b];
}

/**
 * Every date and year in `text` and whether it falls in the window of fiscal year `fy`.
 * Years written alone ("ปีงบประมาณ 2566", "พ.ศ. 2566") are fiscal years, as the assessment writes
 * them; a year range ("2566–2570") counts only when `allowRange` and it covers the target year.
 */
export function yearFindings(text: string, fy: number, window: TimeWindow, bounds: DateBounds, allowRange: boolean): YearFinding[] {
  const clean = withoutBoilerplate(text);
  const target = window === 'previous' ? fy - 1 : fy;
  const dates = findDates(clean);
  const out: YearFinding[] = dates.map((d) => ({ raw: d.raw, index: d.index, inWindow: dateInWindow(d, bounds), years: fiscalYearsOfDate(d) }));
  const covered = (i: number) => dates.some((d) => i >= d.index && i < d.index + d.raw.length);
  for (const y of findYears(clean)) {
    if (covered(y.index)) continue;
    if (ASSESSMENT_LABEL.test(clean.slice(Math.max(0, y.index - 6), y.index))) continue;
    if (y.endYear !== undefined) {
      const covers = y.year <= target && target <= y.endYear;
      if (covers && !allowRange) continue; // neither proves nor disproves a single year
      out.push({ raw: y.raw, index: y.index, inWindow: covers, years: [y.year, y.endYear] });
      continue;
    }
    out.push({ raw: y.raw, index: y.index, inWindow: y.year === target, years: [y.year] });
  }
  return out.sort((a, b) => a.index - b.index);
}
