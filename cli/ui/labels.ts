// Thai and English labels for the terminal UI. The default language follows the locale:
// LC_ALL, then LC_MESSAGES, then LANG starting with "th" → Thai; anything else → English.
import type { ItemStatus } from '../../src/audit/result.ts';

export type Lang = 'th' | 'en';

export function detectLang(env: NodeJS.ProcessEnv): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^th/i.test(locale) ? 'th' : 'en';
}

/** an explicit --lang wins; otherwise the environment decides */
export function resolveLang(flag: string | undefined, env: NodeJS.ProcessEnv): Lang {
  if (flag === 'th' || flag === 'en') return flag;
  return detectLang(env);
}

export interface Labels {
  site: string;
  checklist: string;
  fiscalYear: string;
  render: string;
  pages: string;
  documents: string;
  rate: string;
  perSecond: string;
  eta: string;
  queue: string;
  failures: string;
  skipped: string;
  current: string;
  elapsed: string;
  items: string;
  hubFound: string;
  browserMissing: string;
  crawlDone: string;
  score: string;
  passedOf: (passed: number, total: number) => string;
  incomplete: string;
  groups: string;
  colId: string;
  colTitle: string;
  colStatus: string;
  colEvidence: string;
  filter: string;
  filters: Record<GapFilter, string>;
  noItems: string;
  keysReport: string;
  keysDetail: string;
  reportsWritten: string;
  openHint: string;
  noEvidence: string;
  components: string;
  evidence: string;
  reason: string;
  fix: string;
  confidence: string;
  note: string;
  unconfirmed: string;
  window: string;
  foundOn: string;
  status: Record<ItemStatus, string>;
  pending: string;
  stopped: Record<string, string>;
  agency: string;
  progress: string;
  waiting: string;
  done: string;
  error: string;
  siteUnreachable: string;
}

export type GapFilter = 'all' | 'fail' | 'partial' | 'manual';
export const GAP_FILTERS: readonly GapFilter[] = ['all', 'fail', 'partial', 'manual'];

const EN: Labels = {
  site: 'Site',
  checklist: 'Checklist',
  fiscalYear: 'FY',
  render: 'render',
  pages: 'pages',
  documents: 'documents',
  rate: 'rate',
  perSecond: '/s',
  eta: 'ETA ≤',
  queue: 'queue',
  failures: 'failures',
  skipped: 'skipped',
  current: 'fetching',
  elapsed: 'elapsed',
  items: 'Items',
  hubFound: 'ITA/OIT hub page found',
  browserMissing: 'browser unavailable',
  crawlDone: 'crawl finished',
  score: 'Score',
  passedOf: (passed, total) => `${passed}/${total} items pass`,
  incomplete: 'INCOMPLETE: the scan stopped before every item was checked',
  groups: 'Groups',
  colId: 'Item',
  colTitle: 'Title',
  colStatus: 'Status',
  colEvidence: 'Evidence URL',
  filter: 'filter',
  filters: { all: 'all', fail: 'fail', partial: 'partial', manual: 'manual' },
  noItems: '(no items match this filter)',
  keysReport: '↑/↓ j/k move · Enter detail · f filter · o open · q quit',
  keysDetail: 'Esc/Backspace back · o open · q quit',
  reportsWritten: 'Reports written to',
  openHint: 'Open the evidence with:',
  noEvidence: 'No evidence URL for this item.',
  components: 'Components',
  evidence: 'Evidence',
  reason: 'Reason',
  fix: 'How to fix',
  confidence: 'confidence',
  note: 'Note',
  unconfirmed: 'wording not confirmed by a source',
  window: 'period',
  foundOn: 'found on',
  status: { pass: 'pass', partial: 'partial', fail: 'fail', manual: 'manual', 'not-checked': 'not checked' },
  pending: 'pending',
  stopped: {
    complete: 'complete',
    budget: 'page budget reached',
    'early-stop': 'stopped early: every item resolved',
    interrupted: 'interrupted',
    unreachable: 'site unreachable',
    timeout: 'time limit reached',
  },
  agency: 'Agency',
  progress: 'Progress',
  waiting: 'waiting',
  done: 'done',
  error: 'error',
  siteUnreachable: 'Site unreachable',
};

