// locate: where is an item published? Candidates come from (1) ITA/OIT hub pages — links whose row
// or heading names the item ("O1", "ข้อ o1", "MOIT 1") —, (2) any page's links whose text or URL
// matches the item's locate words, (3) pages whose title or headings match, (4) documents whose URL
// matches. `exclude` words disqualify. Candidates are scored, merged by URL and ranked.
import type { Item } from '../checklist/schema.ts';
import type { Link } from '../snapshot/schema.ts';
import type { MatchedBy } from './result.ts';
import { itemKey, itemKeyOfLink } from './item-id.ts';
import { decodedUrl, externalSource, hostOf, isExternalEvidenceHost, stripFragment, type Resolved, type SnapshotIndex, type Source } from './snapshot-index.ts';
import { findYears } from '../thai/years.ts';
import { normalizeThai } from '../thai/normalize.ts';

export interface Candidate {
  /** the evidence URL (as linked; for pages the final URL) */
  url: string;
  resolved: Resolved;
  /** the strongest way it was tied to the item */
  matchedBy: MatchedBy;
  ways: MatchedBy[];
  /** 0–100+: higher is more certainly this item's evidence */
  score: number;
  /** the page whose link led here (a hub page, a menu) */
  foundOn?: string;
  /** the words that tied it: link text, row, title */
  label: string;
  /** the other links of the same hub row: part of the same evidence */
  siblings: Array<{ url: string; text: string; resolved: Resolved }>;
}

/** how many candidates are kept per item */
export const MAX_CANDIDATES = 5;

const SCORE = {
  hubId: 100,
  hubText: 70,
  linkId: 65,
  linkExact: 55,
  linkText: 40,
  title: 45,
  titleExact: 55,
  heading: 35,
  url: 30,
  extraWay: 5,
} as const;

interface Words {
  linkText: WordSet;
  headings: WordSet;
  exclude: string[];
  /** the slugs, lower-case, each with its whole-piece pattern: a cheap indexOf first, then the pattern */
  slugs: Array<{ slug: string; pattern: RegExp }>;
}

