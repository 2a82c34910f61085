// bilingual: both a Thai version and an English version exist (English words from `en` appear).
import type { CheckModule } from './context.ts';
import { notFound, passed, readable, snippetFor } from './helpers.ts';

const THAI_LETTERS = /[\u0e01-\u0e2e]/g;
/** enough Thai letters to be a Thai text, not a stray word */
const MIN_THAI_LETTERS = 40;

export const bilingualCheck: CheckModule<'bilingual'> = {
  kind: 'bilingual',
  readsText: true,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    const texts = readable(sources);
    const thai = texts.find((s) => (s.text.match(THAI_LETTERS)?.length ?? 0) >= MIN_THAI_LETTERS);
    let english: { url: string; snippet: string; word: string } | undefined;
    for (const s of texts) {
      const word = check.en.find((w) => {
        const c = ctx.index.compact(w);
        return c.length > 0 && s.compact.includes(c);
      });
      if (word) {
        english = { url: s.url, snippet: snippetFor(s.text, ctx.index.compact(word)), word };
        break;
      }
    }
    if (thai && english) {
      return passed({ th: `มีทั้งฉบับภาษาไทยและภาษาอังกฤษ (พบ "${english.word}")`, en: `both Thai and English versions (found "${english.word}")` }, english.url, english.snippet);
    }
    const missing = !thai && !english
      ? { th: 'ไม่พบทั้งฉบับภาษาไทยและภาษาอังกฤษ', en: 'neither the Thai nor the English version found' }
      : !english
        ? { th: `ไม่พบฉบับภาษาอังกฤษ (เช่น "${check.en[0]}")`, en: `no English version (e.g. "${check.en[0]}")` }
        : { th: 'ไม่พบฉบับภาษาไทย', en: 'no Thai version' };
    return notFound(sources, missing, true);
  },
};
