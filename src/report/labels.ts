// Words the reports print, in Thai and English. Report writers take `lang` for the primary
// language; Thai users see Thai first, with English kept alongside where it helps an assessor.
import type { ComponentStatus, ItemStatus } from '../audit/result.ts';
import type { LocalizedText, TimeWindow } from '../checklist/schema.ts';

export type ReportLang = 'th' | 'en';

export const ITEM_STATUSES: readonly ItemStatus[] = ['pass', 'partial', 'fail', 'manual', 'not-checked'];

/** Colour is never the only cue: every badge carries a symbol and a word. */
export const STATUS_SYMBOL: Record<ItemStatus, string> = {
  pass: '✓',
  partial: '◐',
  fail: '✗',
  manual: '?',
  'not-checked': '–',
};

const STATUS_TEXT: Record<ItemStatus, LocalizedText> = {
  pass: { th: 'ผ่าน', en: 'Pass' },
  partial: { th: 'ผ่านบางส่วน', en: 'Partial' },
  fail: { th: 'ไม่ผ่าน', en: 'Fail' },
  manual: { th: 'ต้องตรวจด้วยตนเอง', en: 'Manual check' },
  'not-checked': { th: 'ยังไม่ได้ตรวจ', en: 'Not checked' },
};

export function statusLabel(status: ItemStatus | ComponentStatus, lang: ReportLang): string {
  return STATUS_TEXT[status][lang];
}

const WINDOW_TEXT: Record<TimeWindow, LocalizedText> = {
  current: { th: 'ปีงบประมาณปัจจุบัน', en: 'current fiscal year' },
  previous: { th: 'ปีงบประมาณที่ผ่านมา', en: 'previous fiscal year' },
  'first-half': { th: 'รอบ 6 เดือนแรกของปีงบประมาณ', en: 'first six months of the fiscal year' },
};

export function windowLabel(window: TimeWindow, lang: ReportLang): string {
  return WINDOW_TEXT[window][lang];
}

/** Text in the primary language, falling back to the other one. */
export function pick(text: LocalizedText | undefined, lang: ReportLang): string {
  if (!text) return '';
  return (lang === 'th' ? text.th || text.en : text.en || text.th) ?? '';
}

/** The other language's text, or '' when it says the same thing. */
export function other(text: LocalizedText | undefined, lang: ReportLang): string {
  if (!text) return '';
  const primary = pick(text, lang);
  const second = lang === 'th' ? text.en : text.th;
  return second && second !== primary ? second : '';
}

/** 0–100 → "72.5%" (one decimal at most, never "72.50%"). */
export function formatPercent(value: number): string {
  if (!Number.isFinite(value)) return '–';
  return `${Math.round(value * 10) / 10}%`;
}

