// The documents a piece of evidence offers: itself when it is one, the documents it links to (crawled
// or not, Google Drive files included), never ones whose link is broken. Shared by document, image
// and min-count checks.
import type { Document } from '../../snapshot/schema.ts';
import type { CheckContext, Scope } from './context.ts';
import { documentKindOfUrl, isCloudDocumentUrl, type Source } from '../snapshot-index.ts';

export interface FoundDocument {
  url: string;
  kind: Document['kind'];
  /** link text that points at it (or '' for the evidence itself) */
  label: string;
  /** the page that links to it */
  on: string;
  source?: Source;
}

export function documentsOf(ctx: CheckContext, scope: Scope): FoundDocument[] {
  const found = new Map<string, FoundDocument>();
  const add = (d: FoundDocument) => {
    if (!found.has(d.url)) found.set(d.url, d);
  };
  for (const s of ctx.sources(scope)) {
    if (s.kind === 'document') add({ url: s.url, kind: s.docKind ?? 'other', label: '', on: s.url, source: s });
    else if (s.kind === 'external' && s.docKind) add({ url: s.url, kind: s.docKind, label: s.links[0]?.text ?? '', on: s.url, source: s });
  }
  // documents linked from the evidence page itself (one hop)
  const page = ctx.evidence.kind === 'page' ? [ctx.evidence] : [];
  for (const p of page) {
    for (const link of p.contentLinks) {
      const target = ctx.index.resolve(link.url);
      if (target.type === 'document') add({ url: target.source.url, kind: target.document.kind, label: link.text, on: p.url, source: target.source });
      else if (target.type === 'external' && target.source.docKind) add({ url: link.url, kind: target.source.docKind, label: link.text, on: p.url, source: target.source });
      else if (target.type === 'uncrawled') {
        const kind = documentKindOfUrl(link.url) ?? (isCloudDocumentUrl(link.url) ? 'other' : undefined);
        if (kind) add({ url: link.url, kind, label: link.text, on: p.url });
      }
    }
  }
  return [...found.values()];
}
