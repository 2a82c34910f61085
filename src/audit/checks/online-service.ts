// online-service: a real online service — a request form with fields, a link to an online service
// system or to Google / Microsoft Forms — not just a page titled "E-Service".
import type { CheckContext, CheckModule } from './context.ts';
import { compactWords, firstWordIn, notFound, passed, targetsOf } from './helpers.ts';
import { isRequestForm } from './form-kinds.ts';
import { hostMatches, hostOf, type Source } from '../snapshot-index.ts';

const FORM_SERVICES = /forms\.gle\/|docs\.google\.com\/forms\/|forms\.office\.com\/|forms\.microsoft\.com\/|jotform\.com\/|typeform\.com\/|survey\.gov\.th|surveymonkey\.com\//i;
const SERVICE_WORDS = compactWords(['e-service', 'eservice', 'e-services', 'บริการออนไลน์', 'ระบบบริการ', 'ยื่นคำร้อง', 'คำร้องออนไลน์', 'แบบคำร้อง', 'ขอรับบริการ', 'onestopservice', 'ระบบสารบรรณ', 'ชำระภาษี', 'ชำระค่า', 'ลงทะเบียน', 'จองคิว', 'requestform', 'onlineservice']);
/** government service portals an agency page may link to */
const SERVICE_HOSTS = ['info.go.th', 'egov.go.th', 'biz.gov.th', 'dla.go.th', 'dopa.go.th', 'ealert.go.th', 'thailandpost.co.th'];

interface Hit { what: string; snippet: string; url: string }

function serviceOn(s: Source): Hit | undefined {
  const form = s.forms.find(isRequestForm);
  if (form) return { what: 'an online form', snippet: (form.text || form.fields.join(', ')).slice(0, 200), url: s.url };
  const formLink = targetsOf(s).find((t) => FORM_SERVICES.test(t.url));
  if (formLink) return { what: 'an online form service link', snippet: formLink.url, url: s.url };
  if (s.kind === 'external' && FORM_SERVICES.test(s.url)) return { what: 'an online form service link', snippet: s.url, url: s.url };
  return undefined;
}

function serviceIn(s: Source, ctx: CheckContext): Hit | undefined {
  const own = serviceOn(s);
  if (own) return own;
  for (const t of targetsOf(s, true)) {
    if (t.via !== 'link' || !/^https?:/i.test(t.url)) continue;
    const named = firstWordIn(ctx.index.compact(t.text), SERVICE_WORDS) !== undefined ||
      firstWordIn(decodeURIComponentSafe(t.url).toLowerCase(), SERVICE_WORDS) !== undefined;
    const portal = SERVICE_HOSTS.some((h) => hostMatches(hostOf(t.url), h)) && named;
    if (!named && !portal) continue;
    const target = ctx.index.resolve(t.url);
    // a crawled page must show the service itself; a link to a system off the crawl is taken as one
    if (target.type === 'page') {
      if (target.source.url === s.url) continue;
      const there = serviceOn(target.source);
      if (there) return there;
    } else if (target.type === 'external' || target.type === 'uncrawled') {
      if (target.type === 'external' && target.source.docKind) continue; // a document, not a system
      return { what: 'a link to an online service system', snippet: `${t.text} ${t.url}`.trim().slice(0, 200), url: s.url };
    }
  }
  return undefined;
}

function decodeURIComponentSafe(u: string): string {
  try {
    return decodeURIComponent(u);
  } catch {
    return u;
  }
}

export const onlineServiceCheck: CheckModule<'online-service'> = {
  kind: 'online-service',
  readsText: false,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const hit = serviceIn(s, ctx);
      if (hit) return passed({ th: `พบบริการออนไลน์ (${hit.what})`, en: `found an online service (${hit.what})` }, hit.url, hit.snippet);
    }
    return notFound(
      sources,
      { th: 'ไม่พบแบบฟอร์มหรือระบบบริการออนไลน์ที่ใช้งานได้จริง (มีเพียงชื่อหน้า)', en: 'no working online form or service system (only a page name)' },
      false,
    );
  },
};
