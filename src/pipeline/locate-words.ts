import type { Checklist } from '../checklist/schema.ts';

/** Every locate word of a checklist: the crawler fetches links matching them first. */
export function locateWords(checklist: Checklist): string[] {
  const words = new Set<string>();
  for (const item of checklist.items) {
    for (const w of [...item.locate.linkText, ...item.locate.urlPatterns, ...item.locate.headings]) words.add(w);
  }
  return [...words];
}
