// A streaming HTML scanner for the crawler: the open-tag / text / close-tag events that
// htmlparser2's Parser emits in HTML mode (entities decoded, names lower-cased, implied end tags,
// void elements, raw-text elements, foreign content), found by jumping between '<' and '>' with
// indexOf instead of a character-by-character state machine. On text-heavy Thai pages that is
// most of the parsing time. tests/crawl/html-scanner.test.ts checks that both emit the same events
// on every fixture page and on generated markup full of edge cases.
import { decodeHTML, decodeHTMLAttribute } from 'entities';

export interface ScanHandler {
  onopentag(name: string, attribs: Record<string, string>): void;
  ontext(text: string): void;
  onclosetag(name: string): void;
}

const P = new Set(['p']);
const FORM_TAGS = new Set(['input', 'option', 'optgroup', 'select', 'button', 'datalist', 'textarea']);
const TABLE_SECTION = new Set(['thead', 'tbody']);
const DD_DT = new Set(['dd', 'dt']);
const RT_RP = new Set(['rt', 'rp']);
/** an opening tag closes these open elements first (htmlparser2's table, kept identical) */
const OPEN_IMPLIES_CLOSE = new Map<string, Set<string>>([
  ['tr', new Set(['tr', 'th', 'td'])],
  ['th', new Set(['th'])],
  ['td', new Set(['thead', 'th', 'td'])],
  ['body', new Set(['head', 'link', 'script'])],
  ['li', new Set(['li'])],
  ['option', new Set(['option'])],
  ['optgroup', new Set(['optgroup', 'option'])],
  ['dd', DD_DT],
  ['dt', DD_DT],
  ['rt', RT_RP],
  ['rp', RT_RP],
  ['tbody', TABLE_SECTION],
  ['tfoot', TABLE_SECTION],
  ...['select', 'input', 'output', 'button', 'datalist', 'textarea'].map((t) => [t, FORM_TAGS] as [string, Set<string>]),
  ...['h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'address', 'article', 'aside', 'blockquote', 'details', 'div', 'dl', 'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hr', 'main', 'nav', 'ol', 'pre', 'section', 'table', 'ul'].map(
    (t) => [t, P] as [string, Set<string>],
  ),
]);
const VOID = new Set(['area', 'base', 'basefont', 'br', 'col', 'command', 'embed', 'frame', 'hr', 'img', 'input', 'isindex', 'keygen', 'link', 'meta', 'param', 'source', 'track', 'wbr']);
const FOREIGN = new Set(['math', 'svg']);
const HTML_INTEGRATION = new Set(['mi', 'mo', 'mn', 'ms', 'mtext', 'annotation-xml', 'foreignobject', 'desc', 'title']);
/** elements whose content is raw text up to their own end tag (title: with entities decoded) */
const RAW_TEXT = new Set(['script', 'style', 'title', 'textarea', 'xmp']);

/** everything the tree rules need to know about a tag name, in one lookup */
interface TagRule {
  void: boolean;
  /** 1: enters foreign content (svg, math); 2: an HTML integration point inside it */
  foreign: 0 | 1 | 2;
  closes: Set<string> | undefined;
}
const PLAIN_TAG: TagRule = { void: false, foreign: 0, closes: undefined };
const TAG_RULES = new Map<string, TagRule>();
for (const name of new Set([...OPEN_IMPLIES_CLOSE.keys(), ...VOID, ...FOREIGN, ...HTML_INTEGRATION])) {
  TAG_RULES.set(name, { void: VOID.has(name), foreign: FOREIGN.has(name) ? 1 : HTML_INTEGRATION.has(name) ? 2 : 0, closes: OPEN_IMPLIES_CLOSE.get(name) });
}

/**
 * How far down the open elements an end tag looks for its match. htmlparser2 looks through all of
 * them, which makes a broken page of thousands of unclosed <font> tags and stray </b> quadratic;
 * browsers stop nesting at 512 levels anyway.
 */
const MAX_END_TAG_SEARCH = 512;

function openIndex(stack: readonly string[], name: string): number {
  const stop = Math.max(0, stack.length - MAX_END_TAG_SEARCH);
  for (let i = stack.length - 1; i >= stop; i--) if (stack[i] === name) return i;
  return -1;
}

const isSpace = (c: number) => c === 32 || c === 10 || c === 9 || c === 12 || c === 13;
const isAlpha = (c: number) => (c >= 97 && c <= 122) || (c >= 65 && c <= 90);

