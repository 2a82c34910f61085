// address: a Thai postal address — a 5-digit postcode with at least two address parts before it
// (หมู่/ม., ตำบล/ต./แขวง, อำเภอ/อ./เขต, จังหวัด/จ./กรุงเทพ, ถนน/ถ., เลขที่).
import type { CheckModule } from './context.ts';
import { notFound, passed, snippetAround } from './helpers.ts';

const POSTCODE = /(?<!\d)[1-9]\d{4}(?!\d)/g;
const PARTS: Array<[string, RegExp]> = [
  ['moo', /(?:หมู่(?:ที่)?\s*\d|(?<![ก-๙])ม\.\s*\d)/],
  ['tambon', /(?:ตำบล|แขวง|(?<![ก-๙])ต\.\s*[ก-๙])/],
  ['amphoe', /(?:อำเภอ|เขต|(?<![ก-๙])อ\.\s*[ก-๙])/],
  ['province', /(?:จังหวัด|กรุงเทพ|(?<![ก-๙])จ\.\s*[ก-๙])/],
  ['road', /(?:ถนน|ซอย|(?<![ก-๙])ถ\.\s*[ก-๙])/],
  ['number', /(?:เลขที่\s*\d|ที่ตั้ง|ที่อยู่)/],
  ['en', /\b(?:moo|tambon|amphoe|district|province|road|subdistrict)\b/i],
];
/** how far before the postcode the address parts may start */
const SPAN = 160;

export const addressCheck: CheckModule<'address'> = {
  kind: 'address',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      if (!s.readable) continue;
      for (const m of s.fullText.matchAll(POSTCODE)) {
        const before = s.fullText.slice(Math.max(0, m.index - SPAN), m.index);
        const parts = PARTS.filter(([, re]) => re.test(before)).map(([name]) => name);
        if (parts.length >= 2) {
          return passed(
            { th: `พบที่อยู่ (รหัสไปรษณีย์ ${m[0]})`, en: `found a postal address (postcode ${m[0]})` },
            s.url,
            snippetAround(s.fullText, Math.max(0, m.index - 120), m.index + 5),
          );
        }
      }
    }
    return notFound(sources, { th: 'ไม่พบที่อยู่ที่มีรหัสไปรษณีย์', en: 'no postal address with a postcode found' }, true);
  },
};
