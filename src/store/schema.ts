// The audit history file (default reports/history.json). Users may open it, so it is plain JSON,
// validated on every read: a hand-edit that breaks it is reported, never silently repaired.
import { z } from 'zod';
import { ItemStatus } from '../audit/result.ts';

export const HISTORY_SCHEMA_VERSION = 1;

export const HistoryItem = z.object({
  id: z.string().min(1),
  status: ItemStatus,
  /** the ITAS submit URLs (evidence) at the time of the audit */
  urls: z.array(z.string()),
  /** the audit's reason, English, capped */
  reason: z.string().optional(),
  /** the item failed because its evidence link is dead (404, 5xx, `#`, javascript:) */
  deadLink: z.boolean().optional(),
});
export type HistoryItem = z.infer<typeof HistoryItem>;

export const HistoryRecord = z.object({
  id: z.string().min(1),
  site: z.string().min(1),
  startUrl: z.string().optional(),
  agencyName: z.string().optional(),
  checklistId: z.string().min(1),
  checklistVersion: z.string().min(1),
  fiscalYear: z.number().int(),
  /** ISO 8601 */
  time: z.iso.datetime({ offset: true }),
  /** 0–100 */
  score: z.number().min(0).max(100),
  counts: z.record(z.string(), z.number().int().min(0)),
  items: z.array(HistoryItem),
  reportDir: z.string(),
  complete: z.boolean(),
  siteStatus: z.enum(['ok', 'unreachable', 'blocked']).optional(),
});
export type HistoryRecord = z.infer<typeof HistoryRecord>;

export const HistoryFile = z.object({
  schemaVersion: z.literal(HISTORY_SCHEMA_VERSION),
  audits: z.array(HistoryRecord),
});
export type HistoryFile = z.infer<typeof HistoryFile>;

export function emptyHistory(): HistoryFile {
  return { schemaVersion: HISTORY_SCHEMA_VERSION, audits: [] };
}
