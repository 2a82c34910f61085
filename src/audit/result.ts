// AuditResult: what the audit returns and every report writer reads. Saved as result.json
// (documented in docs/result-format.md). Bump RESULT_SCHEMA_VERSION on breaking changes.
import { z } from 'zod';
import { LocalizedText, TimeWindow } from '../checklist/schema.ts';
import { FailureKind, SkipReason, StopReason } from '../snapshot/schema.ts';

export const RESULT_SCHEMA_VERSION = 1;

export const ItemStatus = z.enum(['pass', 'partial', 'fail', 'manual', 'not-checked']);
export type ItemStatus = z.infer<typeof ItemStatus>;

export const ComponentStatus = z.enum(['pass', 'fail', 'manual', 'not-checked']);
export type ComponentStatus = z.infer<typeof ComponentStatus>;

/** How a candidate page or document was tied to the item. */
export const MatchedBy = z.enum(['hub', 'link-text', 'url', 'title', 'heading', 'page-text', 'document-text']);
export type MatchedBy = z.infer<typeof MatchedBy>;

export const Evidence = z.object({
  url: z.string(),
  title: z.string().default(''),
  /** short text around the match, untrusted (escape when rendering) */
  snippet: z.string().default(''),
  matchedBy: MatchedBy,
  /** the page that linked to this evidence (e.g. the hub page) */
  foundOn: z.string().optional(),
  score: z.number(),
  kind: z.enum(['page', 'document', 'external']).default('page'),
  screenshot: z.string().optional(),
});
export type Evidence = z.infer<typeof Evidence>;

export const ComponentResult = z.object({
  id: z.string(),
  text: LocalizedText,
  kind: z.string(),
  status: ComponentStatus,
  /** why, in both languages */
  detail: LocalizedText,
  /** the URL where the component was found (or looked for) */
  url: z.string().optional(),
  snippet: z.string().optional(),
});
export type ComponentResult = z.infer<typeof ComponentResult>;

export const ItemResult = z.object({
  id: z.string(),
  title: LocalizedText,
  group: z.string(),
  window: TimeWindow.optional(),
  status: ItemStatus,
  /** 0..1: how sure the tool is of this verdict */
  confidence: z.number().min(0).max(1),
  /** candidates, best first; evidence[0] is the URL to submit */
  evidence: z.array(Evidence),
  components: z.array(ComponentResult),
  reason: LocalizedText,
  fix: LocalizedText,
  /** the URL(s) to enter in ITAS for this item (empty when nothing was found) */
  submitUrls: z.array(z.string()),
  unconfirmed: z.boolean().default(false),
  note: z.string().optional(),
});
export type ItemResult = z.infer<typeof ItemResult>;

export const GroupScore = z.object({
  id: z.string(),
  title: LocalizedText,
  items: z.number().int(),
  passed: z.number().int(),
  /** 0–100, all-or-nothing per item, like the assessment */
  score: z.number(),
});
export type GroupScore = z.infer<typeof GroupScore>;

export const AuditResult = z.object({
  schemaVersion: z.literal(RESULT_SCHEMA_VERSION),
  site: z.string(),
  startUrl: z.string(),
  checklist: z.object({
    id: z.string(),
    version: z.string(),
    framework: z.string(),
    title: LocalizedText,
    status: z.enum(['confirmed', 'draft']),
  }),
  fiscalYear: z.number().int(),
  /** false when the crawl was interrupted or stopped by its budget before every item resolved */
  complete: z.boolean(),
  siteStatus: z.enum(['ok', 'unreachable', 'blocked']),
  siteError: z.string().optional(),
  items: z.array(ItemResult),
  groups: z.array(GroupScore),
  score: z.object({
    /** 0–100: passed items ÷ all items */
    total: z.number(),
    passed: z.number().int(),
    items: z.number().int(),
    counts: z.record(ItemStatus, z.number().int()),
  }),
  crawl: z.object({
    pages: z.number().int(),
    documents: z.number().int(),
    failures: z.record(z.string(), z.number().int()),
    skipped: z.record(z.string(), z.number().int()),
    stoppedBecause: StopReason,
    soft404: z.boolean(),
    hubUrls: z.array(z.string()),
  }),
  provenance: z.object({
    tool: z.object({ name: z.string(), version: z.string() }),
    userAgent: z.string(),
    browser: z.string().nullable(),
    crawlStartedAt: z.string(),
    crawlFinishedAt: z.string(),
    options: z.record(z.string(), z.unknown()).default({}),
  }),
});
export type AuditResult = z.infer<typeof AuditResult>;

// Re-exported so report writers need not reach into the snapshot module.
export { FailureKind, SkipReason };
