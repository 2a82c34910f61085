// fax: a number labelled โทรสาร / แฟกซ์ / Fax.
import type { CheckModule } from './context.ts';
import { notFound, passed, snippetAround } from './helpers.ts';
import { FAX_LABEL, findPhones, labelBefore } from './phone-format.ts';

export const faxCheck: CheckModule<'fax'> = {
  kind: 'fax',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      if (!s.readable) continue;
      for (const p of findPhones(s.fullText)) {
        // "โทรศัพท์/โทรสาร 0 2xxx xxxx" shares one number: the label is within a few words before it
        if (!FAX_LABEL.test(labelBefore(s.fullText, p.index, 30))) continue;
        return passed(
          { th: `พบหมายเลขโทรสาร ${p.raw}`, en: `found fax number ${p.raw}` },
          s.url,
          snippetAround(s.fullText, Math.max(0, p.index - 20), p.index + p.raw.length),
        );
      }
    }
    return notFound(sources, { th: 'ไม่พบหมายเลขโทรสาร', en: 'no fax number found' }, true);
  },
};