const UI = {
  reportTitle: { th: 'รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', en: 'Open Information (OIT) audit report' },
  site: { th: 'เว็บไซต์', en: 'Website' },
  checklist: { th: 'เกณฑ์การประเมิน', en: 'Checklist' },
  fiscalYear: { th: 'ปีงบประมาณ', en: 'Fiscal year' },
  score: { th: 'คะแนน', en: 'Score' },
  summary: { th: 'สรุปผล', en: 'Summary' },
  passedOf: { th: 'ผ่าน {passed} จาก {items} ข้อ', en: '{passed} of {items} items pass' },
  byGroup: { th: 'คะแนนรายหมวด', en: 'Score by group' },
  group: { th: 'หมวด', en: 'Group' },
  items: { th: 'รายการตรวจ', en: 'Items' },
  itemCount: { th: 'จำนวนข้อ', en: 'Items' },
  passed: { th: 'ผ่าน', en: 'Passed' },
  id: { th: 'ข้อ', en: 'Item' },
  title: { th: 'หัวข้อ', en: 'Title' },
  status: { th: 'สถานะ', en: 'Status' },
  evidenceUrl: { th: 'URL หลักฐาน', en: 'Evidence URL' },
  reason: { th: 'เหตุผล', en: 'Reason' },
  fix: { th: 'วิธีแก้ไข', en: 'How to fix' },
  details: { th: 'รายละเอียดรายข้อ', en: 'Item details' },
  detailsNotPassed: { th: 'รายละเอียดข้อที่ยังไม่ผ่าน', en: 'Details of items not passed' },
  components: { th: 'องค์ประกอบ', en: 'Components' },
  component: { th: 'องค์ประกอบ', en: 'Component' },
  check: { th: 'วิธีตรวจ', en: 'Check' },
  detail: { th: 'รายละเอียด', en: 'Detail' },
  evidence: { th: 'หลักฐาน', en: 'Evidence' },
  noEvidence: { th: 'ไม่พบหลักฐาน', en: 'No evidence found' },
  submitUrls: { th: 'URL ที่ควรกรอกในระบบ ITAS', en: 'URL(s) to enter in ITAS' },
  matchedBy: { th: 'พบจาก', en: 'Matched by' },
  foundOn: { th: 'ลิงก์จากหน้า', en: 'Linked from' },
  confidence: { th: 'ความมั่นใจ', en: 'Confidence' },
  window: { th: 'ช่วงเวลา', en: 'Time window' },
  notClickable: { th: 'ไม่ใช่ลิงก์ http(s) จึงไม่เปิดให้คลิก', en: 'not an http(s) link, shown as text' },
  screenshot: { th: 'ภาพหน้าจอ', en: 'Screenshot' },
  crawl: { th: 'สรุปการเก็บข้อมูลเว็บไซต์', en: 'Crawl summary' },
  pages: { th: 'หน้าเว็บ', en: 'Pages' },
  documents: { th: 'เอกสาร', en: 'Documents' },
  failures: { th: 'URL ที่เปิดไม่ได้ (ตามประเภท)', en: 'Failed URLs by kind' },
  skipped: { th: 'URL ที่ข้าม (ตามเหตุผล)', en: 'Skipped URLs by reason' },
  kind: { th: 'ประเภท', en: 'Kind' },
  count: { th: 'จำนวน', en: 'Count' },
  none: { th: 'ไม่มี', en: 'None' },
  stoppedBecause: { th: 'หยุดเพราะ', en: 'Stopped because' },
  soft404: { th: 'เซิร์ฟเวอร์ตอบ 200 กับหน้าที่ไม่มีอยู่ (soft 404)', en: 'Server answers 200 for missing pages (soft 404)' },
  hubUrls: { th: 'หน้ารวม ITA/OIT ที่พบ', en: 'ITA/OIT hub pages found' },
  provenance: { th: 'ที่มาของผลการตรวจ', en: 'Provenance' },
  tool: { th: 'เครื่องมือ', en: 'Tool' },
  userAgent: { th: 'User-Agent', en: 'User-Agent' },
  browser: { th: 'เบราว์เซอร์', en: 'Browser' },
  noBrowser: { th: 'ไม่ได้ใช้', en: 'not used' },
  crawlStarted: { th: 'เริ่มเก็บข้อมูล', en: 'Crawl started' },
  crawlFinished: { th: 'เก็บข้อมูลเสร็จ', en: 'Crawl finished' },
  options: { th: 'ตัวเลือก', en: 'Options' },
  yes: { th: 'ใช่', en: 'yes' },
  no: { th: 'ไม่ใช่', en: 'no' },
  incomplete: {
    th: 'การเก็บข้อมูลไม่ครบ (ถูกหยุดหรือหมดงบประมาณหน้า) บางข้ออาจยังไม่ได้ตรวจเต็มที่',
    en: 'The crawl did not finish (interrupted or out of page budget): some items may not have been fully checked',
  },
  unreachable: {
    th: 'เข้าถึงเว็บไซต์ไม่ได้ ทุกข้อจึงยังไม่ได้ตรวจ (ไม่ใช่ไม่ผ่าน)',
    en: 'The website could not be reached, so items are not checked (not failed)',
  },
  blocked: {
    th: 'เว็บไซต์ปิดกั้นการเข้าถึงของเครื่องมือ ทุกข้อจึงยังไม่ได้ตรวจ (ไม่ใช่ไม่ผ่าน)',
    en: 'The website blocked the tool, so items are not checked (not failed)',
  },
  draft: {
    th: 'เกณฑ์ชุดนี้ยังเป็นฉบับร่าง ยังไม่ยืนยันกับประกาศของ ป.ป.ช.',
    en: 'This checklist is a draft, not yet confirmed against the NACC announcement',
  },
  unconfirmed: { th: 'ข้อนี้ยังไม่ยืนยันกับแหล่งที่มา', en: 'This item is not confirmed by a source' },
  note: { th: 'หมายเหตุ', en: 'Note' },
  generatedBy: { th: 'สร้างโดย', en: 'Generated by' },
  disclaimer: {
    th: 'ผลนี้เป็นการตรวจเบื้องต้นโดยอัตโนมัติ ผู้ประเมินของ ป.ป.ช. อาจตัดสินต่างออกไป ข้อที่ "ต้องตรวจด้วยตนเอง" ต้องให้เจ้าหน้าที่ตรวจเอง',
    en: 'This is an automatic pre-check; NACC assessors may judge differently. Items marked "Manual check" need a person to check them.',
  },
} satisfies Record<string, LocalizedText>;

export type UiKey = keyof typeof UI;

/** A UI string, with {name} placeholders filled in. */
export function ui(key: UiKey, lang: ReportLang, vars: Record<string, string | number> = {}): string {
  return UI[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => (name in vars ? String(vars[name]) : m));
}
