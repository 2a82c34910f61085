// The ITA/OIT hub: the page where an agency lists its disclosure items (a table of rows
// "O1 โครงสร้าง … [คลิก]"). Found early, its links jump the queue.
import type { ExtractedPage } from './extract.ts';

/** words that name the hub or lead to it (compared lower-case with spaces removed) */
export const HUB_WORDS = [
  'การเปิดเผยข้อมูลสาธารณะ', 'คุณธรรมและความโปร่งใส', 'ประเมินคุณธรรม', 'itaonline', 'ita2568', 'ita2567', 'ita2566',
  'ita2569', 'moit', 'oit', 'ita',
].map((w) => w.toLowerCase());

const ASCII_HUB = /(^|[^a-z])(ita|oit|moit)([^a-z]|$)/i;
const O_ITEM = /(?:^|[^A-Za-z0-9])(?:M?OIT\s?|O\s?)(\d{1,2})(?![0-9])/g;

/** Does a link's text or URL point at the hub (or a hub-like section)? */
export function mentionsHub(text: string, url: string): boolean {
  if (ASCII_HUB.test(text) || ASCII_HUB.test(url.includes('%') ? decodeSafe(url) : url)) return true;
  const compact = text.toLowerCase().replace(/\s+/g, '');
  return HUB_WORDS.some((w) => w.length > 4 && compact.includes(w));
}

function decodeSafe(url: string): string {
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** distinct O-item / MOIT numbers mentioned in link texts and row contexts of a page */
export function distinctItemNumbers(page: Pick<ExtractedPage, 'links' | 'text'>): Set<number> {
  const found = new Set<number>();
  for (const l of page.links) addItemNumbers(`${l.text} ${l.context}`, found);
  if (found.size < 8) addItemNumbers(page.text.slice(0, 30_000), found);
  return found;
}

/** O-item numbers mentioned in `s`, added to `found` */
function addItemNumbers(s: string, found: Set<number>): void {
  // every match has an upper-case O: most Thai text has none, and the regex's scan is slow
  if (!s.includes('O')) return;
  O_ITEM.lastIndex = 0;
  for (let m = O_ITEM.exec(s); m; m = O_ITEM.exec(s)) {
    const n = Number(m[1]);
    if (n >= 1 && n <= 60) found.add(n);
  }
}

/** A hub page lists many O-items (≥ 8 distinct O<n>/MOIT<n>). */
export function isHubPage(page: Pick<ExtractedPage, 'links' | 'text'>): boolean {
  return distinctItemNumbers(page).size >= 8;
}