// where a name or unquoted value ends: names are short, so a loop beats a regex (and allocates nothing)
const TAG_NAME = 0;
const CLOSE_NAME = 1;
const ATTR_NAME = 2;
function endOf(kind: number, s: string, from: number): number {
  for (let i = from; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 62 || isSpace(c)) return i;
    if (c === 47 /* / */ && kind !== CLOSE_NAME) return i;
    if (c === 61 /* = */ && kind === ATTR_NAME) return i;
  }
  return -1;
}

/**
 * Names that come up on nearly every page, looked up by a hash of their lower-cased characters so
 * the common case slices and allocates nothing (a slice per tag was a tenth of the scan).
 */
const COMMON_NAMES = [
  ...['a', 'abbr', 'address', 'area', 'article', 'aside', 'b', 'base', 'blockquote', 'body', 'br', 'button', 'caption', 'center', 'code', 'col', 'dd', 'div', 'dl', 'dt', 'em'],
  ...['embed', 'fieldset', 'figcaption', 'figure', 'font', 'footer', 'form', 'frame', 'frameset', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'head', 'header', 'hr', 'html', 'i', 'iframe'],
  ...['img', 'input', 'label', 'legend', 'li', 'link', 'main', 'map', 'math', 'meta', 'nav', 'noscript', 'object', 'ol', 'optgroup', 'option', 'p', 'path', 'picture', 'pre', 'section'],
  ...['script', 'select', 'small', 'source', 'span', 'strong', 'style', 'sub', 'sup', 'svg', 'table', 'tbody', 'td', 'template', 'textarea', 'tfoot', 'th', 'thead', 'title', 'tr', 'u', 'ul'],
  // attribute names
  ...['action', 'align', 'alt', 'aria-label', 'border', 'cellpadding', 'cellspacing', 'charset', 'class', 'colspan', 'content', 'data-original', 'data-src', 'height', 'hidden', 'href'],
  ...['http-equiv', 'id', 'lang', 'method', 'name', 'onclick', 'placeholder', 'rel', 'role', 'rowspan', 'src', 'style', 'target', 'title', 'type', 'valign', 'value', 'width'],
];
const NAME_BY_HASH = new Map<number, string[]>();
function nameHash(s: string, from: number, to: number): number {
  let h = to - from;
  for (let i = from; i < to; i++) h = (Math.imul(h, 31) + (s.charCodeAt(i) | 0x20)) | 0;
  return h;
}
for (const name of new Set(COMMON_NAMES)) {
  const h = nameHash(name, 0, name.length);
  const list = NAME_BY_HASH.get(h);
  if (list) list.push(name);
  else NAME_BY_HASH.set(h, [name]);
}

/** html[from, to) lower-cased: a shared constant for a common name, else a new string */
function nameAt(html: string, from: number, to: number): string {
  const candidates = NAME_BY_HASH.get(nameHash(html, from, to));
  if (candidates) {
    for (const name of candidates) {
      if (name.length !== to - from) continue;
      let same = true;
      for (let i = 0; i < name.length; i++) {
        const c = html.charCodeAt(from + i);
        // ASCII letters compare case-insensitively; anything else must match exactly
        if (c !== name.charCodeAt(i) && !(c >= 65 && c <= 90 && (c | 0x20) === name.charCodeAt(i))) {
          same = false;
          break;
        }
      }
      if (same) return name;
    }
  }
  return lower(html.slice(from, to));
}

const lower = (s: string) => {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 65 && c <= 90) return s.toLowerCase();
  }
  return s;
};

/** shared by every tag without attributes (the handler only reads them, and may test for this object) */
export const NO_ATTRIBUTES: Record<string, string> = Object.freeze({}) as Record<string, string>;

/**
 * Scan a whole HTML document, calling `h` for every element and text run. With `keep`, only
 * those attributes are collected (the rest — class, style, width … — are stepped over unread),
 * plus, on the tags `keepAlso` names, the attributes it lists for them.
 */
export function scanHtml(html: string, h: ScanHandler, keep?: ReadonlySet<string>, keepAlso?: ReadonlyMap<string, ReadonlySet<string>>): void {
  new Scanner(html, h, keep, keepAlso).run();
}

