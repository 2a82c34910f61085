// HTML → facts, in one streaming pass (no DOM is built): title, headings, visible
// text, links with their text / row context / heading / source, images, iframes, forms, plus the
// signals that decide whether a page needs a browser. The crawl's CPU budget is ~1 ms per page;
// building a DOM and querying it with selectors costs several times what this single pass does.
import { NO_ATTRIBUTES, scanHtml, type ScanHandler } from './html-scanner.ts';
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

/** attributes read on some tags only: an image's inline style can carry its size */
const ATTRIBUTES_READ_ON = new Map([['img', new Set(['style'])]]);
const STYLE_WIDTH = /(?:^|;)\s*width\s*:\s*([\d.]+\s*(?:px)?)\s*(?:;|$)/i;
const STYLE_HEIGHT = /(?:^|;)\s*height\s*:\s*([\d.]+\s*(?:px)?)\s*(?:;|$)/i;

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
  const extractor = new PageExtractor(baseUrl);
  scanHtml(html, extractor, ATTRIBUTES_READ, ATTRIBUTES_READ_ON);
  return extractor.result();
}

/**
 * The scanner's handler: one object per page holding the page's state, rather than a function
 * with a dozen closures (the TypeScript loader names each closure on every call).
 */
class PageExtractor implements ScanHandler {
  private base: string;
  private title = '';
  private titleBuf: string[] | null = null;
  private noscriptDepth = 0;
  private noscriptText = '';
  private metaRefresh: string | undefined;
  private readonly parts: string[] = [];
  private textLength = 0;
  private readonly headings: string[] = [];
  private lastHeading = '';
  private readonly pending: PendingLink[] = [];
  private readonly images: Image[] = [];
  private readonly iframes: Iframe[] = [];
  private readonly forms: Array<Form & { frame: Frame }> = [];
  private readonly signals: PageSignals = { textLength: 0, spaRoot: false, noscriptAsksForJs: false, scriptCount: 0, frameset: false };
  private readonly contextStack: Frame[] = [];
  private readonly linkStack: PendingLink[] = [];
  private readonly stack: Open[] = [];
  private hiddenDepth = 0;
  private currentForm: (Form & { frame: Frame }) | null = null;
  // pages repeat the same hrefs (menus, "home", pagination), and so do the pages of a site:
  // urlResolver memoises normalizeUrl across pages where the answer cannot depend on the page
  private resolveHref: (href: string) => string | null;

  constructor(private readonly baseUrl: string) {
    this.base = baseUrl;
    this.resolveHref = urlResolver(baseUrl);
  }

  private resolve(href: string | undefined): string | null {
    return href ? this.resolveHref(href) : null;
  }

  /** block boundaries in a row collapse to one line break anyway: push one */
  private newline(): void {
    const parts = this.parts;
    if (parts[parts.length - 1] !== '\n') parts.push('\n');
  }

  private textBetween(start: number, end = this.parts.length): string {
    return end - start === 1 ? this.parts[start]! : end <= start ? '' : this.parts.slice(start, end).join('');
  }

  private addLink(raw: string | undefined, source: Link['source'], a: Record<string, string>): PendingLink | null {
    if (!raw || this.pending.length >= MAX_LINKS) return null;
    const trimmed = raw.trim();
    let url = this.resolve(trimmed);
    if (!url) {
      if (!/^(mailto:|tel:|line:|fb:)/i.test(trimmed)) return null;
      url = trimmed.slice(0, 500);
    }
    const link: PendingLink = {
      url,
      source,
      textStart: this.parts.length,
      alt: '',
      title: a.title ?? a['aria-label'] ?? '',
      context: this.contextStack.at(-1) ?? null,
      heading: this.lastHeading,
    };
    this.pending.push(link);
    return link;
  }

  private addFormFields(a: Record<string, string>): void {
    const form = this.currentForm!;
    for (const f of [a.name, a.placeholder, a['aria-label']]) if (f && form.fields.length < 50) form.fields.push(oneLine(f, 100));
  }

