// email: an e-mail address in the text (also written with [at] / (at)) or a mailto: link.
import type { CheckModule } from './context.ts';
import { notFound, passed, snippetAround } from './helpers.ts';

const EMAIL = /[a-z0-9][a-z0-9._%+-]*\s?(?:@|\[at\]|\(at\)|＠)\s?[a-z0-9-]+(?:\s?(?:\.|\[dot\]|\(dot\))\s?[a-z0-9-]+)*\s?(?:\.|\[dot\]|\(dot\))\s?[a-z]{2,}/i;

export const emailCheck: CheckModule<'email'> = {
  kind: 'email',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const mailto = s.links.find((l) => /^mailto:\s*[^@\s]+@/i.test(l.url));
      if (mailto) {
        const address = mailto.url.replace(/^mailto:\s*/i, '').split('?')[0]!;
        return passed({ th: `พบอีเมล ${address}`, en: `found e-mail ${address}` }, s.url, mailto.text || address);
      }
      if (!s.readable) continue;
      const m = EMAIL.exec(s.fullText);
      if (m) {
        return passed({ th: `พบอีเมล ${m[0]}`, en: `found e-mail ${m[0]}` }, s.url, snippetAround(s.fullText, m.index, m.index + m[0].length));
      }
    }
    return notFound(sources, { th: 'ไม่พบอีเมล', en: 'no e-mail address found' }, true);
  },
};
