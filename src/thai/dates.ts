// Thai dates as agencies write them: "๒๔ เม.ย. ๒๕๖๖", "24 เมษายน 2566", "ต.ค. 65", "2023-04-24",
// "24/04/2566", and ranges such as "1 ต.ค. 65 – 31 มี.ค. 66" or "ต.ค. ๖๕ ถึง ก.ย. ๖๖".
import { ceToBe, expandYear } from './era.ts';
import { daysInMonth } from './fiscal-year.ts';
import { foldDigitsKeepingOffsets } from './offset-preserving.ts';

export interface ThaiDate {
  /** Buddhist era */
  year: number;
  /** 1–12 */
  month?: number;
  day?: number;
}

export interface DateMention {
  /** the text as written, e.g. "1 ต.ค. 65 – 31 มี.ค. 66" */
  raw: string;
  /** offset of `raw` in the text given to findDates */
  index: number;
  start: ThaiDate;
  /** set for ranges */
  end?: ThaiDate;
}

const THAI_MONTHS = ['มกราคม', 'กุมภาพันธ์', 'มีนาคม', 'เมษายน', 'พฤษภาคม', 'มิถุนายน', 'กรกฎาคม', 'สิงหาคม', 'กันยายน', 'ตุลาคม', 'พฤศจิกายน', 'ธันวาคม'];
const THAI_MONTH_ABBR = ['ม.ค.', 'ก.พ.', 'มี.ค.', 'เม.ย.', 'พ.ค.', 'มิ.ย.', 'ก.ค.', 'ส.ค.', 'ก.ย.', 'ต.ค.', 'พ.ย.', 'ธ.ค.'];
const EN_MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const EN_MONTH_ABBR = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sept?', 'oct', 'nov', 'dec'];

/**
 * "มี.ค." → a pattern that also accepts "มี.ค", "มี. ค.", "มีค." — but not the bare "มีค", which is
 * too often part of an ordinary word ("มีคน").
 */
function abbreviationPattern(abbr: string): string {
  const [first, second] = abbr.split('.') as [string, string];
  return `(?:${first}\\.\\s?${second}\\.?|${first}${second}\\.)`;
}

interface MonthAlternative { pattern: string; month: number }
const MONTH_ALTERNATIVES: MonthAlternative[] = [
  ...THAI_MONTHS.map((m, i) => ({ pattern: m, month: i + 1 })),
  ...THAI_MONTH_ABBR.map((m, i) => ({ pattern: abbreviationPattern(m), month: i + 1 })),
  ...EN_MONTHS.map((m, i) => ({ pattern: `${m}(?![a-z])`, month: i + 1 })),
  ...EN_MONTH_ABBR.map((m, i) => ({ pattern: `${m}\\.?(?![a-z])`, month: i + 1 })),
];
const MONTH_GROUPS = MONTH_ALTERNATIVES.map((m, i) => `(?<m${i}>${m.pattern})`).join('|');

const ERA = String.raw`(?<era>พ\.\s?ศ\.?|พศ\.|พุทธศักราช|ค\.\s?ศ\.?|คศ\.|คริสต์ศักราช|B\.\s?E\.?|C\.\s?E\.?|A\.\s?D\.?)`;
const MONTH_FORM = String.raw`(?:(?<!\d)(?<day>\d{1,2})(?:st|nd|rd|th)?\s*)?(?:เดือน\s*)?(?:${MONTH_GROUPS})(?:\s*,?\s*${ERA}?\s*(?<year>\d{4}|\d{2})(?!\d))?`;
const ISO_FORM = String.raw`(?<!\d)(?<isoYear>\d{4})-(?<isoMonth>\d{1,2})-(?<isoDay>\d{1,2})(?!\d)`;
const NUMERIC_FORM = String.raw`(?<![\d/.])(?<numDay>\d{1,2})(?<sep>[/.-])(?<numMonth>\d{1,2})\k<sep>(?<numYear>\d{4}|\d{2})(?![\d/])`;
const DATE_PATTERN = new RegExp(`${ISO_FORM}|${NUMERIC_FORM}|${MONTH_FORM}`, 'giu');

/** what separates the two ends of a range */
const RANGE_SEPARATOR = /^\s*(?:-|–|—|~|ถึง(?:วันที่)?|จนถึง(?:วันที่)?|to|until)\s*$/iu;
/** "1 - 31 มี.ค. 66": a bare day just before a full date */
const BARE_DAY_BEFORE = /(?<!\d)(\d{1,2})\s*(?:-|–|—|ถึง(?:วันที่)?)\s*$/u;


/** a year as written → BE, or undefined when it is not a plausible assessment-era year */
function toBuddhistYear(digits: string, era: string | undefined): number | undefined {
  const n = Number(digits);
  const ceEra = era !== undefined && /^(?:ค|c|a)/i.test(era);
  let year: number;
  if (digits.length === 2) {
    // a short year is a BE year in Thai writing; keep to 2540–2599 so counts ("12 ราย") are not years
    if (n < 40) return undefined;
    year = ceEra ? ceToBe(2000 + n) : 2500 + n;
  } else {
    year = ceEra ? ceToBe(n) : expandYear(n);
  }
  return year >= 2400 && year <= 2700 ? year : undefined;
}

