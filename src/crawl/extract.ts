// HTML → facts, in one pass over an htmlparser2 DOM (parsed through cheerio): title, headings,
// visible text, links with their text / row context / heading / source, images, iframes, forms,
// plus the signals that decide whether a page needs a browser. No selectors: one walk is several
// times cheaper than repeated cheerio queries, and the crawl's CPU budget is ~1 ms per page.
import { load } from 'cheerio';
import type { AnyNode, Element } from 'domhandler';
import type { Form, Iframe, Image, Link } from '../snapshot/schema.ts';
import { normalizeThai } from '../thai/normalize.ts';
import { normalizeUrl } from './url.ts';

export const MAX_TEXT_CHARS = 60_000;
const MAX_LINKS = 3_000;
const MAX_IMAGES = 500;
const MAX_CONTEXT = 300;
const MAX_HEADINGS = 200;

export interface PageSignals {
  /** characters of visible text (before capping) */
  textLength: number;
  /** an empty SPA mount point such as <div id="root"></div> */
  spaRoot: boolean;
  /** <noscript> asks the visitor to enable JavaScript */
  noscriptAsksForJs: boolean;
  scriptCount: number;
  /** a <frameset> page */
  frameset: boolean;
}

export interface ExtractedPage {
  title: string;
  headings: string[];
  text: string;
  links: Link[];
  images: Image[];
  iframes: Iframe[];
  forms: Form[];
  /** target of <meta http-equiv="refresh"> */
  metaRefresh?: string;
  signals: PageSignals;
}

