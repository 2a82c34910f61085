// The audit of a 300-page snapshot against the 43 items of ITA 2566 must take well under a second:
// text is normalised once per snapshot, not once per check.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Checklist } from '../../src/checklist/schema.ts';
import { audit } from '../../src/audit/audit.ts';
import { AuditResult } from '../../src/audit/result.ts';
import { doc, link, page, snapshot } from './builders.ts';

const ita2566 = Checklist.parse(parse(readFileSync(new URL('../../checklists/ita-2566.yaml', import.meta.url), 'utf8')));

const MENU = ['หน้าหลัก', 'ประวัติความเป็นมา', 'โครงสร้างส่วนราชการ', 'ผู้บริหาร', 'ข่าวประชาสัมพันธ์', 'ติดต่อเรา', 'กฎหมายที่เกี่ยวข้อง', 'ITA 2566', 'แผนพัฒนาท้องถิ่น', 'จัดซื้อจัดจ้าง'];

function bigSite(pages: number) {
  const menu = MENU.map((t, i) => link(`/menu/${i}`, t));
  const body = 'องค์การบริหารส่วนตำบลตัวอย่าง ข่าวกิจกรรม ประชุมสภา ประจำปีงบประมาณ พ.ศ. 2566 '.repeat(40);
  const list = Array.from({ length: pages }, (_, n) =>
    page(`/p/${n}`, {
      title: `หน้า ${n} ข่าวประชาสัมพันธ์`,
      headings: [`ข่าว ${n}`],
      text: `${MENU.join('\n')}\n${body}\nเผยแพร่ ${1 + (n % 28)} มกราคม 2566\nโทร 0-2123-4567`,
      links: [...menu, ...Array.from({ length: 40 }, (_, k) => link(`/p/${(n + k + 1) % pages}`, `ข่าว ${(n + k + 1) % pages} วันที่ ${1 + (k % 28)} ก.พ. 66`)), link(`/d/${n}.pdf`, `เอกสาร ${n}`)],
      images: [{ src: `http://127.0.0.1:8080/img/${n}.jpg`, alt: `ภาพกิจกรรม ${n}` }],
    }),
  );
  const hub = page('/ita', {
    title: 'ITA 2566',
    links: ita2566.items.map((item, i) => link(`/p/${i * 7}`, `${item.id} ${item.title.th}`)),
  });
  const documents = Array.from({ length: 100 }, (_, n) => doc(`/d/${n}.pdf`, { text: `รายงาน ${n} ประจำปีงบประมาณ 2566 `.repeat(50) }));
  return snapshot({ pages: [hub, ...list], documents, hubUrls: ['/ita'] });
}

describe('audit performance', () => {
  it('audits 300 pages × 43 items well under a second, with a valid result', () => {
    const snap = bigSite(300);
    audit(snapshot({ pages: [page('/')] }), ita2566, 2566); // warm up module code paths
    // CPU time, not wall time: the work done, whatever else the machine is running
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    const result = audit(snap, ita2566, 2566);
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    const cpuMs = (cpu.user + cpu.system) / 1000;
    console.log(`audit of ${snap.pages.length} pages × ${ita2566.items.length} items: ${cpuMs.toFixed(0)} ms CPU, ${wall.toFixed(0)} ms wall`);
    expect(cpuMs).toBeLessThan(1000);
    expect(result.items).toHaveLength(43);
    expect(() => AuditResult.parse(result)).not.toThrow();
    // every item had a hub link, so none is "not found"
    expect(result.items.every((i) => i.evidence.length > 0)).toBe(true);
    // random news pages do not make an item pass its manual components
    expect(result.items.filter((i) => i.components.some((c) => c.kind === 'manual')).every((i) => i.status !== 'pass')).toBe(true);
  });
});
