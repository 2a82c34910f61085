// History across real scans: runScan against a local site whose pages change between scans.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runScan } from '../../src/pipeline/run-scan.ts';
import { listAudits } from '../../src/store/history.ts';
import { diffAudits } from '../../src/store/diff.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { agencySiteRoutes, miniChecklist, testCrawlOptions, type AgencySiteState } from '../batch/fixture-agency.ts';

let server: FixtureServer;
let state: AgencySiteState = { name: 'เทศบาลตำบลทดสอบ' };
let dir: string;

beforeAll(async () => {
  server = await startFixtureServer({ routes: agencySiteRoutes(() => state) });
  dir = await mkdtemp(join(tmpdir(), 'oit-scan-history-'));
});
afterAll(() => server?.close());

async function scan(n: number) {
  return runScan({
    url: server.url,
    checklist: miniChecklist,
    fiscalYear: 2568,
    outDir: join(dir, `scan-${n}`),
    formats: ['json'],
    lang: 'th',
    crawl: { ...testCrawlOptions },
    dbPath: join(dir, 'history.json'),
    agencyName: state.name,
    earlyStop: false,
  });
}

describe('history across scans of a changing site', () => {
  it('records each scan and the diffs show regression, improvement and a changed URL', async () => {
    const first = await scan(1);
    expect(first.result.items.map((i) => `${i.id}:${i.status}`)).toEqual(['O1:pass', 'O2:pass', 'O3:partial']);

    // the website changes: O1's page is deleted, O2's page moves, O3 gains a phone number
    state = { ...state, structureGone: true, executivesMoved: true, contactHasPhone: true };
    const second = await scan(2);
    expect(second.result.items.map((i) => `${i.id}:${i.status}`)).toEqual(['O1:fail', 'O2:pass', 'O3:pass']);

    // then the mayor's name disappears from O2's page
    state = { ...state, executivesEmpty: true };
    await scan(3);

    const audits = await listAudits(join(dir, 'history.json'), server.url);
    expect(audits.map((a) => a.id)).toEqual(['1', '2', '3']);
    expect(audits.map((a) => a.reportDir)).toEqual([1, 2, 3].map((n) => join(dir, `scan-${n}`)));
    expect(audits[0]!.agencyName).toBe('เทศบาลตำบลทดสอบ');

    const d12 = diffAudits(audits[0]!, audits[1]!);
    expect([...d12.evidenceBroken, ...d12.newlyFailing].map((e) => e.id)).toEqual(['O1']);
    expect(d12.evidenceBroken.map((e) => e.id)).toEqual(['O1']); // was pass with a URL, now a dead link
    expect(d12.newlyPassing.map((e) => e.id)).toEqual(['O3']);
    expect(d12.urlChanged).toHaveLength(1);
    expect(d12.urlChanged[0]!.fromUrls[0]).toMatch(/executives\.html$/);
    expect(d12.urlChanged[0]!.toUrls[0]).toMatch(/executives-2568\.html$/);
    expect(d12.regressed).toBe(true);

    const d23 = diffAudits(audits[1]!, audits[2]!);
    expect(d23.newlyFailing.map((e) => e.id)).toEqual(['O2']);
    expect(d23.stillMissing.map((e) => e.id)).toEqual(['O1']);
    expect(d23.newlyPassing).toEqual([]);
    expect(d23.scoreChange).toBeLessThan(0);
  }, 180_000);
});