function urlMatches(url: string, words: Words): boolean {
  const slugs = words.slugs;
  for (let i = 0; i < slugs.length; i++) {
    const s = slugs[i]!;
    if (url.indexOf(s.slug) !== -1 && s.pattern.test(url)) return true;
  }
  return false;
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const URL_BOUNDARY = '/_\\-.=?&#';

/** a slug matches whole URL pieces ("pr" must not match "/programs"); a pattern may bring its own "/" */
export function slugPattern(pattern: string): RegExp {
  const p = pattern.toLowerCase();
  const before = /^[/_\-.=?&#]/.test(p) ? '' : `(^|[${URL_BOUNDARY}])`;
  const after = /[/_\-.=?&#]$/.test(p) ? '' : `($|[${URL_BOUNDARY}])`;
  return new RegExp(`${before}${escapeRegExp(p)}${after}`, 'i');
}

function wordsOf(item: Item, index: SnapshotIndex): Words {
  const c = (list: string[]) => list.map(index.compact).filter((w) => w.length > 0);
  return {
    linkText: wordSet(c(item.locate.linkText)),
    headings: wordSet(c([...item.locate.headings, ...item.locate.linkText])),
    exclude: c(item.locate.exclude),
    // a slug matches whole path pieces: "pr" must not match "/programs"
    slugs: item.locate.urlPatterns.map((p) => ({ slug: p.toLowerCase(), pattern: slugPattern(p) })),
  };
}

/**
 * Keywords grouped for fast matching: a text that lacks "โครงสร้าง" cannot contain
 * "โครงสร้างองค์กร", so only the shortest words (roots) are searched in every link text.
 */
interface WordSet {
  roots: Array<{ root: string; supers: string[] }>;
}

function wordSet(words: string[]): WordSet {
  const unique = [...new Set(words)];
  const roots = unique.filter((w) => !unique.some((o) => o !== w && w.includes(o)));
  return { roots: roots.map((root) => ({ root, supers: unique.filter((w) => w !== root && w.includes(root)) })) };
}

/** how well a text names the item: an exact name beats a long text that merely contains it */
function textScore(compactText: string, words: WordSet, exact: number, contains: number): number {
  // plain loops: this runs for every distinct link of the site × every item
  let best = 0;
  const roots = words.roots;
  for (let i = 0; i < roots.length; i++) {
    const { root, supers } = roots[i]!;
    if (compactText.indexOf(root) === -1) continue;
    if (compactText === root) return exact;
    best = Math.max(best, contains + Math.round(10 * (root.length / compactText.length)));
    for (let j = 0; j < supers.length; j++) {
      const w = supers[j]!;
      if (compactText.indexOf(w) === -1) continue;
      if (compactText === w) return exact;
      best = Math.max(best, contains + Math.round(10 * (w.length / compactText.length)));
    }
  }
  return best;
}

function excluded(compactText: string, words: Words): boolean {
  const ex = words.exclude;
  for (let i = 0; i < ex.length; i++) if (compactText.indexOf(ex[i]!) !== -1) return true;
  return false;
}

/** hub pages, best first, with a bonus for one labelled with the audited year and a penalty for another year */
function hubPages(index: SnapshotIndex, fiscalYear: number): Array<{ source: Source; bonus: number }> {
  const out: Array<{ source: Source; bonus: number }> = [];
  index.snapshot.hubUrls.forEach((url, rank) => {
    const entry = index.pageByUrl.get(stripFragment(url));
    if (!entry || out.some((h) => h.source === entry.source)) return;
    const label = `${entry.source.title}\n${entry.source.headings.slice(0, 3).join('\n')}`;
    const years = findYears(label).map((y) => y.year);
    const yearBonus = years.length === 0 ? 0 : years.includes(fiscalYear) ? 10 : -30;
    out.push({ source: entry.source, bonus: yearBonus - 5 * rank });
  });
  return out;
}

const pageUrls = new WeakMap<Source, string>();
function decodedPageUrl(page: Source): string {
  let d = pageUrls.get(page);
  if (d === undefined) {
    d = decodedUrl(page.url);
    pageUrls.set(page, d);
  }
  return d;
}

/** the item a hub link belongs to, computed once per link for all items */
const hubLinkKeys = new WeakMap<Link, string | null>();
function hubLinkKey(link: Link): string | undefined {
  let k = hubLinkKeys.get(link);
  if (k === undefined) {
    k = itemKeyOfLink(link) ?? null;
    hubLinkKeys.set(link, k);
  }
  return k ?? undefined;
}

function isDead(r: Resolved): boolean {
  return r.type === 'dead' || r.type === 'failed';
}

class CandidateSet {
  private byUrl = new Map<string, Candidate>();

  add(c: Omit<Candidate, 'ways'>): void {
    const key = c.resolved.type === 'dead' ? `dead:${c.foundOn}:${c.label}` : stripFragment(c.url);
    const prev = this.byUrl.get(key);
    if (!prev) {
      this.byUrl.set(key, { ...c, ways: [c.matchedBy] });
      return;
    }
    if (!prev.ways.includes(c.matchedBy)) {
      prev.ways.push(c.matchedBy);
      prev.score += SCORE.extraWay;
    }
    if (c.score > prev.score - SCORE.extraWay * (prev.ways.length - 1)) {
      const bonus = SCORE.extraWay * (prev.ways.length - 1);
      Object.assign(prev, { ...c, ways: prev.ways, score: c.score + bonus, siblings: c.siblings.length ? c.siblings : prev.siblings });
    }
  }

  ranked(): Candidate[] {
    return [...this.byUrl.values()].sort((a, b) => b.score - a.score || Number(isDead(a.resolved)) - Number(isDead(b.resolved)));
  }
}

function resolveLink(index: SnapshotIndex, link: Link, on?: Source): Resolved {
  // a hub row link to a spot on the hub page itself ("#o1") is no evidence page
  if (on && link.url.includes('#') && index.pageByUrl.get(stripFragment(link.url))?.source === on) {
    return { type: 'dead', url: link.url, why: 'hash' };
  }
  const r = index.resolve(link.url);
  // an external link is judged by its anchor: keep the link's own words with it
  return r.type === 'external' ? { ...r, source: externalSource(r.url, link) } : r;
}

function evidenceUrl(r: Resolved, fallback: string): string {
  if (r.type === 'page' || r.type === 'document') return r.source.url;
  return fallback;
}

/** candidates for one item, best first (at most MAX_CANDIDATES, dead links included for the verdict) */
export function locate(item: Item, index: SnapshotIndex, fiscalYear: number): Candidate[] {
  const key = itemKey(item.id);
  const words = wordsOf(item, index);
  const set = new CandidateSet();
  const hubs = hubPages(index, fiscalYear);
  const hubSources = new Set(hubs.map((h) => h.source));

  // (1) hub rows
  for (const { source: hub, bonus } of hubs) {
    const rows = new Map<string, Link[]>();
    for (const link of hub.links) {
      const text = index.compact(link.text);
      if (excluded(text, words)) continue;
      const byId = hubLinkKey(link) === key;
      const byText = !byId && textScore(text, words.linkText, 1, 1) > 0;
      if (!byId && !byText) continue;
      const rowKey = `${byId ? 'id' : 'text'}|${link.context || link.heading || link.text}`;
      const row = rows.get(rowKey) ?? [];
      row.push(link);
      rows.set(rowKey, row);
    }
    for (const [rowKey, links] of rows) {
      const byId = rowKey.startsWith('id|');
      const resolved = links.map((l) => ({ url: l.url, text: l.text, resolved: resolveLink(index, l, hub) }));
      // the row's first live link is the evidence; the rest are siblings
      const order = [...resolved].sort((a, b) => Number(isDead(a.resolved)) - Number(isDead(b.resolved)));
      const main = order[0]!;
      const textBonus = byId ? Math.min(10, textScore(index.compact(main.text), words.linkText, 10, 5)) : 0;
      set.add({
        url: evidenceUrl(main.resolved, main.url),
        resolved: main.resolved,
        matchedBy: 'hub',
        score: (byId ? SCORE.hubId : SCORE.hubText) + bonus + textBonus,
        foundOn: hub.url,
        label: normalizeThai(links[0]!.context || main.text).slice(0, 200),
        siblings: order.slice(1).filter((s) => !isDead(s.resolved)),
      });
    }
  }

  // (2) links anywhere (each distinct link once): text naming the item (or its id), URL slugs
  const all = index.uniqueLinks();
  const maybe = new Set<number>(index.linksWithItemKey(key));
  for (const { root } of words.linkText.roots) for (const i of index.linksWithText(root)) maybe.add(i);
  for (const { slug } of words.slugs) for (const i of index.linksWithSlug(slug)) maybe.add(i);
  for (const i of [...maybe].sort((a, b) => a - b)) {
    const { link, on, text, decodedUrl: url, ownItemKey } = all[i]!;
    const own = ownItemKey === key;
    const byText = textScore(text, words.linkText, SCORE.linkExact, SCORE.linkText);
    const byUrl = urlMatches(url, words) ? SCORE.url - (index.snapshot.soft404 ? 10 : 0) : 0;
    if (!own && !byText && !byUrl) continue;
    if (excluded(text, words)) continue;
    const resolved = resolveLink(index, link);
    // a "#" menu parent that merely shares a word is navigation, not evidence
    if (resolved.type === 'dead' && !own && byText !== SCORE.linkExact) continue;
    // another organisation's site ("ศูนย์ข้อมูลข่าวสาร" → info.go.th) is not where this agency publishes;
    // outside a hub row, only files and posts on Drive, Facebook … (or documents) count as its evidence
    if (resolved.type === 'external' && !resolved.source.docKind && !isExternalEvidenceHost(resolved.url)) continue;
    if (resolved.type === 'page' && resolved.source === on) continue;
    // a menu link to the ITA hub page is not the item's evidence: the hub holds every item
    if (resolved.type === 'page' && hubSources.has(resolved.source)) continue;
    const score = own ? Math.max(SCORE.linkId, byText + 10) : Math.max(byText, byUrl);
    set.add({
      url: evidenceUrl(resolved, link.url),
      resolved,
      matchedBy: own || byText >= byUrl ? 'link-text' : 'url',
      score,
      foundOn: on.url,
      label: normalizeThai(link.text || link.url).slice(0, 200),
      siblings: [],
    });
  }

  // (3) pages by title / headings, and by their own URL
  for (const page of index.pages) {
    if (hubSources.has(page)) continue;
    const title = index.compact(page.title);
    if (excluded(title, words)) continue;
    const byTitle = textScore(title, words.linkText, SCORE.titleExact, SCORE.title);
    const byHeading = byTitle ? 0 : page.headings.some((h) => textScore(index.compact(h), words.headings, 1, 1) > 0) ? SCORE.heading : 0;
    const byUrl = urlMatches(decodedPageUrl(page), words) ? SCORE.url - (index.snapshot.soft404 ? 10 : 0) : 0;
    const score = Math.max(byTitle, byHeading, byUrl);
    if (!score) continue;
    const resolved = index.resolve(page.url);
    if (resolved.type !== 'page') continue;
    set.add({
      url: page.url,
      resolved,
      matchedBy: byTitle === score ? 'title' : byHeading === score ? 'heading' : 'url',
      score,
      label: normalizeThai(page.title).slice(0, 200),
      siblings: [],
    });
  }

  // (4) documents by URL
  if (item.locate.urlPatterns.length > 0) {
    for (const doc of index.snapshot.documents) {
      if (!urlMatches(decodedUrl(doc.url), words)) continue;
      const resolved = index.resolve(doc.url);
      if (resolved.type !== 'document') continue;
      set.add({ url: resolved.source.url, resolved, matchedBy: 'url', score: SCORE.url - 5, label: doc.url, siblings: [], foundOn: doc.referrer });
    }
  }

  return set.ranked().slice(0, MAX_CANDIDATES);
}

/** the host of a candidate, for messages ("drive.google.com") */
export function candidateHost(c: Candidate): string {
  return hostOf(c.url) ?? c.url;
}
