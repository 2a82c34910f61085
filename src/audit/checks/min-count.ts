// min-count: at least `min` dated entries / documents / links / images on the evidence page.
// dated-entries are news or announcement entries carrying a date; with `window`, only those dated
// inside it count. Counting is on the evidence itself (scope linked: on the pages it links to).
import type { CheckModule } from './context.ts';
import { notFound, passed } from './helpers.ts';
import { documentsOf } from './documents-of.ts';
import { findDates } from '../../thai/dates.ts';
import { dateInWindow, isPageStamp, withoutBoilerplate } from './year-evidence.ts';
import { isHttpUrl, type Source } from '../snapshot-index.ts';
import type { DateBounds } from '../../thai/fiscal-year.ts';

const WHAT = {
  'dated-entries': { th: 'รายการที่ระบุวันที่', en: 'dated entries' },
  documents: { th: 'เอกสาร', en: 'documents' },
  links: { th: 'ลิงก์', en: 'links' },
  images: { th: 'ภาพ', en: 'images' },
};

function datedEntries(s: Source, bounds: DateBounds | undefined): { count: number; example?: string } {
  // a page stamp ("ปรับปรุงล่าสุด 5 ม.ค. 2566") is not an entry
  const ok = (text: string) => findDates(text).some((d) => !isPageStamp(text, d.index) && (!bounds || dateInWindow(d, bounds)));
  // entries in a list: links whose text or row carries a date, one per target
  const byLink = new Set<string>();
  let example: string | undefined;
  for (const l of s.contentLinks) {
    if (!isHttpUrl(l.url) || byLink.has(l.url)) continue;
    if (ok(`${l.text} ${l.context}`)) {
      byLink.add(l.url);
      example ??= `${l.text} ${l.context}`.trim();
    }
  }
  // entries written as lines of text (or in a document): one per line with a date
  const lines = withoutBoilerplate(s.text).split('\n').filter((line) => ok(line));
  example ??= lines[0];
  return { count: Math.max(byLink.size, lines.length), example };
}

export const minCountCheck: CheckModule<'min-count'> = {
  kind: 'min-count',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope === 'linked' ? 'linked' : 'page');
    const bounds = check.window ? ctx.window(check.window) : undefined;
    let count = 0;
    let example: string | undefined;
    let at = ctx.evidence.url;
    if (check.of === 'documents') {
      const docs = documentsOf(ctx, check.scope === 'linked' ? 'linked' : 'page');
      count = docs.length;
      example = docs[0]?.url;
    } else {
      for (const s of sources) {
        let n = 0;
        if (check.of === 'dated-entries') {
          const r = ctx.index.memo(`dated|${s.kind}|${s.url}|${ctx.fiscalYear}|${check.window ?? ''}`, () => datedEntries(s, bounds));
          n = r.count;
          example ??= r.example;
        } else if (check.of === 'links') {
          n = new Set(s.contentLinks.filter((l) => isHttpUrl(l.url)).map((l) => l.url)).size;
        } else {
          n = new Set(s.images.map((i) => i.src)).size;
        }
        if (n > count) at = s.url;
        count += n;
      }
    }
    const what = WHAT[check.of];
    const inWindow = check.window && check.of === 'dated-entries' ? { th: ' ในช่วงเวลาที่กำหนด', en: ' within the time window' } : { th: '', en: '' };
    if (count >= check.min) {
      return passed(
        { th: `พบ${what.th}${inWindow.th} ${count} รายการ`, en: `found ${count} ${what.en}${inWindow.en}` },
        at,
        example?.slice(0, 200),
      );
    }
    return notFound(
      sources,
      { th: `พบ${what.th}${inWindow.th}เพียง ${count} รายการ (ต้องมีอย่างน้อย ${check.min})`, en: `only ${count} ${what.en}${inWindow.en}, at least ${check.min} needed` },
      true,
    );
  },
};
