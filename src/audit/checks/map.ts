// map: a Google Maps (or other map service) iframe, or a link to a map.
import type { CheckModule } from './context.ts';
import { notFound, passed, targetsOf } from './helpers.ts';
import { hostMatches, hostOf } from '../snapshot-index.ts';

/** map services whose every page is a map */
const MAP_HOSTS = ['maps.google.com', 'maps.app.goo.gl', 'openstreetmap.org', 'waze.com', 'map.longdo.com'];

export function isMapUrl(url: string): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (MAP_HOSTS.some((h) => hostMatches(host, h))) return true;
  // google.com/maps, google.co.th/maps/embed?pb=…
  if (/(^|\.)google\.[a-z.]+$/.test(host)) return /\/maps(\/|\?|$)/.test(url);
  if (hostMatches(host, 'goo.gl')) return /goo\.gl\/maps\//.test(url);
  if (hostMatches(host, 'bing.com')) return /\/maps(\/|\?|$)/.test(url);
  return false;
}

export const mapCheck: CheckModule<'map'> = {
  kind: 'map',
  readsText: false,
  run(check, ctx) {
    const sources = ctx.sources(check.scope);
    for (const s of sources) {
      const hit = targetsOf(s).find((t) => isMapUrl(t.url));
      if (hit) {
        const how = hit.via === 'iframe' ? { th: 'แผนที่ฝัง (iframe)', en: 'an embedded map' } : { th: 'ลิงก์แผนที่', en: 'a map link' };
        return passed({ th: `พบ${how.th}`, en: `found ${how.en}` }, s.url, hit.url);
      }
      if (s.kind === 'external' && isMapUrl(s.url)) return passed({ th: 'พบลิงก์แผนที่', en: 'found a map link' }, s.url, s.url);
    }
    return notFound(sources, { th: 'ไม่พบแผนที่ (Google Maps)', en: 'no map (e.g. Google Maps) found' }, false);
  },
};
