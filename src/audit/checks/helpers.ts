// Small shared helpers for check modules: snippets, link targets, "not found" vs "cannot read".
import type { LocalizedText } from '../../checklist/schema.ts';
import type { Link } from '../../snapshot/schema.ts';
import type { Source, UnreadableWhy } from '../snapshot-index.ts';
import { compactForMatch } from '../../thai/normalize.ts';
import type { CheckOutcome } from './context.ts';

export const SNIPPET_MAX = 200;

/** ≤ 200 characters of `text` centred on [start, end), on one line */
export function snippetAround(text: string, start: number, end = start): string {
  const room = Math.max(0, SNIPPET_MAX - (end - start));
  const from = Math.max(0, start - Math.floor(room / 2));
  const to = Math.min(text.length, from + SNIPPET_MAX);
  let s = text.slice(from, to).replace(/\s+/g, ' ').trim();
  if (s.length > SNIPPET_MAX) s = s.slice(0, SNIPPET_MAX);
  return s;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * Locate a compact (space-free, lower-case) needle in the normalised text, allowing white space
 * between any two characters, and return a snippet around it.
 */
export function snippetFor(text: string, compactNeedle: string): string {
  if (!compactNeedle) return snippetAround(text, 0);
  const pattern = [...compactNeedle].map(escapeRegExp).join('\\s*');
  const m = new RegExp(pattern, 'i').exec(text);
  return m ? snippetAround(text, m.index, m.index + m[0].length) : snippetAround(text, 0);
}

/** every URL a source points at, with the words attached to it */
export interface Target {
  url: string;
  text: string;
  context: string;
  via: 'link' | 'iframe' | 'form' | 'image';
}

const targetsCache = new WeakMap<Source, { all?: Target[]; content?: Target[] }>();

/** every URL a source points at (content = without menus and footers); computed once per source */
export function targetsOf(source: Source, content = false): Target[] {
  let entry = targetsCache.get(source);
  if (!entry) {
    entry = {};
    targetsCache.set(source, entry);
  }
  const key = content ? 'content' : 'all';
  return (entry[key] ??= computeTargets(source, content));
}

function computeTargets(source: Source, content: boolean): Target[] {
  const out: Target[] = (content ? source.contentLinks : source.links).map((l: Link) => ({ url: l.url, text: l.text, context: l.context, via: 'link' as const }));
  for (const f of source.iframes) out.push({ url: f.src, text: f.title, context: '', via: 'iframe' });
  for (const f of source.forms) out.push({ url: f.action, text: f.text, context: '', via: 'form' });
  for (const i of source.images) if (i.href) out.push({ url: i.href, text: i.alt, context: '', via: 'image' });
  return out;
}

const WHY_TEXT: Record<UnreadableWhy, LocalizedText> = {
  scan: { th: 'เอกสารเป็นภาพสแกน อ่านข้อความไม่ได้', en: 'the document is a scan with no text layer' },
  'not-extracted': { th: 'ไม่ได้อ่านข้อความของเอกสารชนิดนี้ (doc/xls)', en: 'text of this document type (doc/xls) is not extracted' },
  'too-large': { th: 'เอกสารใหญ่เกินกว่าที่อ่านได้', en: 'the document is over the size cap' },
  error: { th: 'เปิดเอกสารไม่ได้', en: 'the document could not be parsed' },
  'not-crawled': { th: 'เครื่องมือยังไม่ได้เปิดหน้านี้ (เกินงบการสำรวจ)', en: 'it was not crawled (crawl budget)' },
  external: { th: 'เป็นลิงก์ภายนอก (เช่น Google Drive, Facebook) ที่เครื่องมือเปิดอ่านไม่ได้', en: 'it is an external link (e.g. Google Drive, Facebook) the tool cannot open' },
};

export function unreadableReasons(sources: Source[]): UnreadableWhy[] {
  return [...new Set(sources.filter((s) => !s.readable && s.unreadableWhy).map((s) => s.unreadableWhy!))];
}

export function describeUnreadable(whys: UnreadableWhy[]): LocalizedText {
  return {
    th: whys.map((w) => WHY_TEXT[w].th).join('; '),
    en: whys.map((w) => WHY_TEXT[w].en).join('; '),
  };
}

/**
 * Nothing matched. For a check that reads text, unreadable evidence (a scan, an external link)
 * means "cannot judge" — manual — rather than "missing".
 */
export function notFound(sources: Source[], missing: LocalizedText, readsText: boolean): CheckOutcome {
  const whys = unreadableReasons(sources);
  if (readsText && whys.length > 0) {
    const d = describeUnreadable(whys);
    return {
      status: 'manual',
      detail: { th: `${missing.th} ในส่วนที่อ่านได้ แต่ ${d.th}: ตรวจด้วยตนเอง`, en: `${missing.en} in the readable evidence, but ${d.en}: check by hand` },
      url: sources.find((s) => !s.readable)?.url,
      unreadable: whys,
    };
  }
  return { status: 'fail', detail: missing, url: sources[0]?.url };
}

export function passed(detail: LocalizedText, url?: string, snippet?: string): CheckOutcome {
  return { status: 'pass', detail, url, snippet: snippet ? snippet.slice(0, SNIPPET_MAX) : undefined };
}

/** readable sources only */
export function readable(sources: Source[]): Source[] {
  return sources.filter((s) => s.readable);
}

/** keyword lists compacted once, at module load */
export function compactWords(words: readonly string[]): string[] {
  return words.map(compactForMatch).filter((w) => w.length > 0);
}

/** the first compact word contained in a compact text */
export function firstWordIn(compactText: string, compactWords: readonly string[]): string | undefined {
  return compactWords.find((w) => compactText.includes(w));
}
