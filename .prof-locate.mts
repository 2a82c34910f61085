// The audit of a 300-page snapshot against the 43 items of ITA 2566 must take well under a second:
// text is normalised once per snapshot, not once per check.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Checklist } from '/work/main/src/checklist/schema.ts';
import { audit } from '/work/main/src/audit/audit.ts';
import { AuditResult } from '/work/main/src/audit/result.ts';
import { doc, link, page, snapshot } from '/work/main/tests/audit/builders.ts';

const ita2566 = Checklist.parse(parse(readFileSync('/work/main/checklists/ita-2566.yaml', 'utf8')));

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

const snap = bigSite(300);
audit(snapshot({ pages: [page('/')] }), ita2566, 2566);
const c0 = process.cpuUsage();
const t0 = performance.now();
const result = audit(snap, ita2566, 2566);
const c1 = process.cpuUsage(c0);
console.log('ms', performance.now() - t0, 'cpu', (c1.user + c1.system) / 1000, result.items.length);
import { buildSnapshotIndex } from '/work/main/src/audit/snapshot-index.ts';
import { locate } from '/work/main/src/audit/locate.ts';
{
  const index = buildSnapshotIndex(snap);
  index.uniqueLinks();
  for (let k = 0; k < 5; k++) ita2566.items.map((i) => locate(i, index, 2566));
}
