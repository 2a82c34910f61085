// One blind-written held-out site (tests/fixtures/holdout): the audit was never tuned on it
// before its first run. Guards against regressions in how the audit generalises.
import { describe, it, expect, beforeAll } from 'vitest';
import { join } from 'node:path';
import { benchSite, totals, type SiteScore } from '../../bench/accuracy.ts';

const HOLDOUT_DIR = join(import.meta.dirname, '..', 'fixtures', 'holdout');

describe('held-out site (HTTP only)', () => {
  let score: SiteScore;
  beforeAll(async () => {
    score = await benchSite('tessaban-thai-digits', { render: 'never', dir: HOLDOUT_DIR });
  }, 180_000);

  it('gives no false pass and agrees on at least 95 % of items', () => {
    const total = totals([score]);
    console.log(`held-out tessaban-thai-digits: ${score.agreed}/${score.items} = ${score.agreement.toFixed(1)}%`);
    expect(total.falsePasses.map((d) => `${d.id}: label ${d.expected}`)).toEqual([]);
    expect(score.items).toBe(43);
    expect(score.agreement).toBeGreaterThanOrEqual(95);
  });
});