function isValidDay(year: number, month: number, day: number): boolean {
  return month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

interface Token { index: number; end: number; date: Partial<ThaiDate> & { month?: number } }

function tokenize(prepared: string): Token[] {
  const tokens: Token[] = [];
  for (const m of prepared.matchAll(DATE_PATTERN)) {
    const g = m.groups ?? {};
    const index = m.index;
    const end = index + m[0].length;
    if (g.isoYear !== undefined) {
      const year = toBuddhistYear(g.isoYear, undefined);
      const month = Number(g.isoMonth);
      const day = Number(g.isoDay);
      if (year !== undefined && isValidDay(year, month, day)) tokens.push({ index, end, date: { year, month, day } });
      continue;
    }
    if (g.numDay !== undefined) {
      const year = toBuddhistYear(g.numYear!, undefined);
      const month = Number(g.numMonth);
      const day = Number(g.numDay);
      if (year !== undefined && isValidDay(year, month, day)) tokens.push({ index, end, date: { year, month, day } });
      continue;
    }
    const alternative = MONTH_ALTERNATIVES.findIndex((_, i) => g[`m${i}`] !== undefined);
    if (alternative < 0) continue;
    const month = MONTH_ALTERNATIVES[alternative]!.month;
    const day = g.day !== undefined ? Number(g.day) : undefined;
    let year: number | undefined;
    let tokenEnd = end;
    if (g.year !== undefined) {
      year = toBuddhistYear(g.year, g.era);
      if (year === undefined) {
        // the number after the month is not a year: keep the day-month part for range inference
        tokenEnd = index + m[0].lastIndexOf(g.year);
        tokenEnd = index + m[0].slice(0, tokenEnd - index).trimEnd().length;
      }
    }
    if (day !== undefined && (day < 1 || day > 31 || (year !== undefined && !isValidDay(year, month, day)))) continue;
    tokens.push({ index, end: tokenEnd, date: { year, month, day } });
  }
  return tokens;
}

function clean(d: Partial<ThaiDate>): ThaiDate {
  const out: ThaiDate = { year: d.year! };
  if (d.month !== undefined) out.month = d.month;
  if (d.day !== undefined) out.day = d.day;
  return out;
}

/**
 * Every date and date range in `text`, in order. Thai digits, short BE years ("65"), CE years
 * ("2023"), abbreviated and full month names (Thai and English) are understood. A range's start
 * may leave out its year ("ต.ค. – ธ.ค. 65") or its month ("1 – 31 มี.ค. 66"); it is taken from the end.
 * A month or day with no year anywhere is not a date and is not returned.
 */
export function findDates(text: string): DateMention[] {
  const prepared = foldDigitsKeepingOffsets(text);
  const tokens = tokenize(prepared);
  const mentions: DateMention[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1];
    if (b && b.date.year !== undefined && RANGE_SEPARATOR.test(prepared.slice(a.end, b.index))) {
      const start = { ...a.date };
      if (start.year === undefined) {
        start.year = start.month !== undefined && b.date.month !== undefined && start.month > b.date.month ? b.date.year - 1 : b.date.year;
      }
      if (start.day !== undefined && start.month !== undefined && !isValidDay(start.year, start.month, start.day)) continue;
      mentions.push({ raw: text.slice(a.index, b.end), index: a.index, start: clean(start), end: clean(b.date) });
      i++;
      continue;
    }
    if (a.date.year === undefined) continue;
    const bareDay = a.date.day !== undefined ? BARE_DAY_BEFORE.exec(prepared.slice(Math.max(0, a.index - 12), a.index)) : null;
    if (bareDay && Number(bareDay[1]) <= a.date.day!) {
      const index = a.index - bareDay[0].length;
      if (!mentions.some((m) => m.index + m.raw.length > index)) {
        mentions.push({ raw: text.slice(index, a.end), index, start: clean({ ...a.date, day: Number(bareDay[1]) }), end: clean(a.date) });
        continue;
      }
    }
    mentions.push({ raw: text.slice(a.index, a.end), index: a.index, start: clean(a.date) });
  }
  return mentions;
}

/**
 * The first date in `text` ("๒๔ เม.ย. ๒๕๖๖", "ต.ค. 65", "2023-04-24", "24/04/2566"), or a bare year
 * ("พ.ศ. 2566", "2023"); null when there is none.
 */
export function parseThaiDate(text: string): ThaiDate | null {
  const first = findDates(text)[0];
  if (first) return first.start;
  const bare = /^\s*(?:(พ\.\s?ศ\.?|ค\.\s?ศ\.?)\s*)?(\d{4})\s*$/u.exec(foldDigitsKeepingOffsets(text));
  if (!bare) return null;
  const year = toBuddhistYear(bare[2]!, bare[1]);
  return year === undefined ? null : { year };
}
