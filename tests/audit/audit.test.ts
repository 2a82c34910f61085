import { describe, expect, it } from 'vitest';
import { audit } from '../../src/audit/audit.ts';
import { AuditResult } from '../../src/audit/result.ts';
import { checklist, component, doc, link, page, snapshot, u } from './builders.ts';

const list = checklist([
  {
    id: 'O1', title: 'โครงสร้าง', group: '9.1', linkText: ['โครงสร้าง'],
    components: [component('chart', { kind: 'keyword', any: ['แผนผังโครงสร้าง', 'โครงสร้างส่วนราชการ'] })],
  },
  {
    id: 'O5', title: 'ข้อมูลการติดต่อ', group: '9.1', linkText: ['ติดต่อเรา'],
    components: [
      component('address', { kind: 'address' }),
      component('phone', { kind: 'phone' }),
      component('email', { kind: 'email' }),
    ],
  },
  {
    id: 'O19', title: 'แผนการจัดซื้อจัดจ้าง', group: '9.2', linkText: ['แผนการจัดซื้อจัดจ้าง'], window: 'current',
    components: [
      component('plan', { kind: 'keyword', any: ['แผนการจัดซื้อจัดจ้าง'] }),
      component('year', { kind: 'fiscal-year', window: 'current' }),
    ],
  },
  {
    id: 'O31', title: 'No Gift Policy', group: '9.2', linkText: ['No Gift Policy'],
    components: [
      component('declare', { kind: 'keyword', any: ['ประกาศเจตนารมณ์'] }),
      component('signed', { kind: 'manual', reason: { th: 'ลายมือชื่อผู้บริหาร', en: 'signature of the executive' } }),
    ],
  },
  {
    id: 'O8', title: 'Q&A', group: '9.1', linkText: ['ถาม-ตอบ', 'Q&A'],
    components: [component('channel', { kind: 'two-way-channel' })],
  },
]);

function site(over: { o19Year?: string; o5Email?: boolean; o1Link?: string; o8?: 'missing' | 'drive' } = {}) {
  const hub = page('/ita', {
    title: 'ITA 2566 การเปิดเผยข้อมูลสาธารณะ',
    links: [
      link(over.o1Link ?? '/org', 'O1 โครงสร้าง'),
      link('/contact', 'O5 ข้อมูลการติดต่อ'),
      link('/plan.pdf', 'ดาวน์โหลด', { context: 'O19 แผนการจัดซื้อจัดจ้าง ดาวน์โหลด' }),
      link('/nogift', 'O31 ประกาศเจตนารมณ์ No Gift Policy'),
      ...(over.o8 === 'drive' ? [link('https://drive.google.com/file/d/xyz/view', 'O8 Q&A')] : []),
    ],
  });
  return snapshot({
    hubUrls: ['/ita'],
    pages: [
      hub,
      page('/org', { title: 'โครงสร้าง', text: 'แผนผังโครงสร้างองค์การบริหารส่วนตำบล', images: [{ src: u('/img/org.jpg'), alt: 'แผนผังโครงสร้าง' }] }),
      page('/contact', { title: 'ติดต่อเรา', text: `99 หมู่ 5 ตำบลบางเสาธง อำเภอบางเสาธง จังหวัดสมุทรปราการ 10570\nโทร 0-2123-4567${over.o5Email === false ? '' : '\nอีเมล saraban@example.go.th'}` }),
      page('/nogift', { title: 'No Gift Policy', text: 'ประกาศเจตนารมณ์ No Gift Policy ประจำปี 2566' }),
    ],
    documents: [doc('/plan.pdf', { text: `ประกาศ แผนการจัดซื้อจัดจ้าง ประจำปีงบประมาณ พ.ศ. ${over.o19Year ?? '๒๕๖๖'}` })],
  });
}

const byId = (r: ReturnType<typeof audit>) => new Map(r.items.map((i) => [i.id, i]));

