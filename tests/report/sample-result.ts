// Typed builders of realistic AuditResults for the report tests: Thai titles, every item status,
// and a hostile variant whose crawled text carries markup, Markdown, formulas and bad URLs.
import { AuditResult, ItemStatus, RESULT_SCHEMA_VERSION, type ComponentResult, type Evidence, type ItemResult } from '../../src/audit/result.ts';

type EvidenceInput = Partial<Evidence> & Pick<Evidence, 'url'>;

export function evidence(input: EvidenceInput): Evidence {
  return { title: '', snippet: '', matchedBy: 'hub', score: 0.9, kind: 'page', ...input };
}

export function component(input: Partial<ComponentResult> & Pick<ComponentResult, 'id' | 'status'>): ComponentResult {
  return {
    text: { th: `องค์ประกอบ ${input.id}`, en: `Component ${input.id}` },
    kind: 'keyword',
    detail: { th: 'พบคำที่ต้องการ', en: 'keyword found' },
    ...input,
  };
}

export function item(input: Partial<ItemResult> & Pick<ItemResult, 'id' | 'status'>): ItemResult {
  return {
    title: { th: `หัวข้อ ${input.id}`, en: `Item ${input.id}` },
    group: 'g1',
    confidence: 0.8,
    evidence: [],
    components: [],
    reason: { th: 'เหตุผลตัวอย่าง', en: 'sample reason' },
    fix: { th: 'วิธีแก้ตัวอย่าง', en: 'sample fix' },
    submitUrls: [],
    unconfirmed: false,
    ...input,
  };
}

const SITE = 'http://127.0.0.1:8080/';

