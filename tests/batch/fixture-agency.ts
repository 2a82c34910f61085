// A tiny agency website and a three-item checklist, for batch, history and bench runs.
// The site is served by the fixture server's routes; `variant` changes its pages between scans.
import type { ServerResponse } from 'node:http';
import { Checklist } from '../../src/checklist/schema.ts';
import type { RouteHandler } from '../helpers/fixture-server.ts';

export const miniChecklist: Checklist = Checklist.parse({
  id: 'mini-test',
  framework: 'ITA',
  fiscalYear: 2568,
  version: '1',
  title: { th: 'รายการทดสอบ', en: 'Test checklist' },
  status: 'confirmed',
  sources: ['tests/batch/fixture-agency.ts'],
  groups: [{ id: 'info', title: { th: 'ข้อมูลพื้นฐาน', en: 'Basic information' } }],
  items: [
    {
      id: 'O1',
      title: { th: 'โครงสร้าง', en: 'Structure' },
      group: 'info',
      locate: { linkText: ['โครงสร้างหน่วยงาน', 'แผนผังองค์กร'], urlPatterns: ['structure'] },
      components: [{ id: 'chart', text: { th: 'แผนผังโครงสร้าง', en: 'Org chart' }, check: { kind: 'keyword', any: ['แผนผังโครงสร้างส่วนราชการ'], scope: 'page' } }],
    },
    {
      id: 'O2',
      title: { th: 'ข้อมูลผู้บริหาร', en: 'Executives' },
      group: 'info',
      locate: { linkText: ['ข้อมูลผู้บริหาร', 'คณะผู้บริหาร'], urlPatterns: ['executives'] },
      components: [{ id: 'names', text: { th: 'ชื่อผู้บริหาร', en: 'Executive names' }, check: { kind: 'keyword', any: ['นายกเทศมนตรีตำบล'], scope: 'page' } }],
    },
    {
      id: 'O3',
      title: { th: 'ข้อมูลการติดต่อ', en: 'Contact' },
      group: 'info',
      locate: { linkText: ['ข้อมูลการติดต่อ', 'ติดต่อเรา'], urlPatterns: ['contact'] },
      components: [{ id: 'phone', text: { th: 'หมายเลขโทรศัพท์', en: 'Phone number' }, check: { kind: 'phone', scope: 'page' } }],
    },
  ],
});

export interface AgencySiteState {
  /** the agency's name, on every page */
  name: string;
  /** O1's structure page answers 404 */
  structureGone?: boolean;
  /** the executives page moved to a new URL (the hub links there) */
  executivesMoved?: boolean;
  /** the executives page no longer names the mayor */
  executivesEmpty?: boolean;
  /** the contact page has a phone number */
  contactHasPhone?: boolean;
}

function page(res: ServerResponse, title: string, body: string, status = 200): void {
  res.writeHead(status, { 'content-type': 'text/html; charset=utf-8' });
  res.end(`<!doctype html><html lang="th"><head><meta charset="utf-8"><title>${title}</title></head><body><h1>${title}</h1>${body}</body></html>`);
}

/** Routes for one agency site under `prefix` ('' or '/a3'); `state()` is read on every request. */
export function agencySiteRoutes(state: () => AgencySiteState, prefix = ''): Record<string, RouteHandler> {
  const execPath = () => `${prefix}/${state().executivesMoved ? 'executives-2568.html' : 'executives.html'}`;
  const routes: Record<string, RouteHandler> = {
    [`${prefix}/`]: (_req, res) =>
      page(
        res,
        state().name,
        `<nav><a href="${prefix}/">หน้าแรก</a> <a href="${prefix}/oit.html">การเปิดเผยข้อมูลสาธารณะ (OIT)</a> <a href="${prefix}/news.html">ข่าวประชาสัมพันธ์</a></nav><p>ยินดีต้อนรับสู่ ${state().name}</p>`,
      ),
    [`${prefix}/oit.html`]: (_req, res) =>
      page(
        res,
        'การเปิดเผยข้อมูลสาธารณะ (OIT) ประจำปีงบประมาณ พ.ศ. 2568',
        `<table><tr><th>ข้อ</th><th>รายการ</th><th>ลิงก์</th></tr>
<tr><td>O1</td><td>โครงสร้างหน่วยงาน</td><td><a href="${prefix}/structure.html">โครงสร้างหน่วยงาน</a></td></tr>
<tr><td>O2</td><td>ข้อมูลผู้บริหาร</td><td><a href="${execPath()}">ข้อมูลผู้บริหาร</a></td></tr>
<tr><td>O3</td><td>ข้อมูลการติดต่อ</td><td><a href="${prefix}/contact.html">ข้อมูลการติดต่อ</a></td></tr></table>`,
      ),
    [`${prefix}/structure.html`]: (_req, res) =>
      state().structureGone
        ? page(res, '404 Not Found', '<p>ไม่พบหน้าที่ต้องการ</p>', 404)
        : page(res, 'โครงสร้างหน่วยงาน', '<p>แผนผังโครงสร้างส่วนราชการ ของหน่วยงาน</p>'),
    [`${prefix}/news.html`]: (_req, res) => page(res, 'ข่าวประชาสัมพันธ์', '<p>ข่าวกิจกรรมประจำเดือน</p>'),
    [`${prefix}/contact.html`]: (_req, res) =>
      page(res, 'ข้อมูลการติดต่อ', state().contactHasPhone ? '<p>สำนักงาน โทรศัพท์ 02-123-4567 ในวันและเวลาราชการ</p>' : '<p>ติดต่อได้ที่สำนักงานในวันและเวลาราชการ</p>'),
  };
  const executives: RouteHandler = (req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path !== execPath()) return page(res, '404 Not Found', '<p>ไม่พบหน้าที่ต้องการ</p>', 404);
    page(res, 'ข้อมูลผู้บริหาร', state().executivesEmpty ? '<p>อยู่ระหว่างปรับปรุงข้อมูล</p>' : '<p>นายสมชาย ใจดี นายกเทศมนตรีตำบล</p>');
  };
  routes[`${prefix}/executives.html`] = executives;
  routes[`${prefix}/executives-2568.html`] = executives;
  return routes;
}

/** The crawl options every test scan uses: HTTP only, small, fast. */
export const testCrawlOptions = { render: 'never', maxPages: 20, maxDepth: 4, retries: 0, timeoutMs: 5000, connectTimeoutMs: 2000, ignoreRobots: true } as const;
