// two-way-channel: outsiders can ask and the agency can answer — a webboard, a question form with
// a text box, Messenger, LINE OA, live chat. A one-way FAQ page alone does not pass.
import type { CheckContext, CheckModule } from './context.ts';
import { compactWords, firstWordIn, notFound, passed, snippetFor, targetsOf } from './helpers.ts';
import { hostMatches, hostOf } from '../snapshot-index.ts';
import type { Source } from '../snapshot-index.ts';

const CHAT_HOSTS = ['m.me', 'messenger.com', 'lin.ee', 'page.line.me', 'tawk.to', 'crisp.chat', 'chatra.io', 'zopim.com', 'zendesk.com', 'livechatinc.com', 'tidio.co', 'jivosite.com'];
/** LINE official account add-friend links */
const LINE_OA = /line\.me\/(R\/)?ti\/p\/|line\.me\/R\/oaMessage|line\.me\/ti\/g2\//i;
const WEBBOARD_URL = /webboard|web-board|forum|kratoo|viewtopic|showthread|\/board\/|board\.php|topic\.php|qa\.php|question\.php|questions?\/(new|add|ask)|ask\.php/i;
const WEBBOARD_WORDS = ['เว็บบอร์ด', 'เวบบอร์ด', 'webboard', 'web board', 'กระดานสนทนา', 'กระดานถามตอบ', 'กระดานถาม-ตอบ', 'กระดานข่าว', 'ตั้งกระทู้', 'ตั้งคำถาม', 'ถามคำถาม', 'ส่งคำถาม', 'forum', 'live chat', 'แชท', 'chat'];
/** forms with a text box that are not for asking (search, login, newsletter) */
const NOT_A_QUESTION_FORM = /ค้นหา|search|login|เข้าสู่ระบบ|password|รหัสผ่าน|subscribe/i;

const POSTING_WORDS = compactWords(['ตั้งกระทู้', 'ตั้งคำถาม', 'กระทู้ใหม่', 'newtopic', 'newthread', 'postquestion', 'ตอบกระทู้', 'ความคิดเห็นที่', 'ผู้ตั้งกระทู้']);
const WEBBOARD_COMPACT = compactWords(WEBBOARD_WORDS);

interface Hit { what: string; snippet: string; url: string }

/** a channel on this source itself: chat links, LINE OA, a question form, or a webboard page */
function channelOn(s: Source): Hit | undefined {
  for (const t of targetsOf(s)) {
    if (CHAT_HOSTS.some((h) => hostMatches(hostOf(t.url), h))) return { what: 'Messenger / live chat', snippet: t.url, url: s.url };
    if (LINE_OA.test(t.url)) return { what: 'LINE Official Account', snippet: t.url, url: s.url };
  }
  if (s.kind === 'external') {
    if (CHAT_HOSTS.some((h) => hostMatches(hostOf(s.url), h))) return { what: 'Messenger / live chat', snippet: s.url, url: s.url };
    if (LINE_OA.test(s.url)) return { what: 'LINE Official Account', snippet: s.url, url: s.url };
  }
  for (const f of s.forms) {
    const words = `${f.text} ${f.fields.join(' ')} ${f.action}`;
    if (f.hasTextarea && !NOT_A_QUESTION_FORM.test(words)) return { what: 'a question form', snippet: f.text || f.fields.join(', '), url: s.url };
  }
  if (s.kind === 'page') {
    // a page that is itself a webboard shows a way to post, not only answers
    const hit = firstWordIn(s.compact, POSTING_WORDS);
    if (hit && (WEBBOARD_URL.test(s.url) || firstWordIn(s.compact, WEBBOARD_COMPACT))) {
      return { what: 'a webboard', snippet: snippetFor(s.text, hit), url: s.url };
    }
  }
  return undefined;
}

function channelIn(s: Source, ctx: CheckContext): Hit | undefined {
  const own = channelOn(s);
  if (own) return own;
  // a link named or shaped like a webboard: judge the page it opens when it was crawled,
  // otherwise trust only a URL that is a webboard's (a name alone may sit on a static FAQ)
  for (const t of targetsOf(s, true)) {
    if (t.via !== 'link' || !/^https?:/i.test(t.url) || /faq/i.test(t.url)) continue;
    const named = firstWordIn(ctx.index.compact(t.text), WEBBOARD_COMPACT) !== undefined;
    if (!named && !WEBBOARD_URL.test(t.url)) continue;
    const target = ctx.index.resolve(t.url);
    if (target.type === 'page') {
      const there = channelOn(target.source);
      if (there) return there;
    } else if ((target.type === 'external' || target.type === 'uncrawled') && WEBBOARD_URL.test(t.url)) {
      return { what: 'a webboard link', snippet: `${t.text} ${t.url}`.trim(), url: s.url };
    }
  }
  return undefined;
}

export const twoWayChannelCheck: CheckModule<'two-way-channel'> = {
  kind: 'two-way-channel',
  readsText: false,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const hit = channelIn(s, ctx);
      if (hit) {
        return passed({ th: `พบช่องทางถาม-ตอบสองทาง (${hit.what})`, en: `found a two-way channel (${hit.what})` }, hit.url, hit.snippet);
      }
    }
    const faqOnly = sources.some((s) => /faq|คำถามที่พบบ่อย|ถาม-?ตอบ/i.test(s.text) || /faq/i.test(s.url));
    return notFound(
      sources,
      faqOnly
        ? { th: 'พบเพียงคำถามที่พบบ่อย (FAQ) ซึ่งเป็นช่องทางทางเดียว ไม่มีช่องทางให้ถามและตอบ', en: 'only a one-way FAQ: no place where outsiders can ask and be answered' }
        : { th: 'ไม่พบช่องทางถาม-ตอบสองทาง (เว็บบอร์ด แบบฟอร์มถาม Messenger หรือ LINE OA)', en: 'no two-way Q&A channel (webboard, question form, Messenger or LINE OA)' },
      false,
    );
  },
};
