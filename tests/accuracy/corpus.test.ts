// The labelled corpus (tests/fixtures/sites/*): its labels are complete and consistent with the sites
// and the checklists, and a fast HTTP-only subset of the accuracy bench gives no false pass.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listLabelledSites, loadSiteLabels, SITES_DIR, type SiteLabels } from '../fixtures/labels-schema.ts';
import { loadChecklist } from '../../src/checklist/registry.ts';
import { benchSite, formatConfusion, totals, type SiteScore } from '../../bench/accuracy.ts';

const REQUIRED_LAYOUTS = [
  'ita-hub-table',
  'no-hub',
  'frameset',
  'tis-620',
  'javascript-rendered',
  'wordpress',
  'wp-content-uploads',
  'moph-moit',
  'hash-links',
  'wrong-fiscal-year',
  'dead-links',
  'soft-404',
  'google-drive-links',
  'scanned-pdf',
  'one-page-several-items',
];

/** sites whose fast subset runs in the test suite: plain HTTP, no browser */
const FAST_SUBSET = ['wrong-year', 'dead-links-soft404', 'scattered-menus'];

describe('fixture corpus labels', () => {
  const sites = listLabelledSites();
  const labels = new Map<string, SiteLabels>();

  beforeAll(async () => {
    for (const site of sites) labels.set(site, await loadSiteLabels(site));
  });

  it('has at least 10 labelled sites covering every layout', () => {
    expect(sites.length).toBeGreaterThanOrEqual(10);
    const layouts = new Set([...labels.values()].flatMap((l) => l.layout));
    expect(REQUIRED_LAYOUTS.filter((l) => !layouts.has(l))).toEqual([]);
  });

  it('labels every item of each site checklist, and nothing else', async () => {
    for (const l of labels.values()) {
      const checklist = await loadChecklist(l.checklist);
      const expected = checklist.items.map((i) => i.id).sort();
      expect(Object.keys(l.items).sort(), `${l.site} vs ${l.checklist}`).toEqual(expected);
    }
  });

  it('has at least 350 labelled items and every status but not-checked', () => {
    const all = [...labels.values()].flatMap((l) => Object.values(l.items));
    expect(all.length).toBeGreaterThanOrEqual(350);
    const statuses = new Set(all.map((i) => i.status));
    for (const s of ['pass', 'partial', 'fail', 'manual']) expect(statuses.has(s as never), s).toBe(true);
  });

  it('points every found item at evidence that exists on the site', () => {
    const missing: string[] = [];
    for (const l of labels.values()) {
      for (const [id, item] of Object.entries(l.items)) {
        if (item.status === 'fail') continue;
        for (const url of item.urls) {
          if (/^https?:/.test(url)) continue;
          const path = decodeURIComponent(url.split('#')[0]!);
          const file = join(SITES_DIR, l.site, path.endsWith('/') ? `${path}index.html` : path);
          if (!existsSync(file)) missing.push(`${l.site}:${id} ${url}`);
        }
      }
    }
    expect(missing).toEqual([]);
  });

  it('scores the hash-links site zero: every item fails', () => {
    const hash = labels.get('hash-links')!;
    expect(Object.values(hash.items).every((i) => i.status === 'fail')).toBe(true);
  });
});

describe('accuracy bench, fast subset (HTTP only)', () => {
  const scores: SiteScore[] = [];

  beforeAll(async () => {
    for (const site of FAST_SUBSET) scores.push(await benchSite(site, { render: 'never' }));
  }, 180_000);

  it('gives no false pass', () => {
    const total = totals(scores);
    const report = scores.map((s) => `${s.site}: ${s.agreed}/${s.items} = ${s.agreement.toFixed(1)}% in ${s.seconds.toFixed(1)} s`).join('\n');
    console.log(`accuracy (fast subset)\n${report}\nTOTAL ${total.agreed}/${total.items} = ${total.agreement.toFixed(1)}%\n${formatConfusion(total.confusion)}`);
    expect(total.falsePasses.map((d) => `${d.id}: label ${d.expected} (${d.label})`)).toEqual([]);
  });

  it('agrees with the labels on most items', () => {
    const total = totals(scores);
    expect(total.items).toBe(43 * FAST_SUBSET.length);
    // the full bench (npm run bench:accuracy) is the real measure; this floor catches regressions
    expect(total.agreement).toBeGreaterThanOrEqual(95);
  });
});
