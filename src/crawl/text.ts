// normalizeThai is the canonical form, but running its dozen passes (NFKC included) over every
// page and link costs more than parsing the HTML. Most text on Thai sites is already canonical:
// plain ASCII and standard Thai with nothing the normaliser would change except white space.
// For such text we collapse white space exactly as normalizeThai does; anything else takes the
// full path. tests/crawl/text.test.ts checks the two agree on random input.
import { normalizeThai } from '../thai/normalize.ts';

/** runs of [ \t\f\v] → ' ', written to match only runs that change (a lone ' ' stays as it is) */
const BLANKS = / [ \t\f\v]+|[\t\f\v][ \t\f\v]*/g;
/** ' *\n\s*' → '\n', likewise matching only where something changes */
const LINE_BREAKS = / +\n\s*|\n\s+/g;
/** any white space run → one space */
const SPACES = /\s{2,}|[^\S ]/g;

const enum Scan {
  /** something normalizeThai rewrites beyond white space (digits, ◌ํ, NFKC forms, marks out of order …) */
  Full,
  /** plain text: only white space may change */
  Plain,
  /** plain text on one line with single inner spaces: nothing changes at all */
  Canonical,
}

const isPlainThai = (c: number) => (c >= 0x0e01 && c <= 0x0e3a) || (c >= 0x0e3f && c <= 0x0e4c) || c === 0x0e4f || c === 0x0e5a || c === 0x0e5b;
/** marks that normalizeThai pulls onto the character before a space */
const isCombining = (c: number) => c === 0x0e31 || c === 0x0e33 || (c >= 0x0e34 && c <= 0x0e3a) || (c >= 0x0e47 && c <= 0x0e4e);

/**
 * One pass instead of several regexes: which path does `s` need? The rewrites checked here are
 * those normalizeThai makes on plain text: a space/tab before a combining mark, a tone mark
 * before an upper or lower vowel, and ำ followed by a stray า.
 */
function scan(s: string): Scan {
  let canonical = s.length > 0;
  let prev = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) {
      if (c >= 0x20 && c !== 0x7f) {
        if (c === 0x20 && (prev === 0x20 || prev === -1)) canonical = false;
      } else if (c === 0x09 || c === 0x0a || c === 0x0d) canonical = false;
      else return Scan.Full;
    } else if (isPlainThai(c)) {
      // (a line break counts too: normalizeLine turns it into a space first)
      if ((prev === 0x20 || prev === 0x09 || prev === 0x0a || prev === 0x0d) && isCombining(c)) return Scan.Full;
      if (prev >= 0x0e48 && prev <= 0x0e4b && (c === 0x0e31 || (c >= 0x0e34 && c <= 0x0e3a) || c === 0x0e47)) return Scan.Full;
      if (prev === 0x0e33 && c === 0x0e32) return Scan.Full;
    } else return Scan.Full;
    prev = c;
  }
  if (prev === 0x20) canonical = false;
  return canonical ? Scan.Canonical : Scan.Plain;
}

/** only printable ASCII, white space, and Thai letters/vowels/tone marks (no digits, no ◌ํ) */
const PLAIN = /^[\t\n\r\x20-\x7e\u0e01-\u0e3a\u0e3f-\u0e4c\u0e4f\u0e5a\u0e5b]*$/;
/** sequences normalizeThai rewrites even in plain text */
const REWRITTEN = /[ \t][\u0e31\u0e33\u0e34-\u0e3a\u0e47-\u0e4e]|[\u0e48-\u0e4b][\u0e31\u0e34-\u0e3a\u0e47]|\u0e33\u0e32/;
/** past this length two regex scans beat one JavaScript loop */
const LOOP_MAX = 256;

/** characters normalizeThai maps one-for-one whatever surrounds them: no-break spaces and Thai digits */
const MAPPED = /[\u00a0\u0e50-\u0e59]/;
const MAPPED_ALL = /[\u00a0\u0e50-\u0e59]/g;
const mapOne = (c: string) => (c === '\u00a0' ? ' ' : String.fromCharCode(c.charCodeAt(0) - 0x0e50 + 0x30));

/**
 * Agency pages are full of &nbsp; and Thai-digit dates, which would send them down the slow path:
 * map those first (NFKC turns U+00A0 into a space and normalizeThai turns ๐–๙ into 0–9, and
 * neither takes part in any other rewrite), then look again.
 */
function mapped(input: string): string | null {
  return MAPPED.test(input) ? input.replace(MAPPED_ALL, mapOne) : null;
}

export function fastNormalizeThai(input: string): string {
  if (input.length > LOOP_MAX) {
    if (!PLAIN.test(input)) {
      const m = mapped(input);
      if (m === null || !PLAIN.test(m)) return normalizeThai(input);
      input = m;
    }
    if (REWRITTEN.test(input)) return normalizeThai(input);
    return input.replace(BLANKS, ' ').replace(LINE_BREAKS, '\n').trim();
  }
  let kind = scan(input);
  if (kind === Scan.Full) {
    const m = mapped(input);
    if (m === null) return normalizeThai(input);
    input = m;
    kind = scan(input);
    if (kind === Scan.Full) return normalizeThai(input);
  }
  if (kind === Scan.Canonical) return input;
  return input.replace(BLANKS, ' ').replace(LINE_BREAKS, '\n').trim();
}

/** all white space → single spaces, then normalised: the form of titles, link texts and row contexts */
export function normalizeLine(input: string): string {
  let kind = scan(input);
  if (kind === Scan.Full) {
    const m = mapped(input);
    if (m !== null) {
      input = m;
      kind = scan(input);
    }
  }
  if (kind === Scan.Canonical) return input;
  const flat = input.replace(SPACES, ' ');
  return kind === Scan.Full ? normalizeThai(flat) : flat.trim();
}
