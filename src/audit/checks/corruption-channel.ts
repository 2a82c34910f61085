// corruption-channel: a complaint channel specifically for corruption / misconduct, as opposed to a
// general complaint box: corruption words on a form or on the page holding the form / mail / LINE
// channel, or links to the NACC / PACC complaint systems.
import type { CheckContext, CheckModule } from './context.ts';
import { compactWords, firstWordIn, notFound, passed, snippetFor, targetsOf } from './helpers.ts';
import { isRequestForm } from './form-kinds.ts';
import { hostMatches, hostOf, type Source } from '../snapshot-index.ts';

const COMPLAINT_HOSTS = ['wbs.nacc.go.th', 'pacc.go.th', 'complaint.nacc.go.th', 'nacc.go.th', '1206.go.th', 'stopcorruption.moph.go.th'];
/** words of a corruption complaint channel; "การทุจริต" alone is too common (anti-corruption banners) */
export const CORRUPTION_WORDS = compactWords(['ร้องเรียนการทุจริต', 'ร้องเรียนทุจริต', 'แจ้งการทุจริต', 'แจ้งทุจริต', 'แจ้งเบาะแส', 'ประพฤติมิชอบ', 'corruption complaint', 'report corruption', 'whistleblow', 'whistle-blow', 'misconduct']);
const GENERAL_WORDS = compactWords(['ร้องเรียน', 'ร้องทุกข์', 'complaint']);

/** the first word found in any of the texts (each compacted through the audit-wide cache) */
function has(texts: string[], words: string[], compact: (t: string) => string): string | undefined {
  for (const t of texts) {
    const hit = firstWordIn(compact(t), words);
    if (hit) return hit;
  }
  return undefined;
}

interface Hit { what: string; snippet: string; url: string }

function channelOn(s: Source, ctx: CheckContext): Hit | undefined {
  const compact = ctx.index.compact;
  for (const t of [...targetsOf(s), ...(s.kind === 'external' ? [{ url: s.url, text: '' }] : [])]) {
    const host = hostOf(t.url);
    const nacc = COMPLAINT_HOSTS.find((h) => hostMatches(host, h));
    // nacc.go.th itself is the NACC home page; only its complaint paths count
    if (nacc && (nacc !== 'nacc.go.th' || /complain|ร้องเรียน|petition|wbs/i.test(t.url + t.text))) {
      return { what: `a link to ${host}`, snippet: t.url, url: s.url };
    }
  }
  const pageNamed = has([s.title, ...s.headings], CORRUPTION_WORDS, compact);
  for (const f of s.forms) {
    if (!isRequestForm(f)) continue;
    const formNamed = has([f.text, ...f.fields], CORRUPTION_WORDS, compact);
    // a page titled for corruption complaints that embeds the same form another page uses is the
    // general complaint box under a new title, not a separate channel
    if (!formNamed && sharesFormWithAnotherPage(s, f.action, ctx)) continue;
    const named = formNamed ?? pageNamed;
    if (named) return { what: 'a corruption complaint form', snippet: (f.text || s.title).slice(0, 200), url: s.url };
  }
  if (pageNamed) {
    // a page dedicated to corruption complaints that offers an online way to send one
    const online = targetsOf(s).find((t) => /^mailto:/i.test(t.url) || /line\.me|lin\.ee|m\.me|forms\.gle|docs\.google\.com\/forms/i.test(t.url));
    if (online) return { what: 'a corruption complaint page with an online channel', snippet: snippetFor(s.text, pageNamed), url: s.url };
  }
  return undefined;
}

function sharesFormWithAnotherPage(s: Source, action: string, ctx: CheckContext): boolean {
  if (!action) return false;
  return ctx.index.pages.some((p) => p.url !== s.url && p.forms.some((g) => g.action === action));
}

function channelIn(s: Source, ctx: CheckContext): Hit | undefined {
  const own = channelOn(s, ctx);
  if (own) return own;
  for (const t of targetsOf(s, true)) {
    if (t.via !== 'link' || !/^https?:/i.test(t.url)) continue;
    if (!has([t.text, t.context], CORRUPTION_WORDS, ctx.index.compact)) continue;
    const target = ctx.index.resolve(t.url);
    if (target.type === 'page' && target.source.url !== s.url) {
      const there = channelOn(target.source, ctx);
      if (there) return there;
    } else if ((target.type === 'external' && !target.source.docKind) || target.type === 'uncrawled') {
      if (has([t.text], CORRUPTION_WORDS, ctx.index.compact)) {
        return { what: 'a link to a corruption complaint system', snippet: `${t.text} ${t.url}`.trim().slice(0, 200), url: s.url };
      }
    }
  }
  return undefined;
}

export const corruptionChannelCheck: CheckModule<'corruption-channel'> = {
  kind: 'corruption-channel',
  readsText: false,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const hit = channelIn(s, ctx);
      if (hit) return passed({ th: `พบช่องทางร้องเรียนการทุจริต (${hit.what})`, en: `found a corruption complaint channel (${hit.what})` }, hit.url, hit.snippet);
    }
    const general = sources.some((s) => firstWordIn(s.compact, GENERAL_WORDS) || s.forms.some(isRequestForm));
    return notFound(
      sources,
      general
        ? { th: 'พบเพียงช่องทางร้องเรียนทั่วไป ไม่มีช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบแยกต่างหาก', en: 'only a general complaint channel: no separate channel for corruption and misconduct complaints' }
        : { th: 'ไม่พบช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', en: 'no corruption complaint channel found' },
      false,
    );
  },
};
