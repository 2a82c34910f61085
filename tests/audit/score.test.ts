import { describe, expect, it } from 'vitest';
import { percent, scoreGroups, scoreTotal } from '../../src/audit/score.ts';
import type { ItemStatus } from '../../src/audit/result.ts';

const groups = [
  { id: '9.1', title: { th: 'ข้อมูลพื้นฐาน', en: 'Basic information' } },
  { id: '9.2', title: { th: 'การบริหารงาน', en: 'Administration' } },
  { id: '10.1', title: { th: 'ป้องกันการทุจริต', en: 'Corruption prevention' } },
];
const items: Array<{ group: string; status: ItemStatus }> = [
  { group: '9.1', status: 'pass' },
  { group: '9.1', status: 'pass' },
  { group: '9.1', status: 'partial' },
  { group: '9.2', status: 'manual' },
  { group: '9.2', status: 'pass' },
  { group: '9.2', status: 'fail' },
  { group: '9.2', status: 'not-checked' },
];

describe('score', () => {
  it('is all-or-nothing per item: only pass counts, partial and manual score 0', () => {
    const g = scoreGroups(items, groups);
    expect(g.map((x) => [x.id, x.items, x.passed, x.score])).toEqual([
      ['9.1', 3, 2, 66.67],
      ['9.2', 4, 1, 25],
      ['10.1', 0, 0, 0],
    ]);
  });
  it('totals passed ÷ all items and counts every status', () => {
    const t = scoreTotal(items);
    expect(t.total).toBe(42.86);
    expect(t.passed).toBe(3);
    expect(t.items).toBe(7);
    expect(t.counts).toEqual({ pass: 3, partial: 1, fail: 1, manual: 1, 'not-checked': 1 });
  });
  it('handles no items and a full pass', () => {
    expect(percent(0, 0)).toBe(0);
    expect(scoreTotal([{ status: 'pass' }, { status: 'pass' }]).total).toBe(100);
  });
});
