// keyword: at least one of `any` (and every one of `all`) appears, Thai-normalised, spaces ignored.
import type { CheckModule } from './context.ts';
import { notFound, passed, readable, snippetFor } from './helpers.ts';
import type { Source } from '../snapshot-index.ts';

function firstSourceWith(sources: Source[], needle: string): Source | undefined {
  return sources.find((s) => s.compact.includes(needle));
}

export const keywordCheck: CheckModule<'keyword'> = {
  kind: 'keyword',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    const texts = readable(sources);
    const anyHit = check.any
      .map((k) => ({ k, c: ctx.index.compact(k) }))
      .filter((n) => n.c.length > 0)
      .map((n) => ({ ...n, source: firstSourceWith(texts, n.c) }))
      .find((n) => n.source);
    const missingAll = (check.all ?? []).filter((k) => {
      const c = ctx.index.compact(k);
      return c.length > 0 && !firstSourceWith(texts, c);
    });
    if (anyHit && missingAll.length === 0) {
      return passed(
        { th: `พบคำว่า "${anyHit.k}"`, en: `found "${anyHit.k}"` },
        anyHit.source!.url,
        snippetFor(anyHit.source!.text, anyHit.c),
      );
    }
    const wanted = anyHit ? missingAll : [check.any.slice(0, 4).join(' / '), ...missingAll];
    return notFound(
      sources,
      { th: `ไม่พบคำว่า ${wanted.map((w) => `"${w}"`).join(', ')}`, en: `did not find ${wanted.map((w) => `"${w}"`).join(', ')}` },
      true,
    );
  },
};
