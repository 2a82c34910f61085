// Near-misses found by blind held-out sites: each once gave a false pass.
import { describe, it, expect } from 'vitest';
import { audit } from '../../src/audit/audit.ts';
import { checkPage, checklist, component, doc, link, page, snapshot } from './builders.ts';

describe('time windows: what the evidence itself states decides', () => {
  it('a page stamp ("ปรับปรุงล่าสุด") is not a news entry nor a year of the content', () => {
    const text = 'ข่าวประชาสัมพันธ์\n12 ส.ค. 2565 ประชุมสภา\n3 ก.ย. 2565 กิจกรรมวันแม่\nปรับปรุงหน้านี้ล่าสุด 5 ม.ค. 2566';
    expect(checkPage({ kind: 'min-count', of: 'dated-entries', min: 1, window: 'current' }, { title: 'ข่าว', text }).status).toBe('fail');
    expect(checkPage({ kind: 'fiscal-year', window: 'current' }, { title: 'ข่าว', text }).status).toBe('fail');
    const fresh = 'ข่าวประชาสัมพันธ์\n12 ม.ค. 2566 ประชุมสภา';
    expect(checkPage({ kind: 'min-count', of: 'dated-entries', min: 1, window: 'current' }, { title: 'ข่าว', text: fresh }).status).toBe('pass');
  });

  it("next year's plan signed this year is next year's plan", () => {
    const text = 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2567\nโครงการ งบประมาณ ระยะเวลา\nประกาศ ณ วันที่ 25 กันยายน พ.ศ. 2566';
    const r = checkPage({ kind: 'fiscal-year', window: 'current' }, { title: 'แผน', text });
    expect(r.status).toBe('fail');
    const own = 'แผนการดำเนินงาน ประจำปีงบประมาณ พ.ศ. 2566\nประกาศ ณ วันที่ 20 ตุลาคม พ.ศ. 2565';
    expect(checkPage({ kind: 'fiscal-year', window: 'current' }, { title: 'แผน', text: own }).status).toBe('pass');
  });

  it('the second six months are not the first', () => {
    const second = 'รายงานการกำกับติดตาม ปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือนหลัง (1 เมษายน 2566 – 30 กันยายน 2566)';
    expect(checkPage({ kind: 'fiscal-year', window: 'first-half' }, { title: 'รายงาน', text: second }).status).toBe('fail');
    const first = 'รายงานการกำกับติดตาม ปีงบประมาณ พ.ศ. 2566 รอบ 6 เดือน (1 ตุลาคม 2565 – 31 มีนาคม 2566)';
    expect(checkPage({ kind: 'fiscal-year', window: 'first-half' }, { title: 'รายงาน', text: first }).status).toBe('pass');
    const signedLater = 'รายงานผล รอบ 6 เดือน ปีงบประมาณ พ.ศ. 2566\nลงวันที่ 20 เมษายน 2566';
    expect(checkPage({ kind: 'fiscal-year', window: 'first-half' }, { title: 'รายงาน', text: signedLater }).status).toBe('pass');
  });
});

describe('evidence that is not there', () => {
  const list = checklist([
    {
      id: 'O10',
      linkText: ['นโยบายคุ้มครองข้อมูลส่วนบุคคล'],
      components: [
        component('policy', { kind: 'keyword', any: ['นโยบายคุ้มครองข้อมูลส่วนบุคคล'] }),
        component('in-year', { kind: 'fiscal-year', window: 'current' }),
      ],
    },
  ]);

  it('a page that says "อยู่ระหว่างจัดทำ" is never a pass', () => {
    const snap = snapshot({
      pages: [
        page('/', { title: 'หน้าแรก', links: [link('/pdpa.html', 'นโยบายคุ้มครองข้อมูลส่วนบุคคล')] }),
        page('/pdpa.html', { title: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล (PDPA)', text: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล (PDPA)\nอยู่ระหว่างจัดทำ\nข้อมูล ณ วันที่ 10 มกราคม 2566' }),
      ],
    });
    const item = audit(snap, list, 2566).items[0]!;
    expect(item.status).toBe('fail');
    expect(item.submitUrls).toEqual([]);
    expect(item.reason.en).toMatch(/still being prepared/);
  });

  it('a real policy page passes', () => {
    const snap = snapshot({
      pages: [
        page('/', { title: 'หน้าแรก', links: [link('/pdpa.html', 'นโยบายคุ้มครองข้อมูลส่วนบุคคล')] }),
        page('/pdpa.html', { title: 'นโยบายคุ้มครองข้อมูลส่วนบุคคล', text: 'ประกาศ อบต. เรื่อง นโยบายคุ้มครองข้อมูลส่วนบุคคล\nประกาศ ณ วันที่ 10 มกราคม 2566' }),
      ],
      documents: [doc('/unused.pdf')],
    });
    expect(audit(snap, list, 2566).items[0]!.status).toBe('pass');
  });
});

describe('a corruption channel must be separate from the general one', () => {
  const form = (action: string) => ({ action, method: 'post', fields: ['ชื่อ', 'เรื่อง', 'รายละเอียด'], hasTextarea: true, text: 'ประเภท: ร้องทุกข์ ขอความช่วยเหลือ อื่นๆ ส่ง' });
  it('the general form under a corruption title does not count; a form of its own does', () => {
    const general = page('/complaint.html', { title: 'ร้องเรียนร้องทุกข์', forms: [form('http://127.0.0.1:8080/send.php')] });
    const reused = checkPage({ kind: 'corruption-channel' }, { title: 'ร้องเรียนการทุจริต', forms: [form('http://127.0.0.1:8080/send.php')] }, { pages: [general] });
    expect(reused.status).not.toBe('pass');
    const own = checkPage({ kind: 'corruption-channel' }, { title: 'ร้องเรียนการทุจริต', forms: [form('http://127.0.0.1:8080/corruption.php')] }, { pages: [general] });
    expect(own.status).toBe('pass');
  });
});