const HIDDEN = new Set(['script', 'style', 'noscript', 'template', 'head', 'svg', 'math', 'object']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'dl', 'form', 'fieldset',
  'legend', 'label', 'option', 'blockquote', 'pre', 'hr', 'center', 'caption', 'figure', 'figcaption', 'address',
]);
const CONTEXT_TAGS = new Set(['tr', 'li', 'p', 'dd']);
const HEADING = /^h[1-6]$/;
const SPA_ROOT_IDS = new Set(['root', 'app', '__next', '__nuxt', 'q-app', 'main-app', 'application']);
const ONCLICK_URL = /(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\(\s*|window\.open\(\s*)(['"])(.*?)\1/i;

const oneLine = (s: string, cap = 500) => normalizeThai(s.replace(/\s+/g, ' ')).slice(0, cap);

interface Frame {
  start: number;
  text?: string;
}
interface PendingLink {
  url: string;
  source: Link['source'];
  textStart: number;
  alt: string;
  title: string;
  context: Frame | null;
  heading: string;
  /** the link's own text, set when its element closes */
  text?: string;
}

/** Extract everything the audit may need from an HTML string fetched from `baseUrl`. */
export function extractPage(html: string, baseUrl: string): ExtractedPage {
  const $ = load(html, { xml: { xmlMode: false, decodeEntities: true, lowerCaseTags: true, lowerCaseAttributeNames: true } });
  const root = $.root()[0] as unknown as AnyNode;

  let base = baseUrl;
  let title = '';
  let metaRefresh: string | undefined;
  const parts: string[] = [];
  let textLength = 0;
  const headings: string[] = [];
  let lastHeading = '';
  const pending: PendingLink[] = [];
  const images: Image[] = [];
  const iframes: Iframe[] = [];
  const forms: Array<Form & { frame: Frame }> = [];
  const signals: PageSignals = { textLength: 0, spaRoot: false, noscriptAsksForJs: false, scriptCount: 0, frameset: false };
  const contextStack: Frame[] = [];
  const linkStack: PendingLink[] = [];
  let currentForm: (Form & { frame: Frame }) | null = null;

  const resolve = (href: string | undefined): string | null => (href ? normalizeUrl(href, base) : null);
  const textBetween = (start: number) => parts.slice(start).join('');

  const addLink = (raw: string | undefined, source: Link['source'], el: Element): PendingLink | null => {
    if (!raw || pending.length >= MAX_LINKS) return null;
    const trimmed = raw.trim();
    let url = resolve(trimmed);
    if (!url) {
      if (!/^(mailto:|tel:|line:|fb:)/i.test(trimmed)) return null;
      url = trimmed.slice(0, 500);
    }
    const link: PendingLink = {
      url,
      source,
      textStart: parts.length,
      alt: '',
      title: el.attribs.title ?? el.attribs['aria-label'] ?? '',
      context: contextStack.at(-1) ?? null,
      heading: lastHeading,
    };
    pending.push(link);
    return link;
  };

  const walk = (node: AnyNode, hidden: boolean): void => {
    if (node.type === 'text') {
      if (!hidden) {
        const data = (node as unknown as { data: string }).data;
        parts.push(data);
        textLength += data.length;
      }
      return;
    }
    if (node.type === 'root') {
      for (const child of (node as unknown as { children: AnyNode[] }).children) walk(child, hidden);
      return;
    }
    if (node.type !== 'tag' && node.type !== 'script' && node.type !== 'style') return;
    const el = node as Element;
    const name = el.name;
    const a = el.attribs;

    switch (name) {
      case 'base':
        if (a.href) base = normalizeUrl(a.href, baseUrl) ?? base;
        return;
      case 'title':
        if (!title) title = oneLine($(el).text(), 300);
        return;
      case 'meta':
        if (a['http-equiv']?.toLowerCase() === 'refresh' && a.content) {
          const m = /url\s*=\s*['"]?([^'"]+)/i.exec(a.content);
          const target = m ? resolve(m[1]) : null;
          if (target) {
            metaRefresh = target;
            pending.push({ url: target, source: 'meta-refresh', textStart: parts.length, alt: '', title: '', context: null, heading: '' });
          }
        }
        return;
      case 'script':
        signals.scriptCount++;
        return;
      case 'noscript':
        if (/javascript/i.test($(el).text())) signals.noscriptAsksForJs = true;
        return;
      case 'frameset':
        signals.frameset = true;
        break;
      case 'frame':
      case 'iframe': {
        const link = addLink(a.src, name, el);
        if (link) link.alt = a.title ?? a.name ?? '';
        const src = resolve(a.src);
        if (name === 'iframe' && (src || a.src)) iframes.push({ src: src ?? a.src!, title: oneLine(a.title ?? '', 200) });
        return;
      }
      case 'img': {
        const rawSrc = a.src || a['data-src'] || a['data-original'];
        const src = resolve(rawSrc);
        const inLink = linkStack.at(-1);
        if (inLink && a.alt) inLink.alt += ` ${a.alt}`;
        if (src && images.length < MAX_IMAGES) {
          images.push({ src, alt: oneLine(a.alt ?? a.title ?? '', 300), ...(inLink ? { href: inLink.url } : {}) });
        }
        return;
      }
      case 'area': {
        const link = addLink(a.href, 'area', el);
        if (link) link.alt = a.alt ?? '';
        return;
      }
      case 'input':
      case 'select':
      case 'textarea':
        if (currentForm) {
          if (name === 'textarea') currentForm.hasTextarea = true;
          for (const f of [a.name, a.placeholder, a['aria-label']]) if (f && currentForm.fields.length < 50) currentForm.fields.push(oneLine(f, 100));
          if ((a.type === 'submit' || a.type === 'button') && a.value) parts.push(` ${a.value} `);
        }
        if (name !== 'select' && name !== 'textarea') return;
        break;
      case 'div':
        if (a.id && SPA_ROOT_IDS.has(a.id) && el.children.length === 0) signals.spaRoot = true;
        break;
    }

    if (a.hidden !== undefined) hidden = true;
    const isHidden = hidden || HIDDEN.has(name);
    if (isHidden && name === 'head') {
      // <head> is invisible but holds <title>, <base> and <meta refresh>
      for (const child of el.children) walk(child, true);
      return;
    }
    if (isHidden) return;

    let link: PendingLink | null = null;
    if (name === 'a') link = addLink(a.href, 'a', el);
    if (a.onclick && !link) {
      const m = ONCLICK_URL.exec(a.onclick);
      if (m) link = addLink(m[2], 'onclick', el);
    }
    if (link) linkStack.push(link);

    let frame: Frame | null = null;
    if (CONTEXT_TAGS.has(name)) {
      frame = { start: parts.length };
      contextStack.push(frame);
    }
    if (name === 'form') {
      currentForm = { action: resolve(a.action) ?? baseUrl, method: (a.method ?? 'get').toLowerCase(), fields: [], hasTextarea: false, text: '', frame: { start: parts.length } };
      forms.push(currentForm);
    }
    const headingStart = HEADING.test(name) ? parts.length : -1;
    const block = BLOCK.has(name);
    if (block) parts.push('\n');

    for (const child of el.children) walk(child, isHidden);

    if (block) parts.push('\n');
    if (headingStart >= 0) {
      const h = oneLine(textBetween(headingStart), 300);
      if (h) {
        lastHeading = h;
        if (headings.length < MAX_HEADINGS) headings.push(h);
      }
    }
    if (frame) {
      frame.text = textBetween(frame.start);
      contextStack.pop();
    }
    if (name === 'form' && currentForm) {
      currentForm.text = oneLine(textBetween(currentForm.frame.start), 1000);
      currentForm = null;
    }
    if (link) {
      link.text = textBetween(link.textStart);
      linkStack.pop();
    }
  };
  walk(root, false);

  // meta refresh and frames are found before any text, so their textStart is 0-length: fine
  const seen = new Set<string>();
  const links: Link[] = [];
  for (const p of pending) {
    const own = p.text ?? '';
    const text = oneLine(own, 500) || oneLine(p.alt, 500) || oneLine(p.title, 500);
    const context = p.context ? oneLine(p.context.text ?? textBetween(p.context.start), MAX_CONTEXT) : '';
    const key = `${p.url}\u0000${text}\u0000${context}`;
    if (seen.has(key)) continue;
    seen.add(key);
    links.push({ url: p.url, text, context, heading: p.heading, source: p.source });
  }

  let raw = parts.join('');
  if (raw.length > MAX_TEXT_CHARS * 1.5) raw = raw.slice(0, MAX_TEXT_CHARS * 1.5);
  const text = normalizeThai(raw.replace(/[ \t\r\f\v]+/g, ' ').replace(/\s*\n\s*/g, '\n')).slice(0, MAX_TEXT_CHARS);
  signals.textLength = textLength;
  return {
    title,
    headings,
    text,
    links,
    images,
    iframes,
    forms: forms.map(({ frame: _frame, ...f }) => f),
    ...(metaRefresh ? { metaRefresh } : {}),
    signals,
  };
}

/** Does this static HTML look like an empty JavaScript shell that only a browser can fill? */
export function needsBrowser(page: ExtractedPage): boolean {
  const s = page.signals;
  if (s.frameset) return false;
  const fewLinks = page.links.filter((l) => l.source !== 'meta-refresh').length === 0;
  const littleText = page.text.replace(/\s+/g, '').length < 200;
  if (s.spaRoot && littleText) return true;
  if (s.noscriptAsksForJs && littleText) return true;
  if (fewLinks && !page.metaRefresh && s.scriptCount > 0) return true;
  return fewLinks && littleText && !page.metaRefresh;
}
