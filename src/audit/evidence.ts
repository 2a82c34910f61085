// From a located candidate to what checks read (the evidence source and its one-hop links) and to
// the Evidence records of the result.
import type { Evidence } from './result.ts';
import type { Candidate } from './locate.ts';
import { externalSource, isHttpUrl, type Resolved, type SnapshotIndex, type Source } from './snapshot-index.ts';

/** at most this many linked pages/documents are read per candidate */
const MAX_LINKED = 40;

/** the source a resolved URL offers to checks, if any */
export function sourceOf(r: Resolved): Source | undefined {
  switch (r.type) {
    case 'page':
    case 'document':
    case 'external':
      return r.source;
    case 'uncrawled': {
      const s = externalSource(r.url);
      return { ...s, unreadableWhy: 'not-crawled' };
    }
    default:
      return undefined;
  }
}

/**
 * The evidence's one hop: the pages and documents its content links point to (menus and footers
 * left out, hub pages too), external document links (Drive …) as unreadable sources, and the other
 * links of its hub row.
 */
export function linkedSources(index: SnapshotIndex, c: Candidate, evidence: Source): Source[] {
  const out: Source[] = [];
  for (const s of c.siblings) {
    const src = sourceOf(s.resolved);
    if (src) out.push(src);
  }
  if (evidence.kind === 'page') {
    for (const link of evidence.contentLinks) {
      if (out.length >= MAX_LINKED) break;
      if (!isHttpUrl(link.url) || index.hubUrls.has(link.url)) continue;
      const r = index.resolve(link.url);
      if (r.type === 'page' && r.source !== evidence && !index.hubUrls.has(r.source.url)) out.push(r.source);
      else if (r.type === 'document') out.push(r.source);
      // an external link matters only when it is a document we could not open (a Drive file, a PDF elsewhere)
      else if (r.type === 'external' && r.source.docKind) out.push(externalSource(r.url, link));
    }
  }
  return out;
}

export function evidenceKind(r: Resolved): Evidence['kind'] {
  if (r.type === 'document') return 'document';
  if (r.type === 'external' || r.type === 'uncrawled') return 'external';
  return 'page';
}

export function toEvidence(c: Candidate): Evidence {
  const title = c.resolved.type === 'page' ? c.resolved.source.title : '';
  return {
    url: c.url,
    title: title.slice(0, 200),
    snippet: c.label.slice(0, 200),
    matchedBy: c.matchedBy,
    foundOn: c.foundOn,
    score: Math.min(1, Math.max(0, Math.round(c.score) / 100)),
    kind: evidenceKind(c.resolved),
    screenshot: c.resolved.type === 'page' ? c.resolved.page.screenshot : undefined,
  };
}

/** the URL(s) to enter in ITAS: the evidence and the live links of its hub row, http(s) only */
export function submitUrlsOf(c: Candidate): string[] {
  const urls = [c.url, ...c.siblings.map((s) => (s.resolved.type === 'page' || s.resolved.type === 'document' ? s.resolved.source.url : s.url))];
  return [...new Set(urls.filter(isHttpUrl))].slice(0, 10);
}
