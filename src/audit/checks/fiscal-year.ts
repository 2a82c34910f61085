// fiscal-year: the evidence mentions a date or (fiscal) year inside the window. Evidence whose dates
// are all from another year fails ("wrong fiscal year").
import type { CheckModule } from './context.ts';
import { notFound, passed, readable, snippetAround, unreadableReasons, describeUnreadable } from './helpers.ts';
import { yearFindings } from './year-evidence.ts';

const WINDOW_TEXT = {
  current: (fy: number) => ({ th: `ปีงบประมาณ พ.ศ. ${fy}`, en: `fiscal year ${fy}` }),
  previous: (fy: number) => ({ th: `ปีงบประมาณ พ.ศ. ${fy - 1}`, en: `fiscal year ${fy - 1}` }),
  'first-half': (fy: number) => ({ th: `รอบ 6 เดือนแรก (1 ต.ค. ${fy - 1} – 31 มี.ค. ${fy})`, en: `the first six months (1 Oct ${fy - 1} – 31 Mar ${fy})` }),
};

export const fiscalYearCheck: CheckModule<'fiscal-year'> = {
  kind: 'fiscal-year',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    const bounds = ctx.window(check.window);
    const want = WINDOW_TEXT[check.window](ctx.fiscalYear);
    const outside = new Set<number>();
    let outsideAt: { url: string; snippet: string } | undefined;
    for (const s of readable(sources)) {
      const findings = ctx.index.memo(`years|${s.kind}|${s.url}|${ctx.fiscalYear}|${check.window}|${check.allowRange}`, () =>
        yearFindings(s.text, ctx.fiscalYear, check.window, bounds, check.allowRange),
      );
      const hit = findings.find((f) => f.inWindow);
      if (hit) {
        return passed(
          { th: `พบ "${hit.raw}" อยู่ใน${want.th}`, en: `found "${hit.raw}", within ${want.en}` },
          s.url,
          snippetAround(s.text, hit.index, hit.index + hit.raw.length),
        );
      }
      for (const f of findings) {
        f.years.forEach((y) => outside.add(y));
        outsideAt ??= { url: s.url, snippet: snippetAround(s.text, f.index, f.index + f.raw.length) };
      }
    }
    if (outside.size > 0) {
      const years = [...outside].sort((a, b) => a - b);
      const whys = unreadableReasons(sources);
      if (whys.length > 0) {
        const d = describeUnreadable(whys);
        return {
          status: 'manual',
          detail: {
            th: `ส่วนที่อ่านได้มีเฉพาะปี ${years.join(', ')} ไม่ใช่${want.th} แต่ ${d.th}: ตรวจด้วยตนเอง`,
            en: `readable evidence is from ${years.join(', ')} only, not ${want.en}, but ${d.en}: check by hand`,
          },
          url: outsideAt?.url,
          snippet: outsideAt?.snippet,
          unreadable: whys,
        };
      }
      return {
        status: 'fail',
        detail: { th: `ปีไม่ตรง: พบเฉพาะปี ${years.join(', ')} ต้องเป็น${want.th}`, en: `wrong fiscal year: found ${years.join(', ')} only, ${want.en} needed` },
        url: outsideAt?.url,
        snippet: outsideAt?.snippet,
        wrongYear: { found: years },
      };
    }
    return notFound(sources, { th: `ไม่พบวันที่หรือปีที่ระบุ${want.th}`, en: `no date or year showing ${want.en}` }, true);
  },
};
