import { describe, expect, it } from 'vitest';
import { checkPage, link, page } from './builders.ts';

describe('phone', () => {
  it('passes on Thai formats with Arabic or Thai digits', () => {
    for (const text of ['โทรศัพท์ 0-2123-4567', 'โทร. 02 123 4567', 'ติดต่อ 0 3845 1234', 'มือถือ 081-234-5678', 'โทร ๐-๒๑๒๓-๔๕๖๗', 'Tel. +66 2 123 4567']) {
      const r = checkPage({ kind: 'phone' }, { text });
      expect(r.status, text).toBe('pass');
    }
  });
  it('passes on a tel: link', () => {
    expect(checkPage({ kind: 'phone' }, { links: [link('tel:021234567', 'โทรหาเรา')] }).status).toBe('pass');
  });
  it('fails on amounts, years, ids and a fax-only number', () => {
    for (const text of ['งบประมาณ 1,234,567 บาท ปี 2566', 'เลขประจำตัว 3 1234 56789 01 2', 'โทรสาร 0-2123-4567']) {
      expect(checkPage({ kind: 'phone' }, { text }).status, text).toBe('fail');
    }
  });
  it('finds the number in the site footer too', () => {
    const footer = 'องค์การบริหารส่วนตำบลตัวอย่าง\nโทร 0-2123-4567';
    const pages = [1, 2, 3, 4, 5].map((n) => page(`/p${n}`, { text: `หน้า ${n}\n${footer}` }));
    expect(checkPage({ kind: 'phone' }, { text: `ติดต่อเรา\n${footer}` }, { pages }).status).toBe('pass');
  });
});

describe('fax', () => {
  it('passes when a number is labelled โทรสาร / แฟกซ์ / Fax, also shared with the phone', () => {
    for (const text of ['โทรสาร ๐ ๒๑๒๓ ๔๕๖๘', 'แฟกซ์: 02-123-4568', 'Fax 0 2123 4568', 'โทรศัพท์/โทรสาร 0-3845-1234']) {
      expect(checkPage({ kind: 'fax' }, { text }).status, text).toBe('pass');
    }
  });
  it('fails when only a telephone number is given', () => {
    const r = checkPage({ kind: 'fax' }, { text: 'โทรศัพท์ 0-2123-4567' });
    expect(r.status).toBe('fail');
    expect(r.detail.en).toMatch(/fax/);
  });
});

describe('email', () => {
  it('passes on text, obfuscated and mailto: addresses', () => {
    expect(checkPage({ kind: 'email' }, { text: 'อีเมล saraban@example.go.th' }).status).toBe('pass');
    expect(checkPage({ kind: 'email' }, { text: 'E-mail: info[at]example.go.th' }).status).toBe('pass');
    expect(checkPage({ kind: 'email' }, { links: [link('mailto:contact@example.go.th', 'ส่งอีเมล')] }).status).toBe('pass');
  });
  it('fails without one', () => {
    expect(checkPage({ kind: 'email' }, { text: 'ติดต่อ @example ทางไลน์' }).status).toBe('fail');
  });
});

describe('address', () => {
  it('passes on a Thai postal address, abbreviated or not, Thai digits too', () => {
    for (const text of [
      '99 หมู่ที่ 5 ตำบลบางเสาธง อำเภอบางเสาธง จังหวัดสมุทรปราการ 10570',
      'เลขที่ 99 ม.5 ต.บางเสาธง อ.บางเสาธง จ.สมุทรปราการ ๑๐๕๗๐',
      '123 ถนนพหลโยธิน แขวงลาดยาว เขตจตุจักร กรุงเทพมหานคร 10900',
    ]) {
      expect(checkPage({ kind: 'address' }, { text }).status, text).toBe('pass');
    }
  });
  it('fails on a bare 5-digit amount or a place name without a postcode', () => {
    expect(checkPage({ kind: 'address' }, { text: 'งบประมาณ 50000 บาท' }).status).toBe('fail');
    expect(checkPage({ kind: 'address' }, { text: 'ตำบลบางเสาธง อำเภอบางเสาธง' }).status).toBe('fail');
  });
});

describe('map', () => {
  it('passes on a Google Maps iframe or a maps link', () => {
    expect(checkPage({ kind: 'map' }, { iframes: [{ src: 'https://www.google.com/maps/embed?pb=!1m18', title: '' }] }).status).toBe('pass');
    expect(checkPage({ kind: 'map' }, { links: [link('https://maps.app.goo.gl/AbC123', 'แผนที่')] }).status).toBe('pass');
  });
  it('fails on a plain Google link or a YouTube iframe', () => {
    const r = checkPage({ kind: 'map' }, { links: [link('https://www.google.com/search?q=map', 'แผนที่')], iframes: [{ src: 'https://www.youtube.com/embed/x', title: '' }] });
    expect(r.status).toBe('fail');
  });
});

describe('social-link', () => {
  it('counts distinct accounts, not share buttons', () => {
    const links = [
      link('https://www.facebook.com/sharer/sharer.php?u=x', 'แชร์'),
      link('https://twitter.com/intent/tweet?url=x', 'Tweet'),
      link('https://social-plugins.line.me/lineit/share?url=x', 'LINE'),
    ];
    expect(checkPage({ kind: 'social-link' }, { links }).status).toBe('fail');
    const withAccounts = [...links, link('https://www.facebook.com/AbtExample', 'Facebook'), link('https://www.youtube.com/@abtexample', 'YouTube')];
    const r = checkPage({ kind: 'social-link', min: 2 }, { links: withAccounts });
    expect(r.status).toBe('pass');
    expect(r.detail.en).toContain('2');
    expect(checkPage({ kind: 'social-link', min: 3 }, { links: withAccounts }).status).toBe('fail');
  });
  it('accepts a Facebook page plugin iframe and restricts to given hosts', () => {
    const iframes = [{ src: 'https://www.facebook.com/plugins/page.php?href=https%3A%2F%2Fwww.facebook.com%2FAbtExample', title: '' }];
    expect(checkPage({ kind: 'social-link' }, { iframes }).status).toBe('pass');
    expect(checkPage({ kind: 'social-link', hosts: ['line.me'] }, { iframes }).status).toBe('fail');
  });
});

describe('link-to-host', () => {
  it('passes on a link to the host or a sub-domain, fails otherwise', () => {
    const ok = checkPage({ kind: 'link-to-host', hosts: ['nacc.go.th'] }, { links: [link('https://wbs.nacc.go.th/', 'ร้องเรียน')] });
    expect(ok.status).toBe('pass');
    const bad = checkPage({ kind: 'link-to-host', hosts: ['itas.nacc.go.th'] }, { links: [link('https://itas.nacc.go.th.evil.example/', 'ITAS')] });
    expect(bad.status).toBe('fail');
  });
});
