// A per-snapshot index built once per audit: normalised and compacted text for every page and
// document, and URL → resource lookups. Checks and locate read this instead of re-normalising
// the same text for every item and component.
import type { Document, Failure, Form, Iframe, Image, Link, Page, SiteSnapshot, Skipped } from '../snapshot/schema.ts';
import { compactForMatch, normalizeThai } from '../thai/normalize.ts';
import { findIdMentions } from './item-id.ts';

export type UnreadableWhy = 'scan' | 'not-extracted' | 'too-large' | 'error' | 'external' | 'not-crawled';

/**
 * One readable (or unreadable) thing a check looks at: a crawled page, a crawled document, or an
 * external link that was not crawled (Google Drive, Facebook …), known only by its link.
 */
export interface Source {
  url: string;
  kind: 'page' | 'document' | 'external';
  title: string;
  /** title, headings and visible text without the site-wide menus and footer, Thai-normalised */
  text: string;
  /** `text` lower-cased with all white space removed */
  compact: string;
  /** all visible text, menus and footer included (contact details often live in the footer) */
  fullText: string;
  links: Link[];
  /** links without the site-wide menu and footer links */
  contentLinks: Link[];
  images: Image[];
  iframes: Iframe[];
  forms: Form[];
  headings: string[];
  /** for documents: pdf, doc …; for external links: guessed from the URL */
  docKind?: Document['kind'];
  /** decoded QR payloads (image documents) */
  qr: string[];
  /** false when the text could not be read: a scan without OCR, a doc/xls not extracted, an external link */
  readable: boolean;
  unreadableWhy?: UnreadableWhy;
}

/** What a URL resolves to in the snapshot. */
export type Resolved =
  | { type: 'page'; url: string; source: Source; page: Page }
  | { type: 'document'; url: string; source: Source; document: Document }
  | { type: 'failed'; url: string; failure: Failure }
  | { type: 'dead'; url: string; why: 'hash' | 'javascript' | 'empty' | 'scheme' }
  | { type: 'external'; url: string; source: Source }
  | { type: 'uncrawled'; url: string; skipped?: Skipped };

export interface SnapshotIndex {
  snapshot: SiteSnapshot;
  pages: Source[];
  /** page sources by URL (url, finalUrl and every redirect hop, fragment stripped) */
  pageByUrl: Map<string, { source: Source; page: Page }>;
  documentByUrl: Map<string, { source: Source; document: Document }>;
  failureByUrl: Map<string, Failure>;
  skippedByUrl: Map<string, Skipped>;
  hosts: Set<string>;
  hubUrls: Set<string>;
  resolve(url: string): Resolved;
  /** compactForMatch, memoised: the same keywords are matched against every page */
  compact(text: string): string;
  /** every distinct link (URL + text) of every non-hub page once, with the first page showing it */
  uniqueLinks(): IndexedLink[];
  /**
   * Indices into uniqueLinks() of the links that may match, found through inverted indexes so
   * locate does not scan every link for every item: links whose compact text contains `word`
   * (exact), links whose URL has every piece of `slug` (confirm with the slug's pattern), links
   * whose own text names item `key`.
   */
  linksWithText(compactWord: string): number[];
  linksWithSlug(slug: string): number[];
  linksWithItemKey(key: string): number[];
  /** remember a derived value (dates found in a text …) for the whole audit */
  memo<T>(key: string, compute: () => T): T;
}

export interface IndexedLink {
  link: Link;
  on: Source;
  /** compact link text */
  text: string;
  /** the URL decoded and lower-cased, for slug patterns */
  decodedUrl: string;
  /** the item id written in the link's own text ("O1 โครงสร้าง" → "o1"), if any */
  ownItemKey: string | undefined;
}