  /** elements that carry no content: handled entirely at their opening tag */
  private openVoid(name: string, a: Record<string, string>): void {
    switch (name) {
      case 'base':
        if (a.href) {
          this.base = normalizeUrl(a.href, this.baseUrl) ?? this.base;
          this.resolveHref = urlResolver(this.base);
        }
        return;
      case 'meta':
        if (a['http-equiv']?.toLowerCase() === 'refresh' && a.content) {
          const m = /url\s*=\s*['"]?([^'"]+)/i.exec(a.content);
          const target = m ? this.resolve(m[1]) : null;
          if (target) {
            this.metaRefresh = target;
            this.pending.push({ url: target, source: 'meta-refresh', textStart: this.parts.length, alt: '', title: '', context: null, heading: '' });
          }
        }
        return;
      case 'frame':
      case 'iframe': {
        const link = this.addLink(a.src, name, a);
        if (link) link.alt = a.title ?? a.name ?? '';
        const src = this.resolve(a.src);
        if (name === 'iframe' && (src || a.src)) this.iframes.push({ src: src ?? a.src!, title: oneLine(a.title ?? '', 200) });
        return;
      }
      case 'img': {
        if (this.hiddenDepth > 0) return;
        const src = this.resolve(a.src || a['data-src'] || a['data-original']);
        const inLink = this.linkStack.at(-1);
        if (inLink && a.alt) inLink.alt += ` ${a.alt}`;
        if (src && this.images.length < MAX_IMAGES) {
          // the size the editor wrote: width/height attributes, else an inline style (TinyMCE, CKEditor)
          const square = squareImage(a.width ?? (a.style && STYLE_WIDTH.exec(a.style)?.[1]), a.height ?? (a.style && STYLE_HEIGHT.exec(a.style)?.[1]));
          this.images.push({ src, alt: oneLine(a.alt ?? a.title ?? '', 300), ...(inLink ? { href: inLink.url } : {}), ...(square ? { square: true } : {}) });
        }
        return;
      }
      case 'area': {
        const link = this.addLink(a.href, 'area', a);
        if (link) link.alt = a.alt ?? '';
        return;
      }
      case 'input':
        if (this.currentForm) {
          this.addFormFields(a);
          if ((a.type === 'submit' || a.type === 'button') && a.value) this.parts.push(` ${a.value} `);
        }
        return;
    }
  }

  onopentag(name: string, a: Record<string, string>): void {
    const stack = this.stack;
    const parent = stack.at(-1);
    if (parent) parent.children++;
    const flags = TAG_FLAGS.get(name) ?? 0;
    if (name === 'script') this.signals.scriptCount++;
    else if (name === 'frameset') this.signals.frameset = true;
    else if (name === 'title' && !this.title && !this.titleBuf) this.titleBuf = [];
    else if (name === 'noscript') this.noscriptDepth++;
    if (flags & VOID) {
      this.openVoid(name, a);
      stack.push({ name, hides: false, block: false, frame: null, link: null, headingStart: -1, children: 0, spaRoot: false });
      return;
    }
    if ((name === 'select' || name === 'textarea') && this.currentForm) {
      if (name === 'textarea') this.currentForm.hasTextarea = true;
      this.addFormFields(a);
    }
    // most tags carry no attribute the extractor reads: skip the lookups for them
    const bare = a === NO_ATTRIBUTES;
    const hides = (flags & HIDES) !== 0 || (!bare && a.hidden !== undefined);
    if (hides) this.hiddenDepth++;
    const spaRoot = !bare && name === 'div' && a.id !== undefined && SPA_ROOT_IDS.has(a.id);
    const open: Open = { name, hides, block: false, frame: null, link: null, headingStart: -1, children: 0, spaRoot };
    stack.push(open);
    if (this.hiddenDepth > 0) return;
    let link: PendingLink | null = null;
    if (!bare) {
      if (name === 'a') link = this.addLink(a.href, 'a', a);
      if (a.onclick && !link) {
        const m = ONCLICK_URL.exec(a.onclick);
        if (m) link = this.addLink(m[2], 'onclick', a);
      }
    }
    if (link) {
      this.linkStack.push(link);
      open.link = link;
    }
    // the line break a block element starts with goes before its text is marked: a row's context
    // and a heading then usually span one part, which needs no joining
    if (flags & BLOCK_TAG) {
      open.block = true;
      this.newline();
    }
    if (flags & CONTEXT) {
      open.frame = { start: this.parts.length };
      this.contextStack.push(open.frame);
    }
    if (name === 'form') {
      this.currentForm = { action: this.resolve(a.action) ?? this.baseUrl, method: (a.method ?? 'get').toLowerCase(), fields: [], hasTextarea: false, text: '', frame: { start: this.parts.length } };
      this.forms.push(this.currentForm);
    }
    if (flags & HEADING) open.headingStart = this.parts.length;
  }

  ontext(data: string): void {
    if (this.titleBuf) {
      this.titleBuf.push(data);
      return;
    }
    if (this.noscriptDepth > 0 && this.noscriptText.length < 2000) this.noscriptText += data;
    if (this.hiddenDepth > 0) return;
    const parent = this.stack.at(-1);
    if (parent && parent.children === 0 && NON_BLANK.test(data)) parent.children++;
    this.parts.push(data);
    this.textLength += data.length;
  }

  onclosetag(name: string): void {
    const open = this.stack.pop();
    if (!open) return;
    if (name === 'title' && this.titleBuf) {
      this.title = oneLine(this.titleBuf.join(''), 300);
      this.titleBuf = null;
    }
    if (name === 'noscript') this.noscriptDepth = Math.max(0, this.noscriptDepth - 1);
    if (open.spaRoot && open.children === 0) this.signals.spaRoot = true;
    if (open.hides) {
      this.hiddenDepth--;
      return;
    }
    if (open.headingStart >= 0) {
      const h = oneLine(this.textBetween(open.headingStart), 300);
      if (h) {
        this.lastHeading = h;
        if (this.headings.length < MAX_HEADINGS) this.headings.push(h);
      }
    }
    if (open.frame) {
      open.frame.end = this.parts.length;
      this.contextStack.pop();
    }
    if (name === 'form' && this.currentForm) {
      this.currentForm.text = oneLine(this.textBetween(this.currentForm.frame.start), 1000);
      this.currentForm = null;
    }
    if (open.link) {
      open.link.textEnd = this.parts.length;
      this.linkStack.pop();
    }
    if (open.block) this.newline();
  }

  /** the page's facts, once the whole document has been scanned */
  result(): ExtractedPage {
    const signals = this.signals;
    if (/javascript/i.test(this.noscriptText)) signals.noscriptAsksForJs = true;
    // an unclosed <title> still names the page
    const title = this.titleBuf && !this.title ? oneLine(this.titleBuf.join(''), 300) : this.title;
    const text = fastNormalizeThai(this.parts.length ? this.rawText() : '').slice(0, MAX_TEXT_CHARS);
    signals.textLength = this.textLength;
    return {
      title,
      headings: this.headings,
      text,
      links: this.links(),
      images: this.images,
      iframes: this.iframes,
      forms: this.forms.map(({ frame: _frame, ...f }) => f),
      ...(this.metaRefresh ? { metaRefresh: this.metaRefresh } : {}),
      signals,
    };
  }

  private rawText(): string {
    const raw = this.parts.join('');
    return raw.length > MAX_TEXT_CHARS * 1.5 ? raw.slice(0, MAX_TEXT_CHARS * 1.5) : raw;
  }

  private links(): Link[] {
    // duplicates are the same URL with the same text in the same row; URL strings come from the
    // resolver's cache, so keying on them hashes nothing new
    const seen = new Map<string, Link[]>();
    const links: Link[] = [];
    for (const p of this.pending) {
      const own = p.textEnd !== undefined ? this.textBetween(p.textStart, p.textEnd) : p.source === 'a' || p.source === 'onclick' ? this.textBetween(p.textStart) : '';
      const ownLine = oneLine(own, 500);
      const text = ownLine || oneLine(p.alt, 500) || oneLine(p.title, 500);
      const frame = p.context;
      if (frame && frame.context === undefined) {
        const row = this.textBetween(frame.start, frame.end);
        // a link alone in its row: the row's text is the link's, already normalised
        frame.context = row === own && ownLine.length < MAX_CONTEXT ? ownLine : oneLine(row, MAX_CONTEXT);
      }
      const context = frame?.context ?? '';
      const same = seen.get(p.url);
      if (same?.some((l) => l.text === text && l.context === context)) continue;
      // a link alone in its row has context equal to its text: keep one copy of the string
      const link: Link = { url: p.url, text, context: context === text ? text : context, heading: p.heading, source: p.source };
      if (same) same.push(link);
      else seen.set(p.url, [link]);
      links.push(link);
    }
    return links;
  }
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
