// Sitemaps seed the frontier: urlset and sitemapindex, plain or gzip, with hard caps.
import { XMLParser } from 'fast-xml-parser';
import { gunzipSync } from 'node:zlib';
import type { Fetcher } from './fetcher.ts';

const MAX_SITEMAPS = 10;
const MAX_URLS = 5_000;
const MAX_BYTES = 10 * 1024 * 1024;

const parser = new XMLParser({ ignoreAttributes: true, removeNSPrefix: true, isArray: (name) => name === 'url' || name === 'sitemap' });

export interface SitemapContent {
  urls: string[];
  sitemaps: string[];
}

export function parseSitemap(body: Uint8Array): SitemapContent {
  let bytes = body;
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) bytes = gunzipSync(bytes, { maxOutputLength: MAX_BYTES });
  const xml = Buffer.from(bytes).toString('utf8');
  const doc = parser.parse(xml) as { urlset?: { url?: Array<{ loc?: unknown }> }; sitemapindex?: { sitemap?: Array<{ loc?: unknown }> } };
  const locs = (entries: Array<{ loc?: unknown }> | undefined) =>
    (entries ?? []).map((e) => (typeof e.loc === 'string' ? e.loc.trim() : '')).filter((s) => /^https?:\/\//i.test(s));
  return { urls: locs(doc.urlset?.url), sitemaps: locs(doc.sitemapindex?.sitemap) };
}

/** Read the given sitemaps (following indexes) and return page URLs; failures are ignored. */
export async function loadSitemapUrls(sitemapUrls: string[], fetcher: Fetcher, signal?: AbortSignal): Promise<string[]> {
  const queue = [...new Set(sitemapUrls)];
  const seen = new Set<string>();
  const urls: string[] = [];
  while (queue.length && seen.size < MAX_SITEMAPS && urls.length < MAX_URLS) {
    const next = queue.shift()!;
    if (seen.has(next)) continue;
    seen.add(next);
    try {
      const res = await fetcher.get({ url: next, maxBytes: MAX_BYTES, accept: 'application/xml,text/xml,*/*;q=0.5', signal });
      const content = parseSitemap(res.body);
      urls.push(...content.urls.slice(0, MAX_URLS - urls.length));
      queue.push(...content.sitemaps);
    } catch {
      /* a missing or broken sitemap only means fewer seeds */
    }
  }
  return urls;
}