// a class rather than closures: the TypeScript loader names every closure it creates, per call
class Scanner {
  private readonly n: number;
  /** open elements, innermost last */
  private readonly stack: string[] = [];
  private readonly foreign: boolean[] = [false];

  constructor(
    private readonly html: string,
    private readonly h: ScanHandler,
    private readonly keep: ReadonlySet<string> | undefined,
    private readonly keepAlso: ReadonlyMap<string, ReadonlySet<string>> | undefined,
  ) {
    this.n = html.length;
  }

  private closeTag(name: string): void {
    const { stack, foreign, h } = this;
    const rule = TAG_RULES.get(name) ?? PLAIN_TAG;
    if (rule.foreign !== 0) foreign.pop();
    if (!rule.void) {
      const pos = openIndex(stack, name);
      if (pos !== -1) {
        while (stack.length > pos) h.onclosetag(stack.pop()!);
      } else if (name === 'p') {
        this.openTag('p', {}, false);
        if (stack[stack.length - 1] === 'p') {
          stack.pop();
          h.onclosetag('p');
        }
      }
    } else if (name === 'br') {
      h.onopentag('br', {});
      h.onclosetag('br');
    }
  }

  private openTag(name: string, attribs: Record<string, string>, selfClosing: boolean): void {
    const { stack, foreign, h } = this;
    const rule = TAG_RULES.get(name) ?? PLAIN_TAG;
    const implied = rule.closes;
    if (implied) while (stack.length > 0 && implied.has(stack[stack.length - 1]!)) h.onclosetag(stack.pop()!);
    const isVoid = rule.void;
    if (!isVoid) {
      stack.push(name);
      if (rule.foreign === 1) foreign.push(true);
      else if (rule.foreign === 2) foreign.push(false);
    }
    h.onopentag(name, attribs);
    if (isVoid) h.onclosetag(name);
    // <x/> only closes itself in foreign content (SVG/MathML), judged after the element itself
    // entered it, as htmlparser2 does: <svg/> closes, and leaves the foreign context open
    if (selfClosing && !isVoid && foreign[foreign.length - 1] === true && stack[stack.length - 1] === name) {
      stack.pop();
      h.onclosetag(name);
    }
  }

  private text(from: number, to: number, decode: boolean): void {
    if (to <= from) return;
    const raw = this.html.slice(from, to);
    this.h.ontext(decode && raw.includes('&') ? decodeHTML(raw) : raw);
  }

