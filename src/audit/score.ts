// Scores the way the assessment does: all or nothing per item (pass = 100, anything else = 0),
// a group's score the mean of its items, the total the mean of all items.
import type { Group } from '../checklist/schema.ts';
import type { AuditResult, GroupScore, ItemResult, ItemStatus } from './result.ts';

const round2 = (n: number) => Math.round(n * 100) / 100;

export function percent(passed: number, items: number): number {
  return items === 0 ? 0 : round2((passed / items) * 100);
}

export function scoreGroups(items: Pick<ItemResult, 'group' | 'status'>[], groups: Group[]): GroupScore[] {
  return groups.map((g) => {
    const mine = items.filter((i) => i.group === g.id);
    const passed = mine.filter((i) => i.status === 'pass').length;
    return { id: g.id, title: g.title, items: mine.length, passed, score: percent(passed, mine.length) };
  });
}

export function scoreTotal(items: Pick<ItemResult, 'status'>[]): AuditResult['score'] {
  const counts: Record<ItemStatus, number> = { pass: 0, partial: 0, fail: 0, manual: 0, 'not-checked': 0 };
  for (const i of items) counts[i.status]++;
  return { total: percent(counts.pass, items.length), passed: counts.pass, items: items.length, counts };
}
