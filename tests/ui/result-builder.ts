// A small builder for AuditResult fixtures: valid by the zod schema, Thai titles included.
import { AuditResult, RESULT_SCHEMA_VERSION, type ItemResult, type ItemStatus } from '../../src/audit/result.ts';

export interface ItemSpec {
  id: string;
  status: ItemStatus;
  th?: string;
  en?: string;
  group?: string;
  url?: string;
  components?: Array<{ id: string; status: 'pass' | 'fail' | 'manual' | 'not-checked'; th?: string; en?: string; url?: string }>;
}

export const THAI_TITLES: Record<string, [string, string]> = {
  O1: ['โครงสร้าง', 'Organisation structure'],
  O2: ['ข้อมูลผู้บริหาร', 'Executives'],
  O3: ['อำนาจหน้าที่', 'Powers and duties'],
  O4: ['แผนยุทธศาสตร์หรือแผนพัฒนาหน่วยงาน', 'Strategic or development plan'],
  O5: ['ข้อมูลการติดต่อ', 'Contact information'],
  O6: ['กฎหมายที่เกี่ยวข้อง', 'Related laws'],
  O7: ['ข่าวประชาสัมพันธ์', 'News'],
  O8: ['Q&A', 'Q&A'],
  O9: ['Social Network', 'Social network'],
  O10: ['แผนดำเนินงานและการใช้งบประมาณประจำปี', 'Annual operating and budget plan'],
  O11: ['รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน', 'Six-month monitoring report on operations and budget'],
  O12: ['รายงานผลการดำเนินงานประจำปี', 'Annual performance report'],
};

export function item(spec: ItemSpec): ItemResult {
  const [th, en] = THAI_TITLES[spec.id] ?? [`รายการ ${spec.id}`, `Item ${spec.id}`];
  const url = spec.url;
  return {
    id: spec.id,
    title: { th: spec.th ?? th, en: spec.en ?? en },
    group: spec.group ?? 'g1',
    status: spec.status,
    confidence: spec.status === 'manual' ? 0.4 : 0.9,
    evidence: url
      ? [{ url, title: `${th} หน้า`, snippet: `ข้อความ ${th}`, matchedBy: 'link-text', foundOn: 'http://127.0.0.1/ita', score: 0.9, kind: 'page' }]
      : [],
    components: (spec.components ?? [{ id: 'found', status: spec.status === 'pass' ? 'pass' : spec.status === 'manual' ? 'manual' : 'fail' }]).map((c) => ({
      id: c.id,
      text: { th: c.th ?? `องค์ประกอบ ${c.id}`, en: c.en ?? `Component ${c.id}` },
      kind: 'keyword',
      status: c.status,
      detail: { th: `รายละเอียด ${c.id}`, en: `detail of ${c.id}` },
      url: c.url,
    })),
    reason: { th: `เหตุผลของ ${spec.id}`, en: `reason for ${spec.id}` },
    fix: { th: `วิธีแก้ ${spec.id}`, en: `fix for ${spec.id}` },
    submitUrls: url ? [url] : [],
    unconfirmed: false,
  };
}

export function buildResult(items: ItemSpec[], overrides: Partial<AuditResult> = {}): AuditResult {
  const built = items.map(item);
  const counts = { pass: 0, partial: 0, fail: 0, manual: 0, 'not-checked': 0 } as Record<ItemStatus, number>;
  for (const i of built) counts[i.status]++;
  const passed = counts.pass;
  const groupIds = [...new Set(built.map((i) => i.group))];
  const groups = groupIds.map((id, n) => {
    const inGroup = built.filter((i) => i.group === id);
    const p = inGroup.filter((i) => i.status === 'pass').length;
    return {
      id,
      title: n === 0 ? { th: 'ข้อมูลพื้นฐาน', en: 'Basic information' } : { th: `การบริหารงาน ${n}`, en: `Administration ${n}` },
      items: inGroup.length,
      passed: p,
      score: inGroup.length ? Math.round((p / inGroup.length) * 1000) / 10 : 0,
    };
  });
  const result: AuditResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    site: '127.0.0.1',
    startUrl: 'http://127.0.0.1/',
    checklist: { id: 'ita-2568', version: '1', framework: 'ITA', title: { th: 'ITA 2568', en: 'ITA 2568' }, status: 'draft' },
    fiscalYear: 2568,
    complete: true,
    siteStatus: 'ok',
    items: built,
    groups,
    score: { total: built.length ? Math.round((passed / built.length) * 1000) / 10 : 0, passed, items: built.length, counts },
    crawl: { pages: 10, documents: 2, failures: {}, skipped: {}, stoppedBecause: 'complete', soft404: false, hubUrls: [] },
    provenance: {
      tool: { name: 'oit-audit', version: '0.1.0' },
      userAgent: 'test',
      browser: null,
      crawlStartedAt: '2025-01-01T00:00:00.000Z',
      crawlFinishedAt: '2025-01-01T00:01:00.000Z',
      options: {},
    },
    ...overrides,
  };
  return AuditResult.parse(result);
}

/** twelve items with every status, Thai titles and long Thai URLs */
export function sampleResult(overrides: Partial<AuditResult> = {}): AuditResult {
  const statuses: ItemStatus[] = ['pass', 'fail', 'partial', 'manual', 'pass', 'fail', 'not-checked', 'pass', 'manual', 'partial', 'fail', 'pass'];
  return buildResult(
    statuses.map((status, n) => ({
      id: `O${n + 1}`,
      status,
      group: n < 6 ? 'g1' : 'g2',
      url: status === 'not-checked' || (status === 'fail' && n === 1) ? undefined : `http://127.0.0.1/ita/${encodeURIComponent('ข้อมูลเปิดเผย')}/o${n + 1}/รายละเอียด-ข้อมูลที่ต้องเปิดเผยต่อสาธารณะ.html`,
    })),
    overrides,
  );
}
