// What every check module receives and returns. A check is a pure function of one component's
// parameters and the located evidence (plus what it links to, one hop).
import type { Check, CheckKind, LocalizedText } from '../../checklist/schema.ts';
import type { ComponentStatus } from '../result.ts';
import type { SnapshotIndex, Source, UnreadableWhy } from '../snapshot-index.ts';
import { windowBounds, type DateBounds, type TimeWindow } from '../../thai/fiscal-year.ts';

export type Scope = 'page' | 'linked' | 'any' | 'site';

export interface CheckContext {
  /** the audited fiscal year, Buddhist era */
  fiscalYear: number;
  index: SnapshotIndex;
  /** the located evidence: a page, a document, or an external link that was not crawled */
  evidence: Source;
  /** one hop: the pages and documents the evidence links to, and the other links of its hub row */
  linked: Source[];
  /** the sources a scope covers, evidence first */
  sources(scope: Scope): Source[];
  /** the dates a time window covers for this fiscal year */
  window(window: TimeWindow): DateBounds;
}

export interface CheckOutcome {
  status: ComponentStatus;
  detail: LocalizedText;
  /** where it was found (or looked for) */
  url?: string;
  /** ≤ 200 characters around the match; untrusted text */
  snippet?: string;
  /** fiscal-year checks: dates or years were found, but none inside the window */
  wrongYear?: { found: number[] };
  /** the check could not be judged because the evidence could not be read */
  unreadable?: UnreadableWhy[];
}

export type CheckOf<K extends CheckKind> = Extract<Check, { kind: K }>;

export interface CheckModule<K extends CheckKind = CheckKind> {
  kind: K;
  /** true when the check judges content, so unreadable evidence (a scan, a Drive link) makes it manual rather than failed */
  readsText: boolean;
  run(check: CheckOf<K>, ctx: CheckContext): CheckOutcome;
}

export function makeContext(index: SnapshotIndex, fiscalYear: number, evidence: Source, linked: Source[]): CheckContext {
  const seen = new Set<string>([evidence.url]);
  const uniqueLinked = linked.filter((s) => (seen.has(s.url) ? false : (seen.add(s.url), true)));
  return {
    fiscalYear,
    index,
    evidence,
    linked: uniqueLinked,
    sources(scope) {
      // a document or external link located directly is its own content, whatever the scope
      if (scope === 'page') return [evidence];
      if (scope === 'linked') return evidence.kind === 'page' ? uniqueLinked : [evidence, ...uniqueLinked];
      if (scope === 'site') return [evidence, ...uniqueLinked, ...index.pages.filter((p) => !seen.has(p.url))];
      return [evidence, ...uniqueLinked];
    },
    window: (w) => windowBounds(fiscalYear, w),
  };
}
