// HTML → facts, in one streaming pass (no DOM is built): title, headings, visible
// text, links with their text / row context / heading / source, images, iframes, forms, plus the
// signals that decide whether a page needs a browser. The crawl's CPU budget is ~1 ms per page;
// building a DOM and querying it with selectors costs several times what this single pass does.
import { NO_ATTRIBUTES, scanHtml } from './html-scanner.ts';
import type { Form, Iframe, Image, Link } from '../snapshot/schema.ts';
import { fastNormalizeThai, normalizeLine } from './text.ts';
import { normalizeUrl, ownCopy, urlResolver } from './url.ts';

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
/** void elements whose whole meaning is in their attributes */
const VOID_HANDLED = new Set(['base', 'meta', 'frame', 'iframe', 'img', 'area', 'input']);
const BLOCK = new Set([
  'p', 'div', 'br', 'li', 'ul', 'ol', 'tr', 'td', 'th', 'table', 'tbody', 'thead', 'section', 'article', 'header',
  'footer', 'nav', 'aside', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'dd', 'dt', 'dl', 'form', 'fieldset',
  'legend', 'label', 'option', 'blockquote', 'pre', 'hr', 'center', 'caption', 'figure', 'figcaption', 'address',
]);
const CONTEXT_TAGS = new Set(['tr', 'li', 'p', 'dd']);
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];
/** the only attributes read below: the scanner steps over every other one */
const ATTRIBUTES_READ = new Set([
  'action', 'alt', 'aria-label', 'content', 'data-original', 'data-src', 'hidden', 'href', 'http-equiv', 'id', 'method', 'name', 'onclick',
  'placeholder', 'src', 'title', 'type', 'value', 'width', 'height',
]);

/** a width/height attribute in pixels ("150", "150px"), or NaN */
const pixels = (v: string | undefined) => (v && /^\s*\d{1,4}(\.\d+)?\s*(px)?\s*$/i.test(v) ? parseFloat(v) : NaN);

/** QR codes are shown square and big enough to scan; icons and spacers are smaller */
function squareImage(width: string | undefined, height: string | undefined): boolean {
  const w = pixels(width);
  const h = pixels(height);
  return w >= 80 && h >= 80 && w <= 600 && h <= 600 && Math.abs(w - h) <= 0.1 * Math.max(w, h);
}

