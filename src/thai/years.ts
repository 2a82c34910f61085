// Every year a text mentions: "พ.ศ. ๒๕๖๖", "ปีงบประมาณ พ.ศ. 2568", "ปีงบ 66", "FY2025", "2566–2570",
// "ไตรมาส 1-2/2566". Two-digit years count only after a year word (ปีงบ 66, พ.ศ. 66, ปี 66);
// bare four-digit numbers count when they look like years, not amounts or phone numbers.
import { ceToBe, expandYear } from './era.ts';
import { foldDigitsKeepingOffsets } from './offset-preserving.ts';

export interface YearMention {
  /** the text as written */
  raw: string;
  /** offset of `raw` in the text given to findYears */
  index: number;
  /** Buddhist era */
  year: number;
  /** the last year of a range such as "2566-2570" */
  endYear?: number;
  /** written as a fiscal year: "ปีงบประมาณ …", "ปีงบ 68", "FY2025", a quarter "ไตรมาส 1/2566" */
  fiscal: boolean;
}

const FISCAL_PREFIX = String.raw`ปี\s?งบ(?:ประมาณ|ฯ|\.)?|งบประมาณ|F\.?Y\.?|fiscal\s+year|ไตรมาส(?:ที่)?\s*\d(?:\s*[-–,]\s*\d)*\s*/`;
const ERA_PREFIX = String.raw`พ\.\s?ศ\.?|พศ\.|พุทธศักราช|ค\.\s?ศ\.?|คศ\.|คริสต์ศักราช`;
const YEAR_WORD = String.raw`ประจำปี|ปี`;
const RANGE_SEP = String.raw`\s*(?:-|–|—|ถึง|to)\s*(?:${ERA_PREFIX})?\s*`;
const YEAR_PATTERN = new RegExp(
  String.raw`(?:(?<fiscal>${FISCAL_PREFIX})\s*(?:(?:${ERA_PREFIX})\s*)?|(?<era>${ERA_PREFIX})\s*|(?<word>${YEAR_WORD})\s*(?:(?:${ERA_PREFIX})\s*)?)?` +
    String.raw`(?<![\d,.])(?<y1>\d{4}|\d{2})(?![\d]|[,.]\d)(?:${RANGE_SEP}(?<y2>\d{4}|\d{2})(?![\d]|[,.]\d))?`,
  'giu',
);

/** after a bare number: it is an amount, a count, a phone or a decimal, not a year */
const NOT_A_YEAR_AFTER = /^(?:\s*(?:บาท|฿|ล้าน|แสน|หมื่น|ราย(?!งาน|ละเอียด|การ)|คน|ครั้ง|เรื่อง|ชิ้น|หน่วย|%|ตร\.|กม\.|เมตร)|[.,:]\d|-\d)/u;
/** "ภาคเรียนที่ 2/2565": an academic year (May–March), not a date of the evidence */
const ACADEMIC_TERM_BEFORE = /(?:ภาคเรียน|ภาคการศึกษา|เทอม)(?:ที่)?\s*\d\s*\/\s*$/u;
/**
 * "10/2565", "คำสั่งที่ 123/2566": a document or contract number of that calendar year. It says little
 * about which fiscal year the evidence covers (a contract list of Oct 2565 is FY2566), so it is not
 * reported; quarters ("ไตรมาส 1/2566") and full dates ("24/04/2566") are.
 */
const NUMBER_SLASH_BEFORE = /(?:^|[^\d/.-])\d{1,5}\s*\/\s*$/u;
/** before a bare number: a phone prefix "0-", "02 " or a decimal/thousands separator */
const NOT_A_YEAR_BEFORE = /(?:\d[.,:]|\d[-\s]?|\bno\.?\s*|เลขที่\s*|โทร\.?\s*|ที่\s*)$/iu;


function toYear(digits: string, opts: { ce: boolean; latinFiscal: boolean }): number | undefined {
  const n = Number(digits);
  let year: number;
  if (digits.length === 2) {
    if (opts.latinFiscal) year = ceToBe(2000 + n);
    else if (opts.ce || n < 40) return undefined;
    else year = 2500 + n;
  } else {
    year = opts.ce ? ceToBe(n) : expandYear(n);
  }
  return year >= 2400 && year <= 2700 ? year : undefined;
}

/** every year, fiscal year and year range in `text`, in order */
export function findYears(text: string): YearMention[] {
  const prepared = foldDigitsKeepingOffsets(text);
  const mentions: YearMention[] = [];
  for (const m of prepared.matchAll(YEAR_PATTERN)) {
    const g = m.groups ?? {};
    const prefix = g.fiscal ?? g.era ?? g.word;
    const y1 = g.y1!;
    const fiscal = g.fiscal !== undefined;
    const latinFiscal = fiscal && /^(?:f|fiscal)/i.test(g.fiscal!);
    const ce = (g.era !== undefined && /^(?:ค|คศ)/u.test(g.era)) || /ค\.\s?ศ|คศ\./u.test(m[0].slice(0, m[0].indexOf(y1)));
    if (y1.length === 2 && prefix === undefined) continue;
    const year = toYear(y1, { ce, latinFiscal });
    if (year === undefined) continue;
    const numberStart = m.index + m[0].indexOf(y1, prefix?.length ?? 0);
    let endYear: number | undefined;
    let end = m.index + m[0].length;
    if (g.y2 !== undefined) {
      const y2 = g.y2.length === 2 && y1.length === 4 ? Math.floor(year / 100) * 100 + Number(g.y2) : toYear(g.y2, { ce, latinFiscal });
      if (y2 !== undefined && y2 > year && y2 - year <= 20) endYear = y2;
      else end = numberStart + y1.length;
    }
    if (y1.length === 2 && endYear === undefined && NOT_A_YEAR_AFTER.test(prepared.slice(end, end + 12))) continue;
    if (prefix === undefined && endYear === undefined) {
      const before = prepared.slice(Math.max(0, m.index - 12), m.index);
      const after = prepared.slice(end, end + 12);
      const isoDate = /^-\d{1,2}-\d{1,2}(?!\d)/.test(after);
      if (!isoDate && (NOT_A_YEAR_AFTER.test(after) || (NOT_A_YEAR_BEFORE.test(before) && !/\/\s*$/.test(before)))) continue;
      if (ACADEMIC_TERM_BEFORE.test(prepared.slice(Math.max(0, m.index - 20), m.index))) continue;
      if (NUMBER_SLASH_BEFORE.test(prepared.slice(Math.max(0, m.index - 12), m.index))) continue;
    }
    const mention: YearMention = { raw: text.slice(m.index, end), index: m.index, year, fiscal };
    if (endYear !== undefined) mention.endYear = endYear;
    mentions.push(mention);
  }
  return mentions;
}
