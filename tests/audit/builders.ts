// Small typed builders for audit tests: snapshots, pages, documents, checklists. Everything goes
// through the real zod schemas, so defaults are the ones the crawler and loader produce.
import { Checklist, Check, type Component } from '../../src/checklist/schema.ts';
import { Document, Page, SiteSnapshot, type Failure, type Link, type Skipped } from '../../src/snapshot/schema.ts';
import { buildSnapshotIndex, type SnapshotIndex } from '../../src/audit/snapshot-index.ts';
import { linkedSources, sourceOf } from '../../src/audit/evidence.ts';
import { makeContext, runCheck, type CheckOutcome } from '../../src/audit/checks/index.ts';
import type { Candidate } from '../../src/audit/locate.ts';
import type { z } from 'zod';

export const SITE = 'http://127.0.0.1:8080';
/** a site path → an absolute URL; URLs with a scheme, '#' and '' are kept as written */
export const u = (path: string) => (/^[a-z][a-z0-9+.-]*:/i.test(path) || path.startsWith('#') || path === '' ? path : `${SITE}${path.startsWith('/') ? '' : '/'}${path}`);

export type LinkInput = { url: string; text?: string; context?: string; heading?: string };

export function link(url: string, text = '', more: Partial<Link> = {}): Link {
  return { url: u(url), text, context: more.context ?? '', heading: more.heading ?? '', source: more.source ?? 'a' };
}

export type PageInput = Omit<Partial<z.input<typeof Page>>, 'links'> & { links?: Link[] };

export function page(path: string, input: PageInput = {}): Page {
  return Page.parse({ url: u(path), finalUrl: u(path), status: 200, depth: 1, via: 'http', contentType: 'text/html', ...input });
}

export function doc(path: string, input: Partial<z.input<typeof Document>> = {}): Document {
  const kind = input.kind ?? (/\.pdf$/i.test(path) ? 'pdf' : /\.(png|jpe?g|gif)$/i.test(path) ? 'image' : /\.docx?$/i.test(path) ? 'doc' : 'other');
  return Document.parse({ url: u(path), finalUrl: u(path), status: 200, kind, textStatus: input.text ? 'ok' : 'no-text', ...input });
}

export interface SnapshotInput {
  pages?: Page[];
  documents?: Document[];
  hubUrls?: string[];
  failures?: Failure[];
  skipped?: Skipped[];
  siteStatus?: 'ok' | 'unreachable' | 'blocked';
  siteError?: string;
  stoppedBecause?: 'complete' | 'budget' | 'early-stop' | 'interrupted' | 'unreachable' | 'timeout';
  soft404?: boolean;
}

export function snapshot(input: SnapshotInput = {}): SiteSnapshot {
  return SiteSnapshot.parse({
    schemaVersion: 1,
    startUrl: `${SITE}/`,
    hosts: ['127.0.0.1:8080', '127.0.0.1'],
    siteStatus: input.siteStatus ?? 'ok',
    siteError: input.siteError,
    soft404: input.soft404 ?? false,
    hubUrls: (input.hubUrls ?? []).map(u),
    pages: input.pages ?? [],
    documents: input.documents ?? [],
    failures: input.failures ?? [],
    skipped: input.skipped ?? [],
    provenance: {
      tool: { name: 'oit-audit', version: '0.1.0' },
      userAgent: 'oit-audit-test',
      startedAt: '2026-11-23T01:00:00.000Z',
      finishedAt: '2026-11-23T01:01:00.000Z',
      stoppedBecause: input.stoppedBecause ?? 'complete',
    },
  });
}

export type CheckInput = z.input<typeof Check>;

export function component(id: string, check: CheckInput, th = id, en = id): z.input<typeof Checklist>['items'][number]['components'][number] {
  return { id, text: { th, en }, check };
}

export interface ItemInput {
  id: string;
  title?: string;
  group?: string;
  linkText: string[];
  urlPatterns?: string[];
  headings?: string[];
  exclude?: string[];
  components: Array<ReturnType<typeof component>>;
  window?: 'current' | 'previous' | 'first-half';
}

export function checklist(items: ItemInput[], groups = ['9.1', '9.2']): Checklist {
  return Checklist.parse({
    id: 'test-list',
    framework: 'ITA',
    fiscalYear: 2566,
    version: '1',
    title: { th: 'ทดสอบ', en: 'Test' },
    status: 'draft',
    sources: ['tests'],
    groups: groups.map((g) => ({ id: g, title: { th: `กลุ่ม ${g}`, en: `Group ${g}` } })),
    items: items.map((i) => ({
      id: i.id,
      title: { th: i.title ?? i.id, en: i.title ?? i.id },
      group: i.group ?? groups[0],
      window: i.window,
      locate: { linkText: i.linkText, urlPatterns: i.urlPatterns ?? [], headings: i.headings ?? [], exclude: i.exclude ?? [] },
      components: i.components,
    })),
  });
}

/** run one check with the page (or document) at `evidencePath` as the located evidence */
export function runCheckOn(check: CheckInput, snap: SiteSnapshot, evidencePath: string, fiscalYear = 2566): CheckOutcome {
  const index: SnapshotIndex = buildSnapshotIndex(snap);
  const resolved = index.resolve(u(evidencePath));
  const candidate: Candidate = { url: u(evidencePath), resolved, matchedBy: 'link-text', ways: ['link-text'], score: 50, label: '', siblings: [] };
  const evidence = sourceOf(resolved);
  if (!evidence) throw new Error(`no evidence at ${evidencePath}: ${resolved.type}`);
  const ctx = makeContext(index, fiscalYear, evidence, linkedSources(index, candidate, evidence));
  return runCheck(Check.parse(check), ctx);
}

/** shorthand: one page holding `text` (and more), checked as evidence */
export function checkPage(check: CheckInput, input: PageInput, extra: SnapshotInput = {}, fiscalYear = 2566): CheckOutcome {
  const p = page('/evidence', input);
  return runCheckOn(check, snapshot({ ...extra, pages: [p, ...(extra.pages ?? [])] }), '/evidence', fiscalYear);
}

export type { Component };