/** the pieces of a URL between separators: "/ita/o1-structure.html" → ita, o1, structure, html */
export function urlPieces(url: string): string[] {
  return url.split(/[/_\-.=?&#:]+/).filter(Boolean);
}

/** a cheap test before the full item-id search */
const MAY_HAVE_ID = /o\s?[-.:]?\s?\d/i;

export function decodedUrl(url: string): string {
  try {
    return decodeURI(url).toLowerCase();
  } catch {
    return url.toLowerCase();
  }
}

const DOCUMENT_EXTENSIONS: Record<string, Document['kind']> = {
  pdf: 'pdf', doc: 'doc', docx: 'doc', odt: 'doc', rtf: 'doc',
  xls: 'xls', xlsx: 'xls', ods: 'xls', csv: 'xls',
  ppt: 'ppt', pptx: 'ppt', odp: 'ppt',
  jpg: 'image', jpeg: 'image', png: 'image', gif: 'image', webp: 'image', bmp: 'image', tif: 'image', tiff: 'image',
};

/** hosts whose content the crawler does not open: evidence links there are judged by the link alone */
const EXTERNAL_EVIDENCE_HOSTS = [
  'drive.google.com', 'docs.google.com', 'sites.google.com', 'onedrive.live.com', '1drv.ms', 'sharepoint.com',
  'dropbox.com', 'facebook.com', 'fb.com', 'fb.watch', 'youtube.com', 'youtu.be', 'line.me', 'lin.ee',
  'anyflip.com', 'fliphtml5.com', 'canva.com', 'scribd.com',
];

/** a file host or social network where agencies park evidence (Drive, Facebook …) */
export function isExternalEvidenceHost(url: string): boolean {
  const host = hostOf(url);
  return host !== undefined && EXTERNAL_EVIDENCE_HOSTS.some((h) => hostMatches(host, h));
}

export function stripFragment(url: string): string {
  const i = url.indexOf('#');
  return i === -1 ? url : url.slice(0, i);
}

export function hostOf(url: string): string | undefined {
  try {
    const u = new URL(url);
    if (u.protocol !== 'http:' && u.protocol !== 'https:') return undefined;
    return u.hostname.toLowerCase().replace(/^www\./, '');
  } catch {
    return undefined;
  }
}

/** is `host` equal to `wanted` or a sub-domain of it (www. ignored on both sides)? */
export function hostMatches(host: string | undefined, wanted: string): boolean {
  if (!host) return false;
  const w = wanted.toLowerCase().replace(/^www\./, '').replace(/^https?:\/\//, '').replace(/\/.*$/, '');
  return host === w || host.endsWith(`.${w}`);
}

export function isHttpUrl(url: string): boolean {
  return /^https?:\/\//i.test(url);
}

/** the document kind a URL's extension suggests, if any */
export function documentKindOfUrl(url: string): Document['kind'] | undefined {
  let path = url;
  try {
    path = decodeURIComponent(new URL(url).pathname);
  } catch {
    /* keep the raw string */
  }
  const m = /\.([a-z0-9]{2,5})$/i.exec(path);
  return m ? DOCUMENT_EXTENSIONS[m[1]!.toLowerCase()] : undefined;
}

/** a Google Drive / OneDrive / Dropbox file link: a document we cannot open */
export function isCloudDocumentUrl(url: string): boolean {
  const host = hostOf(url);
  if (!host) return false;
  if (hostMatches(host, 'drive.google.com')) return true;
  if (hostMatches(host, 'docs.google.com')) return !/\/forms\//.test(url);
  return ['onedrive.live.com', '1drv.ms', 'sharepoint.com', 'dropbox.com'].some((h) => hostMatches(host, h));
}

function variants(url: string): string[] {
  const base = stripFragment(url);
  const out = [base];
  if (base.endsWith('/')) out.push(base.slice(0, -1));
  else out.push(`${base}/`);
  try {
    const decoded = decodeURI(base);
    if (decoded !== base) out.push(decoded);
    const encoded = encodeURI(decoded);
    if (encoded !== base) out.push(encoded);
  } catch {
    /* malformed escapes: exact match only */
  }
  return out;
}

/** lines and links that appear on most pages are menus and footers, not the page's content */
interface Boilerplate {
  lines: Set<string>;
  links: Set<string>;
}

/** below this many pages, nothing is treated as boilerplate */
const BOILERPLATE_MIN_PAGES = 4;

function findBoilerplate(pages: Page[], bodies: Map<Page, string>): Boilerplate {
  const lines = new Set<string>();
  const links = new Set<string>();
  if (pages.length < BOILERPLATE_MIN_PAGES) return { lines, links };
  const threshold = Math.max(3, Math.ceil(pages.length * 0.5));
  const lineCount = new Map<string, number>();
  const linkCount = new Map<string, number>();
  for (const page of pages) {
    for (const line of new Set(bodies.get(page)!.split('\n'))) {
      if (line.trim()) lineCount.set(line, (lineCount.get(line) ?? 0) + 1);
    }
    for (const url of new Set(page.links.map((l) => stripFragment(l.url)))) linkCount.set(url, (linkCount.get(url) ?? 0) + 1);
  }
  for (const [line, n] of lineCount) if (n >= threshold) lines.add(line);
  for (const [url, n] of linkCount) if (n >= threshold) links.add(url);
  return { lines, links };
}

/** compactForMatch for text that is already normalised: skip the second normalisation */
function compactNormalised(text: string): string {
  return text.toLowerCase().replace(/\s+/g, '');
}

function pageSource(page: Page, boilerplate: Boilerplate, body: string): Source {
  const title = normalizeThai(page.title);
  const headings = page.headings.map(normalizeThai).filter(Boolean);
  const content = boilerplate.lines.size ? body.split('\n').filter((l) => !boilerplate.lines.has(l)).join('\n') : body;
  // with --ocr, the text read from the page's images (an org chart) is part of what the page shows
  const ocr = page.images.flatMap((i) => (i.ocrText ? [normalizeThai(i.ocrText)] : []));
  const text = [title, ...headings, content, ...ocr].filter(Boolean).join('\n');
  return {
    url: page.finalUrl || page.url,
    kind: 'page',
    title,
    text,
    compact: compactNormalised(text),
    fullText: [title, ...headings, body].filter(Boolean).join('\n'),
    links: page.links,
    contentLinks: boilerplate.links.size ? page.links.filter((l) => !boilerplate.links.has(stripFragment(l.url))) : page.links,
    images: page.images,
    iframes: page.iframes,
    forms: page.forms,
    headings,
    qr: page.images.flatMap((i) => (i.qr ? [i.qr] : [])),
    readable: true,
  };
}

function documentSource(doc: Document): Source {
  const text = normalizeThai(doc.text);
  const readable = (doc.textStatus === 'ok' || doc.textStatus === 'ocr') && text.length > 0;
  const why: Record<string, UnreadableWhy> = {
    'no-text': 'scan', 'not-extracted': 'not-extracted', 'too-large': 'too-large', error: 'error', ok: 'scan', ocr: 'scan',
  };
  // an image document with a decoded QR code is "read" for qr-code checks even without text
  return {
    url: doc.finalUrl || doc.url,
    kind: 'document',
    title: '',
    text,
    compact: compactNormalised(text),
    fullText: text,
    links: [],
    contentLinks: [],
    images: [],
    iframes: [],
    forms: [],
    headings: [],
    docKind: doc.kind,
    qr: doc.qr,
    readable,
    unreadableWhy: readable ? undefined : why[doc.textStatus],
  };
}

/** an external link known only by its anchor: the link itself is the source's only content */
export function externalSource(url: string, link?: Link): Source {
  const anchor: Link = link ?? { url, text: '', context: '', heading: '', source: 'a' };
  return {
    url,
    kind: 'external',
    title: '',
    text: '',
    compact: '',
    fullText: '',
    links: [anchor],
    contentLinks: [anchor],
    images: [],
    iframes: [],
    forms: [],
    headings: [],
    docKind: documentKindOfUrl(url) ?? (isCloudDocumentUrl(url) ? 'other' : undefined),
    qr: [],
    readable: false,
    unreadableWhy: 'external',
  };
}

export function buildSnapshotIndex(snapshot: SiteSnapshot): SnapshotIndex {
  const pageByUrl = new Map<string, { source: Source; page: Page }>();
  const documentByUrl = new Map<string, { source: Source; document: Document }>();
  const failureByUrl = new Map<string, Failure>();
  const skippedByUrl = new Map<string, Skipped>();
  const pages: Source[] = [];

  const bodies = new Map(snapshot.pages.map((p) => [p, normalizeThai(p.text)]));
  const boilerplate = findBoilerplate(snapshot.pages.filter((p) => p.status < 400), bodies);
  for (const page of snapshot.pages) {
    const entry = { source: pageSource(page, boilerplate, bodies.get(page)!), page };
    pages.push(entry.source);
    for (const u of [page.url, page.finalUrl, ...page.redirects]) {
      for (const v of variants(u)) if (!pageByUrl.has(v)) pageByUrl.set(v, entry);
    }
  }
  for (const document of snapshot.documents) {
    const entry = { source: documentSource(document), document };
    for (const u of [document.url, document.finalUrl]) {
      for (const v of variants(u)) if (!documentByUrl.has(v)) documentByUrl.set(v, entry);
    }
  }
  for (const f of snapshot.failures) for (const v of variants(f.url)) if (!failureByUrl.has(v)) failureByUrl.set(v, f);
  for (const s of snapshot.skipped) for (const v of variants(s.url)) if (!skippedByUrl.has(v)) skippedByUrl.set(v, s);

  const hosts = new Set<string>();
  for (const u of [snapshot.startUrl, snapshot.finalStartUrl, ...snapshot.hosts]) {
    if (!u) continue;
    const h = hostOf(u) ?? u.toLowerCase().replace(/^www\./, '');
    hosts.add(h);
  }

  const compactCache = new Map<string, string>();
  const compact = (text: string): string => {
    let c = compactCache.get(text);
    if (c === undefined) {
      c = compactForMatch(text);
      compactCache.set(text, c);
    }
    return c;
  };

  const externalCache = new Map<string, Source>();

  const homeUrls = new Set([snapshot.startUrl, snapshot.finalStartUrl].filter((x): x is string => !!x).flatMap(variants));
  const resolved = new Map<string, Resolved>();
  const resolve = (raw: string): Resolved => {
    let r = resolved.get(raw);
    if (!r) {
      r = resolveUncached(raw);
      resolved.set(raw, r);
    }
    return r;
  };

  const resolveUncached = (raw: string): Resolved => {
    const url = raw.trim();
    if (url === '' ) return { type: 'dead', url, why: 'empty' };
    // href="#" made absolute by the crawler ends in an empty fragment: it goes nowhere
    if (url.startsWith('#') || url.endsWith('#')) return { type: 'dead', url, why: 'hash' };
    if (/^javascript:/i.test(url)) return { type: 'dead', url, why: 'javascript' };
    if (!isHttpUrl(url)) {
      // mailto:, tel:, line:// … are not evidence pages
      return { type: 'dead', url, why: 'scheme' };
    }
    for (const v of variants(url)) {
      const failure = failureByUrl.get(v);
      const page = pageByUrl.get(v);
      if (page) {
        if (page.page.status >= 400 || failure?.kind === 'soft-404') {
          return { type: 'failed', url, failure: failure ?? { url, kind: page.page.status === 404 ? 'http-404' : page.page.status >= 500 ? 'http-5xx' : 'http-4xx', status: page.page.status, message: '', attempts: 1 } };
        }
        // a removed page that redirects to the home page is a dead link, not the home page as evidence
        if (page.page.redirects.length > 0 && homeUrls.has(stripFragment(page.page.finalUrl)) && !homeUrls.has(stripFragment(url))) {
          return { type: 'failed', url, failure: { url, kind: 'soft-404', message: 'redirects to the home page', attempts: 1 } };
        }
        return { type: 'page', url, source: page.source, page: page.page };
      }
      const doc = documentByUrl.get(v);
      if (doc) {
        if (doc.document.status >= 400) {
          return { type: 'failed', url, failure: failure ?? { url, kind: doc.document.status === 404 ? 'http-404' : doc.document.status >= 500 ? 'http-5xx' : 'http-4xx', status: doc.document.status, message: '', attempts: 1 } };
        }
        return { type: 'document', url, source: doc.source, document: doc.document };
      }
      if (failure) return { type: 'failed', url, failure };
    }
    const skipped = variants(url).map((v) => skippedByUrl.get(v)).find(Boolean);
    const host = hostOf(url);
    const onSite = host !== undefined && [...hosts].some((h) => hostMatches(host, h));
    const externalHost = host !== undefined && EXTERNAL_EVIDENCE_HOSTS.some((h) => hostMatches(host, h));
    if (skipped?.reason === 'external-evidence' || externalHost || !onSite) {
      let source = externalCache.get(url);
      if (!source) {
        source = externalSource(url);
        externalCache.set(url, source);
      }
      return { type: 'external', url, source };
    }
    return { type: 'uncrawled', url, skipped };
  };

  let linksCache: IndexedLink[] | undefined;
  const byBigram = new Map<string, number[]>();
  const byPiece = new Map<string, number[]>();
  const byItemKey = new Map<string, number[]>();
  const post = (map: Map<string, number[]>, key: string, i: number) => {
    const list = map.get(key);
    if (!list) map.set(key, [i]);
    else if (list[list.length - 1] !== i) list.push(i);
  };
  const hubPageSet = new Set(snapshot.hubUrls.flatMap(variants).map((u) => pageByUrl.get(u)?.source).filter(Boolean));
  const uniqueLinks = (): IndexedLink[] => {
    if (linksCache) return linksCache;
    const seen = new Set<string>();
    linksCache = [];
    for (const on of pages) {
      if (hubPageSet.has(on)) continue;
      for (const link of on.links) {
        const key = `${link.url}\u0000${link.text}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const text = normalizeThai(link.text);
        const entry: IndexedLink = {
          link,
          on,
          text: compactNormalised(text),
          decodedUrl: decodedUrl(link.url),
          ownItemKey: MAY_HAVE_ID.test(text) ? findIdMentions(text)[0]?.key : undefined,
        };
        const i = linksCache.push(entry) - 1;
        for (let c = 0; c + 1 < entry.text.length; c++) post(byBigram, entry.text.slice(c, c + 2), i);
        for (const piece of urlPieces(entry.decodedUrl)) post(byPiece, piece, i);
        if (entry.ownItemKey) post(byItemKey, entry.ownItemKey, i);
      }
    }
    return linksCache;
  };

  const linksWithText = (word: string): number[] => {
    const links = uniqueLinks();
    if (word.length < 2) return links.flatMap((l, i) => (l.text.includes(word) ? [i] : []));
    // the word's rarest bigram narrows the links to check
    let best: number[] | undefined;
    for (let c = 0; c + 1 < word.length; c++) {
      const list = byBigram.get(word.slice(c, c + 2));
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best!.filter((i) => links[i]!.text.includes(word));
  };

  const linksWithSlug = (slug: string): number[] => {
    const links = uniqueLinks();
    const pieces = urlPieces(slug.toLowerCase());
    if (pieces.length === 0) return [];
    let best: number[] | undefined;
    for (const piece of pieces) {
      const list = byPiece.get(piece);
      if (!list) return [];
      if (!best || list.length < best.length) best = list;
    }
    return best!.filter((i) => links[i]!.decodedUrl.includes(slug.toLowerCase()));
  };

  const linksWithItemKey = (key: string): number[] => {
    uniqueLinks();
    return byItemKey.get(key) ?? [];
  };

  const memoCache = new Map<string, unknown>();
  const memo = <T,>(key: string, compute: () => T): T => {
    if (memoCache.has(key)) return memoCache.get(key) as T;
    const value = compute();
    memoCache.set(key, value);
    return value;
  };

  return {
    snapshot,
    pages,
    uniqueLinks,
    linksWithText,
    linksWithSlug,
    linksWithItemKey,
    memo,
    pageByUrl,
    documentByUrl,
    failureByUrl,
    skippedByUrl,
    hosts,
    hubUrls: new Set(snapshot.hubUrls.flatMap(variants)),
    resolve,
    compact,
  };
}
