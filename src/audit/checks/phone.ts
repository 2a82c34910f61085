// phone: a Thai telephone number in the text, or a tel: link.
import type { CheckModule } from './context.ts';
import { notFound, passed, snippetAround } from './helpers.ts';
import { FAX_LABEL, findPhones, labelBefore } from './phone-format.ts';

const PHONE_LABEL = /(?:โทรศัพท์|โทร\.?|tel|phone|ติดต่อ|สายด่วน|มือถือ|call)/i;

export const phoneCheck: CheckModule<'phone'> = {
  kind: 'phone',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const tel = s.links.find((l) => /^tel:\s*\+?\d/i.test(l.url));
      if (tel) return passed({ th: `พบลิงก์โทรศัพท์ ${tel.url.slice(4)}`, en: `found a tel: link ${tel.url.slice(4)}` }, s.url, tel.text || tel.url);
      if (!s.readable) continue;
      for (const p of findPhones(s.fullText)) {
        const label = labelBefore(s.fullText, p.index);
        // a number labelled only as a fax is not a telephone number
        if (FAX_LABEL.test(label) && !PHONE_LABEL.test(label.replace(FAX_LABEL, ''))) continue;
        return passed(
          { th: `พบหมายเลขโทรศัพท์ ${p.raw}`, en: `found telephone number ${p.raw}` },
          s.url,
          snippetAround(s.fullText, p.index, p.index + p.raw.length),
        );
      }
    }
    return notFound(sources, { th: 'ไม่พบหมายเลขโทรศัพท์', en: 'no telephone number found' }, true);
  },
};
