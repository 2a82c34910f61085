import { describe, expect, it } from 'vitest';
import { checkPage, link, page, runCheckOn, snapshot } from './builders.ts';

const form = (over: Partial<{ action: string; fields: string[]; hasTextarea: boolean; text: string }>) => ({
  action: 'http://127.0.0.1:8080/submit', method: 'post', fields: [], hasTextarea: false, text: '', ...over,
});

describe('two-way-channel', () => {
  it('a one-way FAQ page does not pass', () => {
    const r = checkPage({ kind: 'two-way-channel' }, {
      title: 'คำถามที่พบบ่อย (FAQ)',
      text: 'ถาม: ขอใบอนุญาตได้ที่ไหน\nตอบ: ที่สำนักปลัด\nถาม: เปิดกี่โมง\nตอบ: 08.30 น.',
    });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toMatch(/FAQ/);
  });
  it('a webboard page with a way to post passes', () => {
    const r = checkPage({ kind: 'two-way-channel' }, {
      title: 'เว็บบอร์ด',
      text: 'กระดานถาม-ตอบ\nตั้งกระทู้ใหม่\nกระทู้: สอบถามเรื่องภาษีป้าย ตอบ 2',
    });
    expect(r.status).toBe('pass');
  });
  it('a question form with a text box passes; a search box does not', () => {
    expect(checkPage({ kind: 'two-way-channel' }, { forms: [form({ hasTextarea: true, fields: ['ชื่อ', 'อีเมล', 'คำถาม'], text: 'ส่งคำถามถึงเรา' })] }).status).toBe('pass');
    expect(checkPage({ kind: 'two-way-channel' }, { forms: [form({ fields: ['q'], text: 'ค้นหา' })] }).status).toBe('fail');
  });
  it('Messenger and LINE OA links pass; a LINE share button does not', () => {
    expect(checkPage({ kind: 'two-way-channel' }, { links: [link('https://m.me/abtexample', 'แชทกับเรา')] }).status).toBe('pass');
    expect(checkPage({ kind: 'two-way-channel' }, { links: [link('https://line.me/R/ti/p/@abtexample', 'LINE OA')] }).status).toBe('pass');
    expect(checkPage({ kind: 'two-way-channel' }, { links: [link('https://social-plugins.line.me/lineit/share?url=x', 'LINE')] }).status).toBe('fail');
  });
  it('a link named "กระดานถาม-ตอบ" is judged by the page it opens', () => {
    const staticFaq = page('/qa', { title: 'กระดานถาม-ตอบ', text: 'ถาม: ... ตอบ: ...' });
    const snap = snapshot({ pages: [page('/evidence', { links: [link('/qa', 'กระดานถาม-ตอบ')] }), staticFaq] });
    expect(runCheckOn({ kind: 'two-way-channel' }, snap, '/evidence').status).toBe('fail');
    const board = page('/qa', { title: 'กระดานถาม-ตอบ', text: 'ตั้งกระทู้ใหม่\nกระทู้ล่าสุด' });
    const snap2 = snapshot({ pages: [page('/evidence', { links: [link('/qa', 'กระดานถาม-ตอบ')] }), board] });
    expect(runCheckOn({ kind: 'two-way-channel' }, snap2, '/evidence').status).toBe('pass');
  });
});

describe('online-service', () => {
  it('a page titled E-Service with no form or service link fails', () => {
    const r = checkPage({ kind: 'online-service' }, { title: 'E-Service', text: 'E-Service บริการออนไลน์ ขออภัย อยู่ระหว่างปรับปรุง', links: [link('/evidence', 'E-Service')] });
    expect(r.status).toBe('fail');
  });
  it('a request form with fields passes; a login form does not', () => {
    expect(checkPage({ kind: 'online-service' }, { forms: [form({ fields: ['ชื่อ-สกุล', 'เลขบัตรประชาชน', 'เรื่องที่ขอ'], text: 'ยื่นคำร้องออนไลน์' })] }).status).toBe('pass');
    expect(checkPage({ kind: 'online-service' }, { forms: [form({ fields: ['username', 'password'], text: 'เข้าสู่ระบบ' })] }).status).toBe('fail');
  });
  it('a Google Forms link passes', () => {
    expect(checkPage({ kind: 'online-service' }, { links: [link('https://forms.gle/AbCdEf123', 'แบบคำร้องขอรับบริการ')] }).status).toBe('pass');
    expect(checkPage({ kind: 'online-service' }, { links: [link('https://docs.google.com/forms/d/e/1FAIpQL/viewform', 'คำร้อง')] }).status).toBe('pass');
  });
  it('a named link to a service system off the crawl passes; to a PDF it does not', () => {
    expect(checkPage({ kind: 'online-service' }, { links: [link('https://eservice.example.go.th/app', 'ระบบ E-Service')] }).status).toBe('pass');
    expect(checkPage({ kind: 'online-service' }, { links: [link('https://other.example.org/e-service-manual.pdf', 'คู่มือ E-Service')] }).status).toBe('fail');
  });
});

describe('corruption-channel', () => {
  it('a general complaint form alone fails with a "general" reason', () => {
    const r = checkPage({ kind: 'corruption-channel' }, {
      title: 'ร้องเรียน/ร้องทุกข์',
      text: 'แจ้งเรื่องร้องเรียนร้องทุกข์ทั่วไป',
      forms: [form({ fields: ['ชื่อ', 'เรื่อง', 'รายละเอียด'], hasTextarea: true, text: 'ร้องเรียนร้องทุกข์' })],
    });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toMatch(/general complaint/);
  });
  it('a corruption complaint form passes', () => {
    const r = checkPage({ kind: 'corruption-channel' }, {
      title: 'ช่องทางแจ้งเรื่องร้องเรียนการทุจริตและประพฤติมิชอบ',
      forms: [form({ fields: ['ชื่อ', 'ผู้ถูกร้อง', 'รายละเอียด'], hasTextarea: true, text: 'แจ้งเบาะแสการทุจริต' })],
    });
    expect(r.status).toBe('pass');
  });
  it('a link to the NACC whistle-blowing system passes; to the NACC home page alone it does not', () => {
    expect(checkPage({ kind: 'corruption-channel' }, { links: [link('https://wbs.nacc.go.th/', 'ร้องเรียน ป.ป.ช.')] }).status).toBe('pass');
    expect(checkPage({ kind: 'corruption-channel' }, { links: [link('https://www.nacc.go.th/', 'สำนักงาน ป.ป.ช.')] }).status).toBe('fail');
  });
});
