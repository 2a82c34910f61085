import { describe, expect, it } from 'vitest';
import { buildSnapshotIndex } from '../../src/audit/snapshot-index.ts';
import { locate } from '../../src/audit/locate.ts';
import { itemKey, itemKeyOfLink } from '../../src/audit/item-id.ts';
import { checklist, component, doc, link, page, snapshot, u } from './builders.ts';

const o1 = checklist([
  {
    id: 'O1',
    title: 'โครงสร้าง',
    linkText: ['โครงสร้าง', 'แผนผังองค์กร'],
    urlPatterns: ['structure', 'orgchart'],
    headings: ['แผนภูมิโครงสร้าง'],
    exclude: ['โครงสร้างพื้นฐาน'],
    components: [component('chart', { kind: 'keyword', any: ['โครงสร้าง'] })],
  },
]).items[0]!;

const find = (snap: ReturnType<typeof snapshot>, item = o1) => locate(item, buildSnapshotIndex(snap), 2566);

describe('item ids', () => {
  it('reads the forms agencies write', () => {
    expect(itemKey('O1')).toBe('o1');
    expect(itemKey('MOIT 1')).toBe('moit1');
    for (const text of ['O1', 'O 1', 'o01', 'ข้อ O1', 'O1 :', 'O๑', 'o.1']) {
      expect(itemKeyOfLink({ text, context: '', heading: '' }), text).toBe('o1');
    }
    expect(itemKeyOfLink({ text: 'O10 แผนดำเนินงาน', context: '', heading: '' })).toBe('o10');
    expect(itemKeyOfLink({ text: 'MOIT 1.1 บันทึกข้อความ', context: '', heading: '' })).toBe('moit1');
    expect(itemKeyOfLink({ text: 'photo1', context: '', heading: '' })).toBeUndefined();
  });
  it('takes the row id before the link, else the heading', () => {
    expect(itemKeyOfLink({ text: 'ดาวน์โหลด', context: 'O2 ข้อมูลผู้บริหาร ดาวน์โหลด', heading: 'O1' })).toBe('o2');
    expect(itemKeyOfLink({ text: 'ดาวน์โหลด', context: 'ดาวน์โหลด', heading: 'ข้อ o3 อำนาจหน้าที่' })).toBe('o3');
  });
});

