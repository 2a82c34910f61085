// Soft-404: a server that answers 200 for a made-up path makes "the page exists" meaningless.
// We probe one random path at the start; pages that look like that answer are failures.
import { randomBytes } from 'node:crypto';

export function probeUrl(origin: string): string {
  const token = randomBytes(6).toString('hex');
  return new URL(`/oit-audit-probe-${token}/no-such-page-${token}.html`, origin).toString();
}

/** word set of a text, for a cheap similarity test */
function shingles(text: string): Set<string> {
  return new Set(text.toLowerCase().split(/\s+/).filter((w) => w.length > 1).slice(0, 2000));
}

export interface NotFoundFingerprint {
  title: string;
  words: Set<string>;
  length: number;
}

export function fingerprint(title: string, text: string): NotFoundFingerprint {
  return { title: title.trim(), words: shingles(text), length: text.length };
}

const NOT_FOUND_WORDS = /404|not\s*found|ไม่พบหน้า|ไม่พบข้อมูลที่ต้องการ|หน้าที่คุณต้องการ|page (does not|doesn't) exist/i;

/** Does a page look like the site's not-found answer? */
export function looksLikeNotFound(fp: NotFoundFingerprint, title: string, text: string): boolean {
  if (NOT_FOUND_WORDS.test(title)) return true;
  const words = shingles(text);
  if (fp.words.size === 0) return words.size === 0 && title.trim() === fp.title;
  let common = 0;
  for (const w of words) if (fp.words.has(w)) common++;
  const jaccard = common / (words.size + fp.words.size - common || 1);
  const lengthRatio = Math.min(text.length, fp.length) / Math.max(text.length, fp.length, 1);
  return jaccard >= 0.9 && lengthRatio >= 0.9 && title.trim() === fp.title;
}