describe('audit verdicts', () => {
  it('pass, manual (signature), fail (not found) on a good site; result parses with the schema', () => {
    const r = audit(site(), list, 2566);
    expect(() => AuditResult.parse(r)).not.toThrow();
    const items = byId(r);
    expect(items.get('O1')!.status).toBe('pass');
    expect(items.get('O1')!.submitUrls).toEqual([u('/org')]);
    expect(items.get('O1')!.evidence[0]!.matchedBy).toBe('hub');
    expect(items.get('O5')!.status).toBe('pass');
    expect(items.get('O19')!.status).toBe('pass');
    expect(items.get('O19')!.submitUrls).toEqual([u('/plan.pdf')]);
    const o31 = items.get('O31')!;
    expect(o31.status).toBe('manual');
    expect(o31.reason.en).toMatch(/signature/);
    const o8 = items.get('O8')!;
    expect(o8.status).toBe('fail');
    expect(o8.submitUrls).toEqual([]);
    expect(o8.components[0]!.status).toBe('not-checked');
    expect(o8.reason.th).toContain('ไม่พบข้อมูล');
    expect(o8.fix.th).toContain('O8');
    for (const i of r.items) {
      expect(i.confidence).toBeGreaterThanOrEqual(0);
      expect(i.confidence).toBeLessThanOrEqual(1);
      expect(i.reason.th.length).toBeGreaterThan(0);
      expect(i.fix.en.length).toBeGreaterThan(0);
    }
  });

  it('partial when a component is missing, naming it in the reason and the fix', () => {
    const o5 = byId(audit(site({ o5Email: false }), list, 2566)).get('O5')!;
    expect(o5.status).toBe('partial');
    expect(o5.components.find((c) => c.id === 'email')!.status).toBe('fail');
    expect(o5.reason.en).toMatch(/missing/);
    expect(o5.fix.th).toContain('email');
  });

  it('fail with "wrong fiscal year" when the plan is from 2565', () => {
    const o19 = byId(audit(site({ o19Year: '2565' }), list, 2566)).get('O19')!;
    expect(o19.status).toBe('fail');
    expect(o19.reason.en).toMatch(/wrong fiscal year/);
    expect(o19.fix.th).toContain('2566');
    // the same site audited for FY 2565 passes
    expect(byId(audit(site({ o19Year: '2565' }), list, 2565)).get('O19')!.status).toBe('pass');
  });

  it('fail for a "#" or javascript: hub link, with a dead-link reason', () => {
    const snap = site({ o1Link: '#' });
    // remove the page that would otherwise be found by its title
    snap.pages = snap.pages.filter((p) => !p.url.endsWith('/org'));
    const o1 = byId(audit(snap, list, 2566)).get('O1')!;
    expect(o1.status).toBe('fail');
    expect(o1.reason.en).toMatch(/dead link/);
    expect(o1.submitUrls).toEqual([]);
  });

  it('manual when the evidence is a Google Drive link that cannot be opened', () => {
    const o8 = byId(audit(site({ o8: 'drive' }), list, 2566)).get('O8')!;
    // a two-way channel cannot be a Drive file: judged from the link, it is missing
    expect(['partial', 'manual']).toContain(o8.status);
    expect(o8.evidence[0]!.kind).toBe('external');
    const o1List = checklist([{ id: 'O1', linkText: ['โครงสร้าง'], components: [component('chart', { kind: 'keyword', any: ['แผนผังโครงสร้าง'] })] }]);
    const snap = snapshot({ hubUrls: ['/ita'], pages: [page('/ita', { links: [link('https://drive.google.com/file/d/abc/view', 'O1 โครงสร้าง')] })] });
    const o1 = audit(snap, o1List, 2566).items[0]!;
    expect(o1.status).toBe('manual');
    expect(o1.reason.en).toMatch(/external link/);
    expect(o1.submitUrls).toEqual(['https://drive.google.com/file/d/abc/view']);
  });

  it('manual when the only evidence is a scanned PDF', () => {
    const o1List = checklist([{ id: 'O1', linkText: ['โครงสร้าง'], components: [component('chart', { kind: 'keyword', any: ['แผนผังโครงสร้าง'] })] }]);
    const snap = snapshot({ hubUrls: ['/ita'], pages: [page('/ita', { links: [link('/scan.pdf', 'O1 โครงสร้าง')] })], documents: [doc('/scan.pdf', { textStatus: 'no-text' })] });
    const o1 = audit(snap, o1List, 2566).items[0]!;
    expect(o1.status).toBe('manual');
    expect(o1.reason.en).toMatch(/scan/);
  });

  it('not-checked, never fail, when the site was unreachable or blocked', () => {
    for (const siteStatus of ['unreachable', 'blocked'] as const) {
      const r = audit(snapshot({ siteStatus, siteError: 'ECONNREFUSED', stoppedBecause: 'unreachable' }), list, 2566);
      expect(r.items.every((i) => i.status === 'not-checked')).toBe(true);
      expect(r.score.counts['not-checked']).toBe(list.items.length);
      expect(r.score.counts.fail).toBe(0);
      expect(r.complete).toBe(false);
      expect(() => AuditResult.parse(r)).not.toThrow();
    }
  });

  it('never passes an item with a manual component, whatever else holds', () => {
    const r = audit(site(), list, 2566);
    for (const i of r.items) {
      if (i.components.some((c) => c.kind === 'manual')) expect(i.status).not.toBe('pass');
    }
  });

  it('is pure: same inputs give the same result, snapshot untouched, times from the snapshot', () => {
    const snap = site();
    const before = JSON.stringify(snap);
    const a = audit(snap, list, 2566);
    const b = audit(snap, list, 2566);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    expect(JSON.stringify(snap)).toBe(before);
    expect(a.provenance.crawlStartedAt).toBe(snap.provenance.startedAt);
    expect(a.provenance.crawlFinishedAt).toBe(snap.provenance.finishedAt);
    expect(a.site).toBe('127.0.0.1');
    expect(a.crawl.hubUrls).toEqual([u('/ita')]);
  });

  it('keeps javascript: and other non-http URLs out of submitUrls', () => {
    const r = audit(site({ o1Link: 'javascript:alert(1)' }), list, 2566);
    for (const i of r.items) for (const s of i.submitUrls) expect(s).toMatch(/^https?:\/\//);
  });
});

describe('audit edge cases', () => {
  const o1List = checklist([{ id: 'O1', linkText: ['โครงสร้าง'], components: [component('chart', { kind: 'keyword', any: ['แผนผังโครงสร้าง'] }), component('map', { kind: 'map' })] }]);
  it('a hub link to a page the crawl never opened is manual, never pass or fail', () => {
    const snap = snapshot({
      hubUrls: ['/ita'],
      stoppedBecause: 'budget',
      pages: [page('/ita', { links: [link('/org', 'O1 โครงสร้าง')] })],
      skipped: [{ url: u('/org'), reason: 'budget' }],
    });
    const r = audit(snap, o1List, 2566);
    expect(r.items[0]!.status).toBe('manual');
    expect(r.items[0]!.components.every((c) => c.status === 'manual')).toBe(true);
    expect(r.complete).toBe(false);
  });
  it('a menu link to the hub page itself is not evidence', () => {
    const hub = page('/ita', { title: 'ITA โครงสร้าง', links: [] });
    const home = page('/', { links: [link('/ita', 'โครงสร้าง')] });
    const r = audit(snapshot({ hubUrls: ['/ita'], pages: [home, hub] }), o1List, 2566);
    expect(r.items[0]!.status).toBe('fail');
    expect(r.items[0]!.evidence).toEqual([]);
  });
});

describe('hub rows without O-numbers', () => {
  const titles = ['โครงสร้าง', 'ข้อมูลผู้บริหาร', 'อำนาจหน้าที่', 'ข้อมูลการติดต่อ', 'การขับเคลื่อนจริยธรรม', 'การเปิดโอกาสให้เกิดการมีส่วนร่วม'];
  const list5 = checklist(titles.map((title, i) => ({
    id: `O${i + 1}`,
    title,
    linkText: [title],
    components: i === 4
      ? [component('team', { kind: 'keyword', any: ['คณะทำงาน'] }), component('dos', { kind: 'keyword', any: ["Do & Don't"] })]
      : [component('k', { kind: 'keyword', any: [title] })],
  })));
  const row = (title: string, ...links: ReturnType<typeof link>[]) => links.map((l) => ({ ...l, context: `${title} ${links.map((x) => x.text).join(' ')}` }));
  const hubLinks = [
      ...row('โครงสร้าง', link('/o1.pdf', 'แผนผัง')),
      ...row('ข้อมูลผู้บริหาร', link('/o2.pdf', 'คณะผู้บริหาร')),
      ...row('อำนาจหน้าที่', link('/o3.pdf', 'อำนาจหน้าที่')),
      ...row('ข้อมูลการติดต่อ', link('/gone', 'ติดต่อเรา')),
      ...row('การขับเคลื่อนจริยธรรม', link('/order.pdf', 'คำสั่งแต่งตั้งคณะทำงาน'), link('/dos.pdf', "Do & Don't")),
      ...row('การเปิดโอกาสให้เกิดการมีส่วนร่วม', link('https://www.facebook.com/abt/posts/123', 'ภาพกิจกรรม (Facebook)')),
  ];
  const hub = page('/ita2566', {
    title: 'ข้อมูลการเปิดเผยข้อมูลสาธารณะ',
    // the visible text holds the table rows, as the crawler records it
    text: [...new Set(hubLinks.map((l) => l.context))].join('\n'),
    links: hubLinks,
  });
  const snap = snapshot({
    pages: [hub, page('/contact-us', { title: 'ข้อมูลการติดต่อ', text: 'ข้อมูลการติดต่อ' })],
    documents: [
      doc('/o1.pdf', { text: 'โครงสร้าง' }), doc('/o2.pdf', { text: 'ข้อมูลผู้บริหาร' }), doc('/o3.pdf', { text: 'อำนาจหน้าที่' }),
      doc('/order.pdf', { text: 'คำสั่ง แต่งตั้งคณะทำงานขับเคลื่อนจริยธรรม' }), doc('/dos.pdf', { text: "Do & Don't การปฏิบัติตามประมวลจริยธรรม" }),
    ],
    failures: [{ url: u('/gone'), kind: 'http-404', status: 404, message: '', attempts: 1 }],
  });
  const r = byId(audit(snap, list5, 2566));

  it('a page naming five items by title is read as a hub: each row is the item\'s own link', () => {
    expect(r.get('O1')!.status).toBe('pass');
    expect(r.get('O1')!.evidence[0]!.matchedBy).toBe('hub');
  });
  it('the links of one row are one piece of evidence (both documents count)', () => {
    const o5 = r.get('O5')!;
    expect(o5.status).toBe('pass');
    expect(o5.submitUrls).toEqual([u('/order.pdf'), u('/dos.pdf')]);
  });
  it('when the item\'s own hub link is dead, a look-alike page elsewhere does not save it', () => {
    const o4 = r.get('O4')!;
    expect(o4.status).toBe('fail');
    expect(o4.reason.en).toMatch(/dead link/);
    expect(o4.fix.en).toContain(u('/contact-us'));
  });
  it('a Facebook post as the only evidence is manual', () => {
    const o6 = r.get('O6')!;
    expect(o6.status).toBe('manual');
    expect(o6.evidence[0]!.kind).toBe('external');
  });
});
