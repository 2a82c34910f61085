// The four shipped checklists: they load, and their content keeps the promises the audit relies on
// (a false "pass" is the worst error, so strict items must stay strict).
import { describe, expect, it } from 'vitest';
import { findItem, listChecklists, loadChecklist, scanChecklists } from '../../src/checklist/registry.ts';
import type { Checklist, Item } from '../../src/checklist/schema.ts';
import { CHECK_KINDS } from '../../src/checklist/schema.ts';

const item = (c: Checklist, id: string): Item => {
  const found = findItem(c, id);
  if (!found) throw new Error(`${c.id} has no ${id}`);
  return found;
};
const kinds = (i: Item) => i.components.map((c) => c.check.kind);

describe('shipped checklists', () => {
  it('all load and validate', async () => {
    const { valid, invalid } = await scanChecklists();
    expect(invalid).toEqual([]);
    expect(valid.map((e) => [e.id, e.checklist.items.length, e.checklist.status])).toEqual([
      ['ita-2566', 43, 'confirmed'],
      ['ita-2568', 26, 'draft'],
      ['ita-2569', 26, 'draft'],
      ['moph-moit', 22, 'draft'],
    ]);
    expect((await listChecklists()).map((e) => e.id)).toEqual(['ita-2566', 'ita-2568', 'ita-2569', 'moph-moit']);
  });

  it('loads by id or by path, and names the available ids when unknown', async () => {
    expect((await loadChecklist('ita-2566')).id).toBe('ita-2566');
    expect((await loadChecklist('checklists/moph-moit.yaml')).framework).toBe('MOIT');
    await expect(loadChecklist('ita-2599')).rejects.toThrow(/unknown checklist "ita-2599" \(available: ita-2566, ita-2568, ita-2569, moph-moit/);
    await expect(loadChecklist('./nowhere.yaml')).rejects.toThrow('./nowhere.yaml: cannot read checklist file (ENOENT)');
  });

  it('finds items forgivingly', async () => {
    const c = await loadChecklist('moph-moit');
    expect(findItem(c, 'moit1')?.id).toBe('MOIT 1');
    expect(findItem(c, 'MOIT 22')?.id).toBe('MOIT 22');
    const ita = await loadChecklist('ita-2566');
    expect(findItem(ita, 'o08')?.id).toBe('O8');
    expect(findItem(ita, 'O80')).toBeUndefined();
  });
});

describe('ita-2566 content', async () => {
  const c = await loadChecklist('ita-2566');

  it('has O1–O43 in order, in the seven groups', () => {
    expect(c.items.map((i) => i.id)).toEqual(Array.from({ length: 43 }, (_, n) => `O${n + 1}`));
    expect(c.groups.map((g) => g.id)).toEqual(['9.1', '9.2', '9.3', '9.4', '9.5', '10.1', '10.2']);
    expect(item(c, 'O10').group).toBe('9.1');
    expect(item(c, 'O18').group).toBe('9.2');
    expect(item(c, 'O30').group).toBe('9.5');
    expect(item(c, 'O38').group).toBe('10.1');
    expect(item(c, 'O43').group).toBe('10.2');
  });

  it('uses only known check kinds and gives every item locate words and at least one component', () => {
    for (const i of c.items) {
      expect(i.locate.linkText.length, i.id).toBeGreaterThanOrEqual(2);
      expect(i.locate.urlPatterns.length, i.id).toBeGreaterThan(0);
      for (const comp of i.components) expect(CHECK_KINDS).toContain(comp.check.kind);
    }
  });

  it('O5 needs address AND phone AND fax AND email AND map', () => {
    expect(kinds(item(c, 'O5')).sort()).toEqual(['address', 'email', 'fax', 'map', 'phone']);
  });

  it('O43 needs a QR code to the NACC ITAS questionnaire', () => {
    const qr = item(c, 'O43').components.find((x) => x.check.kind === 'qr-code');
    expect(qr?.check).toMatchObject({ kind: 'qr-code', hosts: ['itas.nacc.go.th'] });
  });

  it('puts each item in its time window', () => {
    const windowOf = (id: string) => item(c, id).window;
    for (const id of ['O13', 'O17', 'O22', 'O26', 'O38']) expect(windowOf(id), id).toBe('previous');
    for (const id of ['O12', 'O16', 'O24', 'O29', 'O33', 'O37']) expect(windowOf(id), id).toBe('first-half');
    for (const id of ['O4', 'O7', 'O11', 'O19', 'O20', 'O23', 'O31', 'O34', 'O36', 'O42', 'O43']) expect(windowOf(id), id).toBe('current');
    // and the item's fiscal-year component agrees with its window
    for (const i of c.items) {
      for (const comp of i.components) {
        if (comp.check.kind === 'fiscal-year') expect(comp.check.window, i.id).toBe(i.window);
      }
    }
  });

  it('uses a multi-year range only for plans', () => {
    const withRange = c.items.filter((i) => i.components.some((x) => x.check.kind === 'fiscal-year' && x.check.allowRange)).map((i) => i.id);
    expect(withRange).toEqual(['O4', 'O23', 'O25', 'O36']);
  });

  it('keeps the near-miss items apart with exclude words', () => {
    expect(item(c, 'O13').locate.exclude).toContain('รอบ 6 เดือน');
    expect(item(c, 'O28').locate.exclude).toEqual(expect.arrayContaining(['ร้องเรียนทั่วไป', 'ร้องทุกข์']));
    expect(item(c, 'O31').locate.exclude).toContain('รายงานผล');
    expect(item(c, 'O33').locate.exclude).toContain('ประกาศเจตนารมณ์');
    expect(kinds(item(c, 'O28'))).toContain('corruption-channel');
    expect(kinds(item(c, 'O8'))).toContain('two-way-channel');
    expect(kinds(item(c, 'O18'))).toContain('online-service');
  });

  it('marks signatures as manual and notes the flawed seed items', () => {
    expect(item(c, 'O31').components.filter((x) => x.check.kind === 'manual')).toHaveLength(2);
    for (const id of ['O21', 'O30', 'O37']) expect(item(c, id).note, id).toBeTruthy();
    expect(item(c, 'O37').note).toContain('O36');
  });

  it('gives every keyword check several words, not one exact phrase, unless it also requires others', () => {
    for (const i of c.items) {
      for (const comp of i.components) {
        if (comp.check.kind !== 'keyword') continue;
        expect(comp.check.any.length + (comp.check.all?.length ?? 0), `${i.id}.${comp.id}`).toBeGreaterThanOrEqual(2);
      }
    }
  });
});

describe('draft checklists', async () => {
  it('ita-2568 and ita-2569 mark unconfirmed items and list sources', async () => {
    for (const id of ['ita-2568', 'ita-2569']) {
      const c = await loadChecklist(id);
      expect(c.items.map((i) => i.id)).toEqual(Array.from({ length: 26 }, (_, n) => `O${n + 1}`));
      expect(c.sources.length).toBeGreaterThanOrEqual(2);
      expect(item(c, 'O2').unconfirmed).toBe(true);
    }
    const c68 = await loadChecklist('ita-2568');
    expect(kinds(item(c68, 'O21'))).toContain('bilingual');
    const c69 = await loadChecklist('ita-2569');
    expect(kinds(item(c69, 'O3'))).toEqual(expect.arrayContaining(['address', 'phone', 'email', 'map', 'two-way-channel']));
    expect(item(c69, 'O12').window).toBe('previous');
  });

  it('moph-moit has MOIT 1–22 in indicators 1–9, each with a manual memo check', async () => {
    const c = await loadChecklist('moph-moit');
    expect(c.items.map((i) => i.id)).toEqual(Array.from({ length: 22 }, (_, n) => `MOIT ${n + 1}`));
    expect(new Set(c.items.map((i) => i.group))).toEqual(new Set(['1', '2', '3', '4', '5', '6', '7', '8', '9']));
    for (const i of c.items) {
      expect(kinds(i), i.id).toContain('manual');
      expect(kinds(i), i.id).toContain('document');
    }
  });
});
