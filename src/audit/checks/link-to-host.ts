// link-to-host: a link (or iframe, form, QR target) to one of the given hosts, e.g. itas.nacc.go.th.
import type { CheckModule } from './context.ts';
import { notFound, passed, targetsOf } from './helpers.ts';
import { hostMatches, hostOf } from '../snapshot-index.ts';

export const linkToHostCheck: CheckModule<'link-to-host'> = {
  kind: 'link-to-host',
  readsText: false,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const urls = [...targetsOf(s).map((t) => t.url), ...(s.kind === 'external' ? [s.url] : [])];
      const hit = urls.find((u) => check.hosts.some((h) => hostMatches(hostOf(u), h)));
      if (hit) return passed({ th: `พบลิงก์ไปยัง ${hostOf(hit)}`, en: `found a link to ${hostOf(hit)}` }, s.url, hit);
    }
    return notFound(
      sources,
      { th: `ไม่พบลิงก์ไปยัง ${check.hosts.join(' หรือ ')}`, en: `no link to ${check.hosts.join(' or ')}` },
      false,
    );
  },
};