  /** parse an open tag whose name starts at `start` (just after '<'); returns where scanning resumes */
  private scanOpenTag(start: number): number {
    const { html, n } = this;
    const nameEnd = endOf(TAG_NAME, html, start + 1);
    if (nameEnd < 0) return n; // cut off inside the name: no tag
    const name = nameAt(html, start, nameEnd);
    const extra = this.keepAlso?.get(name);
    let attribs: Record<string, string> = NO_ATTRIBUTES;
    let i = nameEnd;
    let selfClosing = false;
    for (;;) {
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i >= n) return n;
      let c = html.charCodeAt(i);
      if (c === 62 /* > */) {
        i++;
        break;
      }
      if (c === 47 /* / */) {
        i++;
        while (i < n && isSpace(html.charCodeAt(i))) i++;
        if (i >= n) return n;
        if (html.charCodeAt(i) === 62) {
          selfClosing = true;
          i++;
          break;
        }
        continue;
      }
      // attribute name: its first character is taken whatever it is (even '=')
      let end = endOf(ATTR_NAME, html, i + 1);
      if (end < 0) return n;
      const attrName = nameAt(html, i, end);
      const wanted = this.keep === undefined || this.keep.has(attrName) || (extra !== undefined && extra.has(attrName));
      i = end;
      while (i < n && isSpace(html.charCodeAt(i))) i++;
      if (i >= n) return n;
      c = html.charCodeAt(i);
      let value = '';
      if (c === 61 /* = */) {
        i++;
        while (i < n && isSpace(html.charCodeAt(i))) i++;
        if (i >= n) return n;
        c = html.charCodeAt(i);
        if (c === 34 || c === 39) {
          end = html.indexOf(c === 34 ? '"' : "'", i + 1);
          if (end < 0) return n;
          if (wanted) value = html.slice(i + 1, end);
          i = end + 1;
        } else {
          end = endOf(CLOSE_NAME, html, i);
          if (end < 0) return n;
          if (wanted) value = html.slice(i, end);
          i = end;
        }
        if (wanted && value.includes('&')) value = decodeHTMLAttribute(value);
      }
      if (!wanted) continue;
      if (attribs === NO_ATTRIBUTES) attribs = {};
      if (!Object.hasOwn(attribs, attrName) && attrName !== '__proto__') attribs[attrName] = value;
    }
    this.openTag(name, attribs, selfClosing);
    if (selfClosing || !RAW_TEXT.has(name)) return i;
    // raw text: up to "</name" followed by white space or '>', in any letter case
    let from = i;
    for (;;) {
      const k = html.indexOf('</', from);
      if (k < 0 || k + 2 + name.length >= n) {
        this.text(i, n, name === 'title');
        return n;
      }
      const after = html.charCodeAt(k + 2 + name.length);
      if ((after === 62 || isSpace(after)) && lower(html.slice(k + 2, k + 2 + name.length)) === name) {
        this.text(i, k, name === 'title');
        return this.scanCloseTag(k + 2);
      }
      from = k + 1;
    }
  }

  /** a close tag whose name starts at `start` (just after '</', white space already skipped) */
  private scanCloseTag(start: number): number {
    const { html, n } = this;
    const nameEnd = endOf(CLOSE_NAME, html, start + 1);
    if (nameEnd < 0) return n;
    this.closeTag(nameAt(html, start, nameEnd));
    const gt = html.indexOf('>', nameEnd);
    return gt < 0 ? n : gt + 1;
  }

  /** after '<!': comment, CDATA (a comment in HTML) or a declaration such as <!DOCTYPE> */
  private scanBang(at: number): number {
    const { html, n } = this;
    const c = html.charCodeAt(at);
    if (c === 45 /* - */) {
      if (html.charCodeAt(at + 1) === 45) {
        const end = html.indexOf('-->', at);
        return end < 0 ? n : end + 3;
      }
      const gt = html.indexOf('>', at + 2);
      return gt < 0 ? n : gt + 1;
    }
    if (c === 91 /* [ */) {
      if (html.startsWith('CDATA[', at + 1)) {
        const end = html.indexOf(']]>', at + 7);
        return end < 0 ? n : end + 3;
      }
      // not CDATA: a declaration, ended by the first '>' from where the match failed
      let k = at + 1;
      const seq = 'CDATA[';
      while (k < n && k - at - 1 < seq.length && html[k] === seq[k - at - 1]) k++;
      const gt = html.indexOf('>', k);
      return gt < 0 ? n : gt + 1;
    }
    const gt = html.indexOf('>', at + 1);
    return gt < 0 ? n : gt + 1;
  }

  run(): void {
    const { html, n, stack, h } = this;
    let textStart = 0;
    let pos = 0;
    while (pos < n) {
      const lt = html.indexOf('<', pos);
      if (lt < 0 || lt + 1 >= n) {
        // (a '<' as the very last character stays text, as in htmlparser2)
        this.text(textStart, n, true);
        textStart = n;
        break;
      }
      const c = html.charCodeAt(lt + 1);
      if (isAlpha(c)) {
        this.text(textStart, lt, true);
        pos = this.scanOpenTag(lt + 1);
      } else if (c === 47 /* / */) {
        this.text(textStart, lt, true);
        let k = lt + 2;
        while (k < n && isSpace(html.charCodeAt(k))) k++;
        if (k >= n) pos = n;
        else if (html.charCodeAt(k) === 62) {
          // "</>" starts no tag: htmlparser2 leaves it in the text that follows
          textStart = lt;
          pos = k + 1;
          continue;
        } else if (isAlpha(html.charCodeAt(k))) pos = this.scanCloseTag(k);
        else {
          const gt = html.indexOf('>', k);
          pos = gt < 0 ? n : gt + 1; // "</3 …>" is a bogus comment
        }
      } else if (c === 33 /* ! */) {
        this.text(textStart, lt, true);
        pos = lt + 2 >= n ? n : this.scanBang(lt + 2);
      } else if (c === 63 /* ? */) {
        this.text(textStart, lt, true);
        const gt = html.indexOf('>', lt + 2);
        pos = gt < 0 ? n : gt + 1;
      } else {
        pos = lt + 1; // a '<' that starts no tag is text
        continue;
      }
      textStart = pos;
    }
    // a "</>" just before the end left its text unflushed
    this.text(textStart, n, true);
    while (stack.length > 0) h.onclosetag(stack.pop()!);
  }
}