const TH: Labels = {
  site: 'เว็บไซต์',
  checklist: 'แบบตรวจ',
  fiscalYear: 'ปีงบ',
  render: 'เรนเดอร์',
  pages: 'หน้า',
  documents: 'เอกสาร',
  rate: 'อัตรา',
  perSecond: '/วิ',
  eta: 'เหลือไม่เกิน',
  queue: 'คิว',
  failures: 'ล้มเหลว',
  skipped: 'ข้าม',
  current: 'กำลังดึง',
  elapsed: 'เวลา',
  items: 'ข้อ',
  hubFound: 'พบหน้ารวมข้อมูล ITA/OIT',
  browserMissing: 'ใช้เบราว์เซอร์ไม่ได้',
  crawlDone: 'ตรวจเว็บไซต์เสร็จ',
  score: 'คะแนน',
  passedOf: (passed, total) => `ผ่าน ${passed}/${total} ข้อ`,
  incomplete: 'ไม่ครบ: การสแกนหยุดก่อนตรวจครบทุกข้อ',
  groups: 'ตัวชี้วัด',
  colId: 'ข้อ',
  colTitle: 'ชื่อข้อ',
  colStatus: 'ผล',
  colEvidence: 'URL หลักฐาน',
  filter: 'กรอง',
  filters: { all: 'ทั้งหมด', fail: 'ไม่ผ่าน', partial: 'ผ่านบางส่วน', manual: 'ตรวจเอง' },
  noItems: '(ไม่มีข้อที่ตรงกับตัวกรอง)',
  keysReport: '↑/↓ j/k เลื่อน · Enter รายละเอียด · f กรอง · o เปิด · q ออก',
  keysDetail: 'Esc/Backspace กลับ · o เปิด · q ออก',
  reportsWritten: 'บันทึกรายงานไว้ที่',
  openHint: 'เปิดหลักฐานด้วยคำสั่ง:',
  noEvidence: 'ข้อนี้ไม่มี URL หลักฐาน',
  components: 'องค์ประกอบ',
  evidence: 'หลักฐาน',
  reason: 'เหตุผล',
  fix: 'วิธีแก้',
  confidence: 'ความมั่นใจ',
  note: 'หมายเหตุ',
  unconfirmed: 'ถ้อยคำของข้อนี้ยังไม่ยืนยันจากแหล่งที่มา',
  window: 'ช่วงเวลา',
  foundOn: 'พบที่',
  status: { pass: 'ผ่าน', partial: 'บางส่วน', fail: 'ไม่ผ่าน', manual: 'ตรวจเอง', 'not-checked': 'ยังไม่ตรวจ' },
  pending: 'รอผล',
  stopped: {
    complete: 'ครบ',
    budget: 'ครบจำนวนหน้าที่กำหนด',
    'early-stop': 'หยุดก่อน: ได้ผลครบทุกข้อแล้ว',
    interrupted: 'ถูกขัดจังหวะ',
    unreachable: 'เข้าเว็บไซต์ไม่ได้',
    timeout: 'หมดเวลา',
  },
  agency: 'หน่วยงาน',
  progress: 'ความคืบหน้า',
  waiting: 'รอ',
  done: 'เสร็จ',
  error: 'ผิดพลาด',
  siteUnreachable: 'เข้าเว็บไซต์ไม่ได้',
};

export function labelsFor(lang: Lang): Labels {
  return lang === 'th' ? TH : EN;
}

/** one ASCII-width mark per status, so the grid reads without colour too */
export const STATUS_MARK: Record<ItemStatus | 'pending', string> = {
  pass: '✓',
  partial: '~',
  fail: '✗',
  manual: '?',
  'not-checked': '-',
  pending: '.',
};

/** Ink colour names per status */
export const STATUS_COLOR: Record<ItemStatus | 'pending', string> = {
  pass: 'green',
  partial: 'yellow',
  fail: 'red',
  manual: 'cyan',
  'not-checked': 'gray',
  pending: 'gray',
};
