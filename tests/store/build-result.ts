// A small AuditResult builder for store tests: only what history records matters.
import { AuditResult, type ItemStatus } from '../../src/audit/result.ts';

export interface ItemSpec {
  id: string;
  status: ItemStatus;
  urls?: string[];
  reason?: string;
}

export function buildResult(site: string, items: ItemSpec[], opts: { checklistVersion?: string; complete?: boolean } = {}): AuditResult {
  const counts: Record<ItemStatus, number> = { pass: 0, partial: 0, fail: 0, manual: 0, 'not-checked': 0 };
  for (const i of items) counts[i.status]++;
  const passed = counts.pass;
  return AuditResult.parse({
    schemaVersion: 1,
    site,
    startUrl: `http://${site}/`,
    checklist: { id: 'test-list', version: opts.checklistVersion ?? '1', framework: 'ITA', title: { th: 'ทดสอบ', en: 'Test' }, status: 'confirmed' },
    fiscalYear: 2568,
    complete: opts.complete ?? true,
    siteStatus: 'ok',
    items: items.map((i) => ({
      id: i.id,
      title: { th: `ข้อ ${i.id}`, en: `Item ${i.id}` },
      group: 'g1',
      status: i.status,
      confidence: 0.9,
      evidence: (i.urls ?? []).map((url) => ({ url, matchedBy: 'link-text', score: 1 })),
      components: [],
      reason: { th: i.reason ?? 'เหตุผล', en: i.reason ?? 'reason' },
      fix: { th: 'แก้', en: 'fix' },
      submitUrls: i.urls ?? [],
    })),
    groups: [],
    score: { total: items.length ? (passed / items.length) * 100 : 0, passed, items: items.length, counts },
    crawl: { pages: 3, documents: 0, failures: {}, skipped: {}, stoppedBecause: 'complete', soft404: false, hubUrls: [] },
    provenance: {
      tool: { name: 'oit-audit', version: '0.1.0' },
      userAgent: 'test',
      browser: null,
      crawlStartedAt: '2026-11-23T00:00:00.000Z',
      crawlFinishedAt: '2026-11-23T00:01:00.000Z',
    },
  });
}
