// normalizeThai is the canonical form, but running its dozen passes (NFKC included) over every
// page and link costs more than parsing the HTML. Most text on Thai sites is already canonical:
// plain ASCII and standard Thai with nothing the normaliser would change except white space.
// For such text we collapse white space exactly as normalizeThai does; anything else takes the
// full path. tests/crawl/text.test.ts checks the two agree on random input.
import { normalizeThai } from '../thai/normalize.ts';

/** only printable ASCII, white space, and Thai letters/vowels/tone marks (no digits, no ◌ํ) */
const PLAIN = /^[\t\n\r\x20-\x7e\u0e01-\u0e3a\u0e3f-\u0e4c\u0e4f\u0e5a\u0e5b]*$/;
/** sequences normalizeThai rewrites even in plain text */
const REWRITTEN = /[ \t][\u0e31\u0e33\u0e34-\u0e3a\u0e47-\u0e4e]|[\u0e48-\u0e4b][\u0e31\u0e34-\u0e3a\u0e47]|\u0e33\u0e32/;

/** runs of [ \t\f\v] → ' ', written to match only runs that change (a lone ' ' stays as it is) */
const BLANKS = / [ \t\f\v]+|[\t\f\v][ \t\f\v]*/g;
/** ' *\n\s*' → '\n', likewise matching only where something changes */
const LINE_BREAKS = / +\n\s*|\n\s+/g;

export function fastNormalizeThai(input: string): string {
  if (!PLAIN.test(input) || REWRITTEN.test(input)) return normalizeThai(input);
  return input.replace(BLANKS, ' ').replace(LINE_BREAKS, '\n').trim();
}
