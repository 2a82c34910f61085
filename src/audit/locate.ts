// locate: where is an item published? Candidates come from (1) ITA/OIT hub pages — links whose row
// or heading names the item ("O1", "ข้อ o1", "MOIT 1") —, (2) any page's links whose text or URL
// matches the item's locate words, (3) pages whose title or headings match, (4) documents whose URL
// matches. `exclude` words disqualify. Candidates are scored, merged by URL and ranked.
import type { Checklist, Item } from '../checklist/schema.ts';
import type { Link } from '../snapshot/schema.ts';
import type { MatchedBy } from './result.ts';
import { itemKey, itemKeyOfLink } from './item-id.ts';
import { decodedUrl, externalSource, isExternalEvidenceHost, stripFragment, type Resolved, type SnapshotIndex, type Source } from './snapshot-index.ts';
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
  /** the agency's own link for this item: its hub row, named by id or by the item's exact title */
  own?: boolean;
}

/** how many candidates are kept per item */
export const MAX_CANDIDATES = 5;

const SCORE = {
  hubId: 100,
  hubTitle: 95,
  hubTitleContains: 75,
  hubText: 70,
  hubLabel: 60,
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

export interface HubPage {
  source: Source;
  /** added to the score of the page's rows: rank among hubs and whether it is labelled with the audited year */
  bonus: number;
}

/** "o1", "moit1" in compact text */
const ID_IN_COMPACT = /(?<![a-z0-9])(?:moit|o)[-.:]?0*\d{1,2}(?!\d)/g;

/** how many of a checklist's items a page must name, by id or exact title, to be taken as a hub */
const IMPLICIT_HUB_MIN_ITEMS = 5;

/**
 * The ITA/OIT hub pages, best first: those the crawler found, then pages that name at least five
 * of the checklist's items in their link rows (a table of item titles without O-numbers). A hub
 * labelled with the audited year ranks up, one labelled with another year ranks down.
 */
export function findHubPages(index: SnapshotIndex, checklist: Pick<Checklist, 'items'>, fiscalYear: number): HubPage[] {
  const sources: Source[] = [];
  for (const url of index.snapshot.hubUrls) {
    const entry = index.pageByUrl.get(stripFragment(url));
    if (entry && !sources.includes(entry.source)) sources.push(entry.source);
  }
  const keys = new Set(checklist.items.map((i) => itemKey(i.id)));
  const titles = new Set(checklist.items.map((i) => index.compact(i.title.th)));
  const titleList = [...titles];
  for (const page of index.pages) {
    if (sources.includes(page) || page.links.length < IMPLICIT_HUB_MIN_ITEMS) continue;
    // cheap test on the page text before grouping its links into rows
    const idMentions = page.compact.match(ID_IN_COMPACT)?.length ?? 0;
    if (idMentions < IMPLICIT_HUB_MIN_ITEMS && titleList.filter((t) => page.compact.includes(t)).length < IMPLICIT_HUB_MIN_ITEMS) continue;
    const named = new Set<string>();
    for (const row of hubRows(page, index)) {
      for (const link of row.links) {
        const k = hubLinkKey(link);
        if (k && keys.has(k)) named.add(k);
      }
      if (row.label && titles.has(row.label)) named.add(`t:${row.label}`);
    }
    if (named.size >= IMPLICIT_HUB_MIN_ITEMS) sources.push(page);
  }
  return sources.map((source, rank) => {
    const label = `${source.title}\n${source.headings.slice(0, 3).join('\n')}`;
    const years = findYears(label).map((y) => y.year);
    const yearBonus = years.length === 0 ? 0 : years.includes(fiscalYear) ? 10 : -30;
    return { source, bonus: yearBonus - 5 * Math.min(rank, 4) };
  });
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

interface HubRow {
  links: Link[];
  /** the row's own words before its first link ("การขับเคลื่อนจริยธรรม"), compact, numbering stripped */
  label: string;
}

const rowsCache = new WeakMap<Source, HubRow[]>();

/** a hub page's links grouped by row (same context, else same heading), with each row's label */
function hubRows(hub: Source, index: SnapshotIndex): HubRow[] {
  const cached = rowsCache.get(hub);
  if (cached) return cached;
  const groups = new Map<string, Link[]>();
  for (const link of hub.links) {
    const key = link.context ? `c:${link.context}` : link.heading ? `h:${link.heading}` : `t:${link.url}|${link.text}`;
    const g = groups.get(key);
    if (g) g.push(link);
    else groups.set(key, [link]);
  }
  const rows = [...groups.values()].map((links) => {
    const first = links[0]!;
    let label = '';
    if (first.context) {
      const context = normalizeThai(first.context);
      const at = Math.min(...links.map((l) => {
        const t = normalizeThai(l.text);
        const i = t ? context.indexOf(t) : -1;
        return i === -1 ? Infinity : i;
      }));
      label = Number.isFinite(at) ? context.slice(0, at) : '';
    } else if (first.heading) {
      label = first.heading;
    }
    // "1.", "01", "ข้อ 1" numbering before the title
    return { links, label: index.compact(label).replace(/^(?:ข้อ)?[\d.:)\-–]+/, '') };
  });
  rowsCache.set(hub, rows);
  return rows;
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
    const own = prev.own || c.own;
    if (!prev.ways.includes(c.matchedBy)) {
      prev.ways.push(c.matchedBy);
      prev.score += SCORE.extraWay;
    }
    if (c.score > prev.score - SCORE.extraWay * (prev.ways.length - 1)) {
      const bonus = SCORE.extraWay * (prev.ways.length - 1);
      Object.assign(prev, { ...c, ways: prev.ways, score: c.score + bonus, siblings: c.siblings.length ? c.siblings : prev.siblings });
    }
    prev.own = own;
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
export function locate(
  item: Item,
  index: SnapshotIndex,
  fiscalYear: number,
  hubs: HubPage[] = findHubPages(index, { items: [item] }, fiscalYear),
): Candidate[] {
  const key = itemKey(item.id);
  const words = wordsOf(item, index);
  const set = new CandidateSet();
  const hubSources = new Set(hubs.map((h) => h.source));

  // (1) hub rows: the row whose id ("O1") or label (the item's title) names the item is the
  // agency's own link for it ("own"); rows that merely share words rank lower
  const title = index.compact(item.title.th);
  for (const { source: hub, bonus } of hubs) {
    for (const row of hubRows(hub, index)) {
      const ids = row.links.map(hubLinkKey);
      let links: Link[];
      let score: number;
      let own = false;
      if (ids.includes(key)) {
        links = row.links.filter((_, i) => ids[i] === key);
        score = SCORE.hubId;
        own = true;
      } else if (ids.some((id) => id !== undefined)) {
        continue; // another item's row
      } else if (row.label && excluded(row.label, words)) {
        continue;
      } else if (row.label === title) {
        links = row.links;
        score = SCORE.hubTitle;
        own = true;
      } else if (row.label && row.label.includes(title)) {
        links = row.links;
        score = SCORE.hubTitleContains;
      } else {
        links = row.links.filter((l) => textScore(index.compact(l.text), words.linkText, 1, 1) > 0);
        score = SCORE.hubText;
        if (links.length === 0 && row.label && textScore(row.label, words.linkText, 1, 1) > 0) {
          links = row.links;
          score = SCORE.hubLabel;
        }
      }
      links = links.filter((l) => !excluded(index.compact(l.text), words));
      if (links.length === 0) continue;
      const resolved = links.map((l) => ({ url: l.url, text: l.text, resolved: resolveLink(index, l, hub) }));
      // the row's first live link is the evidence; the rest are siblings
      const order = [...resolved].sort((a, b) => Number(isDead(a.resolved)) - Number(isDead(b.resolved)));
      const main = order[0]!;
      const textBonus = own ? Math.min(10, textScore(index.compact(main.text), words.linkText, 10, 5)) : 0;
      set.add({
        url: evidenceUrl(main.resolved, main.url),
        resolved: main.resolved,
        matchedBy: 'hub',
        score: score + bonus + textBonus,
        own,
        foundOn: hub.url,
        label: normalizeThai(links[0]!.context || main.text).slice(0, 200),
        siblings: order.slice(1).filter((x) => !isDead(x.resolved)),
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
    if (hubSources.has(on)) continue; // its rows were read in (1)
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
