// Early stop must not fire while a manual verdict only means "the linked page is not fetched yet".
import { describe, it, expect } from 'vitest';
import { audit } from '../../src/audit/audit.ts';
import { everyItemSettled } from '../../src/pipeline/run-scan.ts';
import { checklist, component, link, page, snapshot } from '../audit/builders.ts';

const list = checklist([
  {
    id: 'O1',
    linkText: ['โครงสร้าง'],
    components: [
      component('chart', { kind: 'keyword', any: ['แผนผังโครงสร้าง'] }),
      component('signed', { kind: 'manual', reason: { th: 'ลงนาม', en: 'signed' } }),
    ],
  },
]);

describe('everyItemSettled', () => {
  it('is false while the located page is only known by its link, true once it is fetched', () => {
    const home = page('/', { title: 'หน้าแรก', links: [link('/structure.html', 'โครงสร้างองค์กร')] });
    const before = snapshot({ pages: [home] });
    const interim = audit(before, list, 2566);
    expect(everyItemSettled(interim, before)).toBe(false);

    const after = snapshot({ pages: [home, page('/structure.html', { title: 'โครงสร้างองค์กร', text: 'แผนผังโครงสร้างองค์กร สำนักปลัด กองคลัง' })] });
    const final = audit(after, list, 2566);
    expect(final.items[0]!.status).toBe('manual');
    expect(everyItemSettled(final, after)).toBe(true);
  });

  it('is false while any item is not found', () => {
    const snap = snapshot({ pages: [page('/', { title: 'หน้าแรก' })] });
    expect(everyItemSettled(audit(snap, list, 2566), snap)).toBe(false);
  });
});
