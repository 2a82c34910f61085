import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Checklist } from '../../src/checklist/schema.ts';
import { audit } from '../../src/audit/audit.ts';
import { doc, link, page, snapshot, u } from './builders.ts';
const ita = Checklist.parse(parse(readFileSync(new URL('../../checklists/ita-2566.yaml', import.meta.url), 'utf8')));
const pick = (ids: string[]) => ({ ...ita, items: ita.items.filter((i) => ids.includes(i.id)) });
const snap = snapshot({
  hubUrls: ['/ita'],
  pages: [
    page('/ita', { title: 'ITA 2566', links: [
      link('/contact', 'O5 ข้อมูลการติดต่อ'), link('/board', 'O8 Q&A'), link('/d/plan65.pdf', 'ดาวน์โหลด', { context: 'O19 แผนการจัดซื้อจัดจ้าง ดาวน์โหลด' }),
      link('/complain', 'O28 ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ'), link('/o43', 'O43 การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน'),
      link('/news', 'O7 ข่าวประชาสัมพันธ์'), link('/o12.pdf', 'O12 รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณประจำปี รอบ 6 เดือน') ] }),
    page('/contact', { title: 'ติดต่อเรา', text: 'องค์การบริหารส่วนตำบลตัวอย่าง\n99 หมู่ 5 ตำบลบางเสาธง อำเภอบางเสาธง จังหวัดสมุทรปราการ 10570\nโทรศัพท์ 0-2123-4567 โทรสาร 0-2123-4568\nอีเมล saraban@example.go.th', iframes: [{ src: 'https://www.google.com/maps/embed?pb=x', title: 'แผนที่' }] }),
    page('/board', { title: 'กระดานถาม-ตอบ', text: 'เว็บบอร์ด\nตั้งกระทู้ใหม่\nกระทู้: สอบถามเรื่องภาษี', forms: [{ action: u('/board/post'), method: 'post', fields: ['ชื่อ', 'หัวข้อ', 'ข้อความ'], hasTextarea: true, text: 'ตั้งกระทู้' }] }),
    page('/complain', { title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ', text: 'แจ้งเรื่องร้องเรียนการทุจริต ผู้ร้องจะได้รับการคุ้มครอง', forms: [{ action: u('/c'), method: 'post', fields: ['ชื่อ', 'เรื่อง', 'รายละเอียด'], hasTextarea: true, text: 'ร้องเรียนการทุจริต' }], links: [link('https://wbs.nacc.go.th/', 'ร้องเรียน ป.ป.ช.')] }),
    page('/o43', { title: 'การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', text: 'รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ พ.ศ. 2566\nร่วมตอบแบบวัด EIT', images: [{ src: u('/qr.png'), alt: 'QR code EIT', qr: 'https://itas.nacc.go.th/go/eit/xyz' }] }),
    page('/news', { title: 'ข่าวประชาสัมพันธ์', links: [link('/n/1', 'ประชุมประชาคม 12 ม.ค. 2566'), link('/n/2', 'กิจกรรมวันเด็ก 14 มกราคม 2566'), link('/n/3', 'ทำบุญ 3 ก.พ. 66')] }),
  ],
  documents: [doc('/d/plan65.pdf', { text: 'ประกาศองค์การบริหารส่วนตำบลตัวอย่าง เรื่อง เผยแพร่แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ๒๕๖๕ รายการ งบประมาณ' }),
    doc('/o12.pdf', { text: 'รายงานการกำกับติดตามการดำเนินงานและการใช้จ่ายงบประมาณ รอบ 6 เดือน (1 ตุลาคม 2565 - 31 มีนาคม 2566) โครงการ ความก้าวหน้า งบประมาณ ไตรมาส' })],
});
describe('the ITA 2566 checklist on a small agency site', () => {
  it('gives the verdict an assessor would', () => {
    const r = audit(snap, pick(['O5', 'O7', 'O8', 'O12', 'O19', 'O28', 'O43', 'O9']), 2566);
    const status = Object.fromEntries(r.items.map((i) => [i.id, i.status]));
    expect(status).toEqual({
      O5: 'pass', // address, phone, fax, e-mail, map on the contact page
      O7: 'pass', // dated news in FY 2566
      O8: 'manual', // a real webboard, but "questions get answers" needs a person
      O12: 'pass', // 6-month report dated 1 Oct 65 – 31 Mar 66
      O19: 'fail', // the procurement plan is FY 2565's
      O28: 'manual', // corruption channel found; whistle-blower protection needs a person
      O43: 'pass', // measures report FY 2566 + QR to itas.nacc.go.th
      O9: 'fail', // no social links anywhere
    });
    const o19 = r.items.find((i) => i.id === 'O19')!;
    expect(o19.reason.en).toMatch(/wrong fiscal year/);
    expect(o19.fix.th).toContain('2566');
    expect(o19.fix.th).toContain(u('/ita'));
    expect(r.items.find((i) => i.id === 'O43')!.submitUrls).toEqual([u('/o43')]);
  });
});