/** what a tag name means to the extractor, one map lookup per tag instead of one per set */
const VOID = 1;
const HIDES = 2;
const CONTEXT = 4;
const HEADING = 8;
const BLOCK_TAG = 16;
const TAG_FLAGS = new Map<string, number>();
const flag = (names: Iterable<string>, bit: number) => {
  for (const n of names) TAG_FLAGS.set(n, (TAG_FLAGS.get(n) ?? 0) | bit);
};
flag(VOID_HANDLED, VOID);
flag(HIDDEN, HIDES);
flag(CONTEXT_TAGS, CONTEXT);
flag(HEADINGS, HEADING);
flag(BLOCK, BLOCK_TAG);
const SPA_ROOT_IDS = new Set(['root', 'app', '__next', '__nuxt', 'q-app', 'main-app', 'application']);
/** same test as s.trim() !== '' (both use WhiteSpace + LineTerminator), without copying the text */
const NON_BLANK = /\S/;
const ONCLICK_URL = /(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\(\s*|window\.open\(\s*)(['"])(.*?)\1/i;

/** normalised, capped, and never a slice of the page source (see ownCopy) */
const oneLine = (s: string, cap = 500) => (s ? ownCopy(normalizeLine(s).slice(0, cap)) : '');

/** a run of text parts [start, end); end is set when the element closes (parts only grow, so the slice is final) */
interface Frame {
  start: number;
  end?: number;
  /** the context string, normalised once for every link that shares this frame */
  context?: string;
}
interface PendingLink {
  url: string;
  source: Link['source'];
  textStart: number;
  alt: string;
  title: string;
  context: Frame | null;
  heading: string;
  /** where the link's own text ends, set when its element closes */
  textEnd?: number;
}

interface Open {
  name: string;
  /** this element started a hidden region (script, style, head, [hidden] …) */
  hides: boolean;
  block: boolean;
  frame: Frame | null;
  link: PendingLink | null;
  headingStart: number;
  /** child elements or non-blank text seen inside (for empty SPA roots) */
  children: number;
  spaRoot: boolean;
}

/** Extract everything the audit may need from an HTML string fetched from `baseUrl`. */
export function extractPage(html: string, baseUrl: string): ExtractedPage {
  let base = baseUrl;
  let title = '';
  let titleBuf: string[] | null = null;
  let noscriptDepth = 0;
  let noscriptText = '';
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
  const stack: Open[] = [];
  let hiddenDepth = 0;
  let currentForm: (Form & { frame: Frame }) | null = null;

  // pages repeat the same hrefs (menus, "home", pagination), and so do the pages of a site:
  // urlResolver memoises normalizeUrl across pages where the answer cannot depend on the page
  let resolveHref = urlResolver(base);
  const resolve = (href: string | undefined): string | null => (href ? resolveHref(href) : null);
  // block boundaries in a row collapse to one line break anyway: push one
  const newline = () => {
    if (parts[parts.length - 1] !== '\n') parts.push('\n');
  };
  const textBetween = (start: number, end = parts.length) => (end - start === 1 ? parts[start]! : end <= start ? '' : parts.slice(start, end).join(''));

  const addLink = (raw: string | undefined, source: Link['source'], a: Record<string, string>): PendingLink | null => {
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
      title: a.title ?? a['aria-label'] ?? '',
      context: contextStack.at(-1) ?? null,
      heading: lastHeading,
    };
    pending.push(link);
    return link;
  };

  /** elements that carry no content: handled entirely at their opening tag */
  const openVoid = (name: string, a: Record<string, string>): void => {
    switch (name) {
      case 'base':
        if (a.href) {
          base = normalizeUrl(a.href, baseUrl) ?? base;
          resolveHref = urlResolver(base);
        }
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
      case 'frame':
      case 'iframe': {
        const link = addLink(a.src, name, a);
        if (link) link.alt = a.title ?? a.name ?? '';
        const src = resolve(a.src);
        if (name === 'iframe' && (src || a.src)) iframes.push({ src: src ?? a.src!, title: oneLine(a.title ?? '', 200) });
        return;
      }
      case 'img': {
        if (hiddenDepth > 0) return;
        const src = resolve(a.src || a['data-src'] || a['data-original']);
        const inLink = linkStack.at(-1);
        if (inLink && a.alt) inLink.alt += ` ${a.alt}`;
        if (src && images.length < MAX_IMAGES) {
          images.push({ src, alt: oneLine(a.alt ?? a.title ?? '', 300), ...(inLink ? { href: inLink.url } : {}), ...(squareImage(a.width, a.height) ? { square: true } : {}) });
        }
        return;
      }
      case 'area': {
        const link = addLink(a.href, 'area', a);
        if (link) link.alt = a.alt ?? '';
        return;
      }
      case 'input':
        if (currentForm) {
          for (const f of [a.name, a.placeholder, a['aria-label']]) if (f && currentForm.fields.length < 50) currentForm.fields.push(oneLine(f, 100));
          if ((a.type === 'submit' || a.type === 'button') && a.value) parts.push(` ${a.value} `);
        }
        return;
    }
  };

  scanHtml(
    html,
    {
      onopentag(name, a) {
        const parent = stack.at(-1);
        if (parent) parent.children++;
        const flags = TAG_FLAGS.get(name) ?? 0;
        if (name === 'script') signals.scriptCount++;
        else if (name === 'frameset') signals.frameset = true;
        else if (name === 'title' && !title && !titleBuf) titleBuf = [];
        else if (name === 'noscript') noscriptDepth++;
        if (flags & VOID) {
          openVoid(name, a);
          stack.push({ name, hides: false, block: false, frame: null, link: null, headingStart: -1, children: 0, spaRoot: false });
          return;
        }
        if ((name === 'select' || name === 'textarea') && currentForm) {
          if (name === 'textarea') currentForm.hasTextarea = true;
          for (const f of [a.name, a.placeholder, a['aria-label']]) if (f && currentForm.fields.length < 50) currentForm.fields.push(oneLine(f, 100));
        }
        // most tags carry no attribute the extractor reads: skip the lookups for them
        const bare = a === NO_ATTRIBUTES;
        const hides = (flags & HIDES) !== 0 || (!bare && a.hidden !== undefined);
        if (hides) hiddenDepth++;
        const spaRoot = !bare && name === 'div' && a.id !== undefined && SPA_ROOT_IDS.has(a.id);
        const open: Open = { name, hides, block: false, frame: null, link: null, headingStart: -1, children: 0, spaRoot };
        stack.push(open);
        if (hiddenDepth > 0) return;
        let link: PendingLink | null = null;
        if (!bare) {
          if (name === 'a') link = addLink(a.href, 'a', a);
          if (a.onclick && !link) {
            const m = ONCLICK_URL.exec(a.onclick);
            if (m) link = addLink(m[2], 'onclick', a);
          }
        }
        if (link) {
          linkStack.push(link);
          open.link = link;
        }
        if (flags & CONTEXT) {
          open.frame = { start: parts.length };
          contextStack.push(open.frame);
        }
        if (name === 'form') {
          currentForm = { action: resolve(a.action) ?? baseUrl, method: (a.method ?? 'get').toLowerCase(), fields: [], hasTextarea: false, text: '', frame: { start: parts.length } };
          forms.push(currentForm);
        }
        if (flags & HEADING) open.headingStart = parts.length;
        if (flags & BLOCK_TAG) {
          open.block = true;
          newline();
        }
      },
      ontext(data) {
        if (titleBuf) {
          titleBuf.push(data);
          return;
        }
        if (noscriptDepth > 0 && noscriptText.length < 2000) noscriptText += data;
        if (hiddenDepth > 0) return;
        const parent = stack.at(-1);
        if (parent && parent.children === 0 && NON_BLANK.test(data)) parent.children++;
        parts.push(data);
        textLength += data.length;
      },
      onclosetag(name) {
        const open = stack.pop();
        if (!open) return;
        if (name === 'title' && titleBuf) {
          title = oneLine(titleBuf.join(''), 300);
          titleBuf = null;
        }
        if (name === 'noscript') noscriptDepth = Math.max(0, noscriptDepth - 1);
        if (open.spaRoot && open.children === 0) signals.spaRoot = true;
        if (open.hides) {
          hiddenDepth--;
          return;
        }
        if (open.block) newline();
        if (open.headingStart >= 0) {
          const h = oneLine(textBetween(open.headingStart), 300);
          if (h) {
            lastHeading = h;
            if (headings.length < MAX_HEADINGS) headings.push(h);
          }
        }
        if (open.frame) {
          open.frame.end = parts.length;
          contextStack.pop();
        }
        if (name === 'form' && currentForm) {
          currentForm.text = oneLine(textBetween(currentForm.frame.start), 1000);
          currentForm = null;
        }
        if (open.link) {
          open.link.textEnd = parts.length;
          linkStack.pop();
        }
      },
    },
    ATTRIBUTES_READ,
  );
  if (/javascript/i.test(noscriptText)) signals.noscriptAsksForJs = true;
  // an unclosed <title> still names the page
  if (titleBuf && !title) title = oneLine((titleBuf as string[]).join(''), 300);

  // duplicates are the same URL with the same text in the same row; URL strings come from the
  // resolver's cache, so keying on them hashes nothing new
  const seen = new Map<string, Link[]>();
  const links: Link[] = [];
  for (const p of pending) {
    const own = p.textEnd !== undefined ? textBetween(p.textStart, p.textEnd) : p.source === 'a' || p.source === 'onclick' ? textBetween(p.textStart) : '';
    const text = oneLine(own, 500) || oneLine(p.alt, 500) || oneLine(p.title, 500);
    const frame = p.context;
    const context = frame ? (frame.context ??= oneLine(textBetween(frame.start, frame.end), MAX_CONTEXT)) : '';
    const same = seen.get(p.url);
    if (same?.some((l) => l.text === text && l.context === context)) continue;
    // a link alone in its row has context equal to its text: keep one copy of the string
    const link: Link = { url: p.url, text, context: context === text ? text : context, heading: p.heading, source: p.source };
    if (same) same.push(link);
    else seen.set(p.url, [link]);
    links.push(link);
  }

  let raw = parts.join('');
  if (raw.length > MAX_TEXT_CHARS * 1.5) raw = raw.slice(0, MAX_TEXT_CHARS * 1.5);
  const text = fastNormalizeThai(raw).slice(0, MAX_TEXT_CHARS);
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
