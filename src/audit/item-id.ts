// Item ids as agencies write them next to their links: "O1", "O 1", "o01", "ข้อ O1", "O1 :",
// "MOIT 1", "MOIT1", Thai digits ("O๑", normalised before matching).
import { normalizeThai } from '../thai/normalize.ts';

/** "O1" → "o1", "MOIT 1" → "moit1", "O01" → "o1" */
export function itemKey(id: string): string {
  const m = /^([A-Za-z]+)\s*0*(\d+)$/.exec(normalizeThai(id).trim());
  return m ? `${m[1]!.toLowerCase()}${Number(m[2])}` : id.toLowerCase().replace(/\s+/g, '');
}

export interface IdMention {
  key: string;
  index: number;
}

// the prefix must not be the end of a word ("info1", "photo1"); the number must not continue ("O10")
const ID_MENTION = /(?<![a-z0-9])(moit|o)\s?[-.:]?\s?0*(\d{1,2})(?!\d)/gi;

/** every item id written in a text, in order */
export function findIdMentions(text: string): IdMention[] {
  const t = normalizeThai(text);
  const out: IdMention[] = [];
  for (const m of t.matchAll(ID_MENTION)) {
    const n = Number(m[2]);
    if (n === 0) continue;
    out.push({ key: `${m[1]!.toLowerCase()}${n}`, index: m.index });
  }
  return out;
}

/**
 * The item a link belongs to: an id in its own text first; else, in its row (context), the id
 * written last before the link text; else the id of the heading above it.
 */
export function itemKeyOfLink(link: { text: string; context: string; heading: string }): string | undefined {
  const own = findIdMentions(link.text);
  if (own.length > 0) return own[0]!.key;
  if (link.context) {
    const mentions = findIdMentions(link.context);
    if (mentions.length > 0) {
      const context = normalizeThai(link.context);
      const text = normalizeThai(link.text);
      const at = text ? context.indexOf(text) : -1;
      if (at >= 0) {
        const before = mentions.filter((m) => m.index <= at);
        if (before.length > 0) return before[before.length - 1]!.key;
      }
      const distinct = new Set(mentions.map((m) => m.key));
      if (distinct.size === 1) return mentions[0]!.key;
      if (at < 0) return mentions[0]!.key;
    }
  }
  const heading = findIdMentions(link.heading);
  return heading.length > 0 ? heading[0]!.key : undefined;
}