describe('locate', () => {
  it('prefers the hub row naming the item, and keeps the row\'s other links as siblings', () => {
    const hub = page('/ita', {
      title: 'ITA 2566',
      links: [
        link('/doc/org.pdf', 'ดาวน์โหลด', { context: 'O1 โครงสร้าง ดาวน์โหลด รูปภาพ' }),
        link('/doc/org.jpg', 'รูปภาพ', { context: 'O1 โครงสร้าง ดาวน์โหลด รูปภาพ' }),
        link('/doc/exec.pdf', 'ดาวน์โหลด', { context: 'O2 ข้อมูลผู้บริหาร ดาวน์โหลด' }),
        link('/doc/o10.pdf', 'O10 นโยบายคุ้มครองข้อมูลส่วนบุคคล'),
      ],
    });
    const other = page('/about', { title: 'โครงสร้าง', text: 'โครงสร้าง' });
    const snap = snapshot({ pages: [hub, other], hubUrls: ['/ita'], documents: [doc('/doc/org.pdf', { text: 'แผนผังโครงสร้าง' })] });
    const [best, second] = find(snap);
    expect(best!.matchedBy).toBe('hub');
    expect(best!.url).toBe(u('/doc/org.pdf'));
    expect(best!.foundOn).toBe(u('/ita'));
    expect(best!.siblings.map((s) => s.url)).toEqual([u('/doc/org.jpg')]);
    expect(second!.url).toBe(u('/about'));
    expect(find(snap).some((c) => c.url.includes('o10'))).toBe(false);
  });
  it('finds links by text and by URL slug on any page, and pages by title', () => {
    const home = page('/', { links: [link('/about/org', 'แผนผังองค์กร'), link('/x/structure.html', 'เกี่ยวกับเรา')] });
    const snap = snapshot({ pages: [home, page('/about/org'), page('/x/structure.html'), page('/y', { title: 'แผนผังองค์กร' })] });
    const found = find(snap);
    const byUrl = new Map(found.map((c) => [c.url, c]));
    expect(byUrl.get(u('/about/org'))!.matchedBy).toBe('link-text');
    expect(byUrl.get(u('/x/structure.html'))!.ways).toContain('url');
    expect(byUrl.get(u('/y'))!.matchedBy).toBe('title');
    // an exact link text ranks above a slug
    expect(found[0]!.url).toBe(u('/about/org'));
  });
  it('slugs match whole URL pieces only', () => {
    const item = checklist([{ id: 'O7', linkText: ['ข่าวประชาสัมพันธ์'], urlPatterns: ['pr'], components: [component('k', { kind: 'keyword', any: ['ข่าว'] })] }]).items[0]!;
    const snap = snapshot({ pages: [page('/', { links: [link('/programs', 'หลักสูตร'), link('/news/pr', 'ข่าว')] }), page('/programs'), page('/news/pr')] });
    expect(find(snap, item).map((c) => c.url)).toEqual([u('/news/pr')]);
  });
  it('exclude words disqualify a candidate', () => {
    const snap = snapshot({ pages: [page('/', { links: [link('/infra', 'โครงสร้างพื้นฐาน')] }), page('/infra', { title: 'โครงสร้างพื้นฐาน' })] });
    expect(find(snap)).toEqual([]);
  });
  it('a hub row whose only link is "#" or javascript: is a dead candidate', () => {
    const hub = page('/ita', { links: [link('#', 'O1 โครงสร้าง'), link('javascript:void(0)', 'O1 (ภาพ)')] });
    const found = find(snapshot({ pages: [hub], hubUrls: ['/ita'] }));
    expect(found).toHaveLength(2);
    expect(found.every((c) => c.resolved.type === 'dead')).toBe(true);
  });
  it('a link to a page that failed (404) is a dead candidate; a Google Drive link is external', () => {
    const hub = page('/ita', { links: [link('/gone', 'O1 โครงสร้าง'), link('https://drive.google.com/file/d/abc/view', 'O2 ผู้บริหาร')] });
    const snap = snapshot({ pages: [hub], hubUrls: ['/ita'], failures: [{ url: u('/gone'), kind: 'http-404', status: 404, message: '', attempts: 1 }] });
    expect(find(snap)[0]!.resolved.type).toBe('failed');
    const o2 = checklist([{ id: 'O2', linkText: ['ผู้บริหาร'], components: [component('k', { kind: 'keyword', any: ['นายก'] })] }]).items[0]!;
    expect(find(snap, o2)[0]!.resolved.type).toBe('external');
  });
  it('a hub page labelled with another year ranks below the audited year\'s hub', () => {
    const old = page('/ita65', { title: 'ITA 2565', links: [link('/o1-65', 'O1 โครงสร้าง')] });
    const cur = page('/ita66', { title: 'ITA 2566', links: [link('/o1-66', 'O1 โครงสร้าง')] });
    const snap = snapshot({ pages: [old, cur, page('/o1-65'), page('/o1-66')], hubUrls: ['/ita65', '/ita66'] });
    expect(find(snap)[0]!.url).toBe(u('/o1-66'));
  });
});

describe('dead links', () => {
  it('a link to a removed page that redirects to the home page is dead, not the home page', () => {
    const home = page('/', { title: 'อบต.ตัวอย่าง', text: 'โครงสร้าง แผนผังโครงสร้าง' });
    const moved = page('/old-org', { finalUrl: u('/'), redirects: [u('/')], title: 'อบต.ตัวอย่าง' });
    const hub = page('/ita', { links: [link('/old-org', 'O1 โครงสร้าง')] });
    const found = find(snapshot({ pages: [home, moved, hub], hubUrls: ['/ita'] }));
    expect(found[0]!.resolved.type).toBe('failed');
  });
});
