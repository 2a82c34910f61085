// Dates and years found in evidence text, judged against a time window. Shared by the fiscal-year
// and min-count (dated-entries) checks.
import { findDates, type DateMention } from '../../thai/dates.ts';
import { findYears } from '../../thai/years.ts';
import { fiscalYearOf, rangesOverlap, type DateBounds, type TimeWindow } from '../../thai/fiscal-year.ts';

export interface YearFinding {
  raw: string;
  index: number;
  inWindow: boolean;
  /** a date with a month, a year written as a fiscal year ("ปีงบประมาณ 2566"), a bare year, or a year range */
  source: 'date' | 'fiscal' | 'year' | 'range';
  /** the fiscal year(s) it speaks of, for "found 2565 only" messages */
  years: number[];
}

/** lines that carry a site-wide year unrelated to the evidence: copyright footers */
const BOILERPLATE_LINE = /©|copyright|สงวนลิขสิทธิ์|all rights reserved/i;
/** "ITA 2566", "OIT2567": the assessment's own label in menus, not a date of the evidence */
const ASSESSMENT_LABEL = /(?:ita|oit|eit|moit)\s*[-:]?\s*$/i;

/** a page stamp just before a date ("ปรับปรุงล่าสุด 5 ม.ค. 2566"): when the page was edited, not what it covers */
const STAMP_BEFORE = /(?:ปรับปรุง|แก้ไขล่าสุด|อัปเดต|อัพเดต|อัพเดท|updated|lastupdate|lastmodified|เข้าชม|พิมพ์เมื่อ)[^\n]{0,25}$/i;

export function isPageStamp(text: string, index: number): boolean {
  return STAMP_BEFORE.test(text.slice(Math.max(0, index - 40), index).replace(/\s+/g, ''));
}

/** where a plan or report states its own year: its first lines */
const HEAD_CHARS = 600;
const FIRST_HALF_WORDS = /6เดือน|หกเดือน|ครึ่งปีแรก|ไตรมาส(?:ที่)?[12](?!\d)|ไตรมาสแรก/;
const SECOND_HALF_WORDS = /6เดือนหลัง|หกเดือนหลัง|ครึ่งปีหลัง|12เดือน|ไตรมาส(?:ที่)?[34](?!\d)/;

/**
 * Which findings decide. A document that states its fiscal year in its first lines ("แผน…
 * ประจำปีงบประมาณ พ.ศ. 2567") is of that year, whatever other dates it carries (the signing date
 * of next year's plan falls in this year). For the first six months, explicit dates decide; a
 * fiscal year alone counts only when the text names a first-half period and no second-half one.
 */
function decisive(findings: YearFinding[], text: string, window: TimeWindow): YearFinding[] {
  if (window === 'first-half') {
    const dated = findings.filter((f) => f.source === 'date');
    if (dated.some((f) => f.inWindow)) return dated;
    const compact = text.replace(/\s+/g, '');
    const yearHits = findings.filter((f) => f.source !== 'date' && f.inWindow);
    if (yearHits.length > 0 && FIRST_HALF_WORDS.test(compact) && !SECOND_HALF_WORDS.test(compact)) return yearHits;
    if (dated.length > 0) return dated;
    return findings.map((f) => ({ ...f, inWindow: false }));
  }
  const stated = findings.filter((f) => f.source === 'fiscal' && f.index < HEAD_CHARS);
  return stated.length > 0 ? stated : findings;
}

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
  const out: YearFinding[] = dates
    .filter((d) => !isPageStamp(clean, d.index))
    .map((d) => ({ raw: d.raw, index: d.index, inWindow: dateInWindow(d, bounds), years: fiscalYearsOfDate(d), source: d.start.month !== undefined ? 'date' : 'year' }));
  const covered = (i: number) => dates.some((d) => i >= d.index && i < d.index + d.raw.length);
  for (const y of findYears(clean)) {
    if (covered(y.index)) continue;
    if (ASSESSMENT_LABEL.test(clean.slice(Math.max(0, y.index - 6), y.index))) continue;
    if (isPageStamp(clean, y.index)) continue;
    if (y.endYear !== undefined) {
      const covers = y.year <= target && target <= y.endYear;
      if (covers && !allowRange) continue; // neither proves nor disproves a single year
      out.push({ raw: y.raw, index: y.index, inWindow: covers, years: [y.year, y.endYear], source: 'range' });
      continue;
    }
    out.push({ raw: y.raw, index: y.index, inWindow: y.year === target, years: [y.year], source: y.fiscal ? 'fiscal' : 'year' });
  }
  return decisive(out.sort((a, b) => a.index - b.index), clean, window);
}
