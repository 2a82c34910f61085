// Thai text normalisation, applied before any matching. Agencies' pages and PDFs write the same
// words many ways: Thai digits, ํ+า for ำ, zero-width spaces, PUA glyphs from old Thai PDF fonts,
// full-width forms and stray spaces before combining marks.

const THAI_DIGIT_ZERO = 0x0e50;

/** U+F700–U+F71A: shifted glyph forms that pdf.js returns for Thai fonts (TH Sarabun, Tlwg …). */
const PUA_TO_THAI: Record<number, string> = {
  0xf700: '\u0e10', 0xf701: '\u0e34', 0xf702: '\u0e35', 0xf703: '\u0e36', 0xf704: '\u0e37',
  0xf705: '\u0e48', 0xf706: '\u0e49', 0xf707: '\u0e4a', 0xf708: '\u0e4b', 0xf709: '\u0e4c',
  0xf70a: '\u0e48', 0xf70b: '\u0e49', 0xf70c: '\u0e4a', 0xf70d: '\u0e4b', 0xf70e: '\u0e4c',
  0xf70f: '\u0e0d', 0xf710: '\u0e31', 0xf711: '\u0e4d', 0xf712: '\u0e47', 0xf713: '\u0e48',
  0xf714: '\u0e49', 0xf715: '\u0e4a', 0xf716: '\u0e4b', 0xf717: '\u0e4c', 0xf718: '\u0e38',
  0xf719: '\u0e39', 0xf71a: '\u0e3a',
};

const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad]/g;
const PUA_RANGE = /[\uf700-\uf71a]/g;
/** dependent vowels and marks that sit on the consonant before them */
const COMBINING = '\u0e31\u0e34-\u0e3a\u0e47-\u0e4e';
const TONE = '\u0e48-\u0e4b';
const UPPER_VOWEL = '\u0e31\u0e34-\u0e37\u0e47';
const LOWER_VOWEL = '\u0e38-\u0e3a';

/** ๐–๙ → 0–9 */
export function thaiDigitsToArabic(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) => String(d.charCodeAt(0) - THAI_DIGIT_ZERO));
}

/**
 * Canonical form of Thai text for matching and storage: NFKC (full-width → ASCII), PUA glyphs
 * mapped back, zero-width characters removed, ํ+า folded into ำ, marks put in a canonical
 * order, Thai digits turned into Arabic ones, and runs of white space collapsed.
 */
export function normalizeThai(input: string): string {
  let s = input.normalize('NFKC');
  s = s.replace(PUA_RANGE, (c) => PUA_TO_THAI[c.charCodeAt(0)] ?? c);
  s = s.replace(ZERO_WIDTH, '');
  s = s.replace(/\u00a0/g, ' ');
  // a space (or line break) before a combining mark is an extraction artefact
  s = s.replace(new RegExp(`[ \\t]+([${COMBINING}])`, 'g'), '$1');
  // ํ (+tone) + า  →  (tone) + ำ
  // (Chromium PDFs can also leave a space before the า: "น ํ ้ า")
  s = s.replace(new RegExp(`\\u0e4d[ \\t]*([${TONE}]?)[ \\t]*\\u0e32`, 'g'), '$1\u0e33');
  s = s.replace(new RegExp(`([${TONE}])[ \\t]*\\u0e4d[ \\t]*\\u0e32`, 'g'), '$1\u0e33');
  // LibreOffice PDFs: ำ followed by a stray า (NFKC has already split ำ into ํ+า, folded back above)
  s = s.replace(/\u0e33\u0e32/g, '\u0e33');
  // tone mark typed before a lower/upper vowel: put the vowel first
  s = s.replace(new RegExp(`([${TONE}])([${LOWER_VOWEL}${UPPER_VOWEL}])`, 'g'), '$2$1');
  s = thaiDigitsToArabic(s);
  s = s.replace(/[ \t\f\v]+/g, ' ').replace(/ *\n[\s]*/g, '\n');
  return s.normalize('NFC').trim();
}

/** normalised, lower-case, with all white space removed: line wraps split Thai words */
export function compactForMatch(text: string): string {
  return normalizeThai(text).toLowerCase().replace(/\s+/g, '');
}

/** does `haystack` contain `needle`, both compared in compact normalised form? */
export function containsNormalized(haystack: string, needle: string): boolean {
  const n = compactForMatch(needle);
  return n.length > 0 && compactForMatch(haystack).includes(n);
}

/** the first of `needles` found in `haystack` (compact normalised), or undefined */
export function findFirstKeyword(haystack: string, needles: readonly string[]): string | undefined {
  const h = compactForMatch(haystack);
  return needles.find((needle) => {
    const n = compactForMatch(needle);
    return n.length > 0 && h.includes(n);
  });
}