export function sampleItems(): ItemResult[] {
  return [
    item({
      id: 'O1',
      status: 'pass',
      title: { th: 'โครงสร้างหน่วยงาน', en: 'Organisation structure' },
      group: 'g1',
      confidence: 0.95,
      evidence: [evidence({ url: `${SITE}about/structure.html`, title: 'โครงสร้างองค์การบริหารส่วนตำบล', snippet: 'แผนผังโครงสร้าง อบต.ตัวอย่าง', foundOn: `${SITE}ita/` })],
      components: [component({ id: 'chart', status: 'pass', kind: 'image', text: { th: 'แผนผังโครงสร้าง', en: 'Org chart' } })],
      reason: { th: 'พบแผนผังโครงสร้างครบ', en: 'The org chart is published' },
      fix: { th: 'ไม่ต้องแก้ไข', en: 'Nothing to fix' },
      submitUrls: [`${SITE}about/structure.html`],
    }),
    item({
      id: 'O2',
      status: 'partial',
      title: { th: 'ข้อมูลผู้บริหาร', en: 'Executives' },
      group: 'g1',
      evidence: [evidence({ url: `${SITE}about/executives.html`, title: 'คณะผู้บริหาร', matchedBy: 'link-text', snippet: 'นายกองค์การบริหารส่วนตำบล โทร ๐๘๑-๒๓๔-๕๖๗๘' })],
      components: [
        component({ id: 'names', status: 'pass', text: { th: 'ชื่อ-นามสกุล', en: 'Names' } }),
        component({ id: 'photo', status: 'fail', kind: 'image', text: { th: 'รูปถ่าย', en: 'Photos' }, detail: { th: 'ไม่พบรูปถ่ายผู้บริหาร', en: 'No photos of executives found' }, url: `${SITE}about/executives.html` }),
      ],
      reason: { th: 'ขาดรูปถ่ายผู้บริหาร', en: 'Executive photos are missing' },
      fix: { th: 'เพิ่มรูปถ่ายของผู้บริหารทุกคน', en: 'Add a photo of every executive' },
      submitUrls: [`${SITE}about/executives.html`],
    }),
    item({
      id: 'O3',
      status: 'fail',
      title: { th: 'อำนาจหน้าที่', en: 'Powers and duties' },
      group: 'g1',
      reason: { th: 'ไม่พบหน้าที่เผยแพร่อำนาจหน้าที่', en: 'No page publishes the powers and duties' },
      fix: { th: 'เผยแพร่อำนาจหน้าที่ตามกฎหมายจัดตั้ง', en: 'Publish the powers and duties under the founding law' },
    }),
    item({
      id: 'O10',
      status: 'manual',
      title: { th: 'แผนการดำเนินงานประจำปี', en: 'Annual operating plan' },
      group: 'g2',
      window: 'current',
      confidence: 0.4,
      evidence: [evidence({ url: `${SITE}docs/plan-2568.pdf`, title: 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', kind: 'document', matchedBy: 'link-text' })],
      components: [
        component({ id: 'year', status: 'manual', kind: 'fiscal-year', text: { th: 'ปีงบประมาณ พ.ศ. 2568', en: 'FY 2568' }, detail: { th: 'PDF เป็นภาพสแกน อ่านข้อความไม่ได้', en: 'The PDF is a scan with no text' } }),
        component({ id: 'signed', status: 'manual', kind: 'manual', text: { th: 'ลงนามโดยผู้บริหาร', en: 'Signed by the head' }, detail: { th: 'ตรวจลายมือชื่อด้วยตนเอง', en: 'Check the signature by hand' } }),
      ],
      reason: { th: 'พบเอกสารแต่เป็นภาพสแกน', en: 'Found a scanned document' },
      fix: { th: 'อัปโหลดไฟล์ PDF ที่มีข้อความ', en: 'Upload a PDF with a text layer' },
      submitUrls: [`${SITE}docs/plan-2568.pdf`],
    }),
    item({
      id: 'O11',
      status: 'not-checked',
      title: { th: 'รายงานการกำกับติดตามการดำเนินงาน รอบ 6 เดือน', en: 'Six-month progress report' },
      group: 'g2',
      window: 'first-half',
      confidence: 0,
      components: [component({ id: 'doc', status: 'not-checked', kind: 'document' })],
      reason: { th: 'การเก็บข้อมูลหยุดก่อนถึงข้อนี้', en: 'The crawl stopped before this item' },
      fix: { th: 'สแกนใหม่โดยเพิ่มจำนวนหน้า', en: 'Scan again with a larger page budget' },
    }),
    item({
      id: 'O12',
      status: 'pass',
      title: { th: 'ช่องทางการติดต่อ', en: 'Contact channels' },
      group: 'g2',
      evidence: [evidence({ url: `${SITE}contact.html`, title: 'ติดต่อเรา' })],
      components: [component({ id: 'phone', status: 'pass', kind: 'phone' })],
      submitUrls: [`${SITE}contact.html`, `${SITE}contact-2.html`, `${SITE}c3.html`, `${SITE}c4.html`, `${SITE}c5.html`, `${SITE}c6.html`],
    }),
  ];
}

export function buildResult(overrides: Partial<AuditResult> = {}): AuditResult {
  const items = overrides.items ?? sampleItems();
  const groups = overrides.groups ?? [
    { id: 'g1', title: { th: 'ข้อมูลพื้นฐาน', en: 'Basic information' } },
    { id: 'g2', title: { th: 'การบริหารงาน', en: 'Administration' } },
  ].map((g) => {
    const inGroup = items.filter((i) => i.group === g.id);
    const passed = inGroup.filter((i) => i.status === 'pass').length;
    return { ...g, items: inGroup.length, passed, score: inGroup.length ? (passed / inGroup.length) * 100 : 0 };
  });
  const counts = Object.fromEntries(ItemStatus.options.map((s) => [s, items.filter((i) => i.status === s).length])) as AuditResult['score']['counts'];
  const passed = counts.pass ?? 0;
  const result: AuditResult = {
    schemaVersion: RESULT_SCHEMA_VERSION,
    site: '127.0.0.1:8080',
    startUrl: SITE,
    checklist: { id: 'ita-2568', version: '1', framework: 'ITA', title: { th: 'เกณฑ์ OIT ปี 2568', en: 'OIT criteria 2568' }, status: 'confirmed' },
    fiscalYear: 2568,
    complete: true,
    siteStatus: 'ok',
    items,
    groups,
    score: { total: items.length ? (passed / items.length) * 100 : 0, passed, items: items.length, counts },
    crawl: {
      pages: 42,
      documents: 7,
      failures: { 'http-404': 3, timeout: 1 },
      skipped: { 'out-of-scope': 12, robots: 2, budget: 0 },
      stoppedBecause: 'complete',
      soft404: false,
      hubUrls: [`${SITE}ita/`],
    },
    provenance: {
      tool: { name: 'oit-audit', version: '0.1.0' },
      userAgent: 'Mozilla/5.0 (compatible; oit-audit/0.1.0; +https://github.com/oit-audit/oit-audit)',
      browser: null,
      crawlStartedAt: '2025-01-15T03:00:00.000Z',
      crawlFinishedAt: '2025-01-15T03:02:10.000Z',
      options: { maxPages: 300, render: 'auto' },
    },
    ...overrides,
  };
  return AuditResult.parse(result);
}

export const PWN = '<script>window.__pwned=1</script>';
export const IMG_PWN = '<img src=x onerror="window.__pwned=1;alert(1)">';
export const ATTR_PWN = '" onmouseover="window.__pwned=1" x="';
export const BAD_URLS = [
  'javascript:window.__pwned=1',
  'JaVaScRiPt:alert(1)',
  ' javascript:alert(1)',
  'java\tscript:alert(1)',
  'data:text/html,<script>window.__pwned=1</script>',
  'vbscript:msgbox(1)',
  'file:///etc/passwd',
];

/** Crawled text full of markup, Markdown, formula and URL payloads. Loads no external resource when escaped. */
export function hostileResult(): AuditResult {
  const hostile = item({
    id: 'O7',
    status: 'fail',
    group: 'g1',
    title: { th: `${PWN}ข่าวประชาสัมพันธ์ ${IMG_PWN}`, en: `News ${PWN}` },
    evidence: [
      evidence({ url: BAD_URLS[0]!, title: `${PWN} ลิงก์`, snippet: `${IMG_PWN} | pipe [link](javascript:alert(1)) \`code\`` }),
      evidence({ url: `http://127.0.0.1:8080/news?q="><script>window.__pwned=1</script>`, snippet: '<svg onload=window.__pwned=1>', foundOn: 'javascript:alert(2)' }),
      ...BAD_URLS.slice(1).map((url) => evidence({ url, title: ATTR_PWN, snippet: IMG_PWN })),
    ],
    components: [
      component({ id: 'news', status: 'fail', text: { th: `ข่าว ${PWN}`, en: 'News' }, detail: { th: IMG_PWN, en: ATTR_PWN }, url: 'javascript:alert(3)', snippet: PWN }),
    ],
    reason: { th: `=HYPERLINK("http://evil.example/","คลิก") | cell ${IMG_PWN}\n# heading\n- list`, en: '+cmd|" /C calc"!A0' },
    fix: { th: `[คลิก](javascript:alert(1)) ${PWN}`, en: '@SUM(1+1)' },
    submitUrls: ['-2+3', 'javascript:alert(4)', 'http://127.0.0.1:8080/a,b"c'],
    note: `${PWN}\nnote`,
  });
  const base = sampleItems();
  base[2] = { ...base[2]!, title: { th: '=1+1 อำนาจหน้าที่', en: '=1+1 powers' } };
  return buildResult({
    items: [...base, hostile],
    siteError: `${PWN} upstream`,
    crawl: {
      pages: 3,
      documents: 0,
      failures: { [`${PWN}`]: 1 },
      skipped: {},
      stoppedBecause: 'budget',
      soft404: true,
      hubUrls: ['javascript:alert(5)'],
    },
    complete: false,
    provenance: {
      tool: { name: 'oit-audit', version: '0.1.0' },
      userAgent: `UA ${PWN}`,
      browser: `Chromium ${IMG_PWN}`,
      crawlStartedAt: '2025-01-15T03:00:00.000Z',
      crawlFinishedAt: '2025-01-15T03:02:10.000Z',
      options: { evil: PWN },
    },
  });
}
