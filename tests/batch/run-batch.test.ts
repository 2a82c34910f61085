// A batch of local agencies through the real scan pipeline: one unreachable (closed port), one
// answering 5xx; summaries written and read back; an interrupted batch resumed.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { mkdtemp, readFile, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseAgencyList, type Agency } from '../../src/batch/input.ts';
import { BATCH_STATE_FILE, loadBatchState, runBatch, summarizeBatch, writeBatchSummaries, type BatchOptions } from '../../src/batch/run-batch.ts';
import { listAudits } from '../../src/store/history.ts';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { agencySiteRoutes, miniChecklist, testCrawlOptions, type AgencySiteState } from './fixture-agency.ts';

const servers: FixtureServer[] = [];
let agencies: Agency[];
let closedPort: number;

async function site(state: AgencySiteState): Promise<FixtureServer> {
  const s = await startFixtureServer({ routes: agencySiteRoutes(() => state) });
  servers.push(s);
  return s;
}

beforeAll(async () => {
  const good = await site({ name: 'เทศบาลตำบลหนึ่ง', contactHasPhone: true });
  const partial = await site({ name: 'อบต.สอง' });
  const weak = await site({ name: 'อบต.สาม', executivesEmpty: true });
  const third = await site({ name: 'เทศบาลเมืองสี่', contactHasPhone: true, structureGone: true });
  const broken = await startFixtureServer({
    routes: {
      '/*': (_req, res) => {
        res.writeHead(503, { 'content-type': 'text/html' });
        res.end('<h1>Service Unavailable</h1>');
      },
    },
  });
  servers.push(broken);
  const closed = await startFixtureServer();
  closedPort = closed.port;
  await closed.close();
  agencies = parseAgencyList(
    [
      'name,url,notes',
      `เทศบาลตำบลหนึ่ง,${good.url},ลูกค้าเดิม`,
      `อบต.สอง,${partial.url},`,
      `อบต.สาม,${weak.url},`,
      `เทศบาลเมืองสี่,${third.url},`,
      `สำนักงานปิดปรับปรุง (5xx),${broken.url},`,
      `หน่วยงานติดต่อไม่ได้,http://127.0.0.1:${closedPort}/,ปิดเครื่อง`,
    ].join('\n'),
    'agencies.csv',
  );
});
afterAll(async () => {
  await Promise.all(servers.map((s) => s.close()));
});

function options(outDir: string, extra: Partial<BatchOptions> = {}): BatchOptions {
  return {
    agencies,
    outDir,
    resolveChecklist: async () => miniChecklist,
    fiscalYear: 2568,
    concurrency: 3,
    formats: ['json', 'csv'],
    lang: 'th',
    crawl: { ...testCrawlOptions },
    ...extra,
  };
}

describe('runBatch', () => {
  it('audits every agency; failures are recorded and do not stop the rest', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oit-batch-'));
    const db = join(outDir, 'history.json');
    const done: string[] = [];
    const run = await runBatch(options(outDir, { dbPath: db, onAgencyDone: (a) => done.push(a.name) }));
    expect(done.sort()).toEqual(agencies.map((a) => a.name).sort());
    const byName = new Map(run.outcomes.map((o) => [o.name, o]));
    expect(run.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'done', 'done', 'failed', 'failed']);
    expect(byName.get('เทศบาลตำบลหนึ่ง')).toMatchObject({ score: 100, complete: true, notes: 'ลูกค้าเดิม' });
    expect(Math.round(byName.get('อบต.สอง')!.score!)).toBe(67);
    expect(Math.round(byName.get('อบต.สาม')!.score!)).toBe(33);
    expect(byName.get('สำนักงานปิดปรับปรุง (5xx)')!.error).toMatch(/503|5xx|unavailable|unreachable/i);
    expect(byName.get('หน่วยงานติดต่อไม่ได้')!.error).toMatch(/unreachable/);
    // each agency has its own report folder
    for (const o of run.outcomes.filter((x) => x.status === 'done')) {
      const json = JSON.parse(await readFile(join(o.folder, 'result.json'), 'utf8'));
      expect(json.site).toBeTruthy();
      await stat(join(o.folder, 'itas-urls.csv'));
    }
    // the audited agencies went into the history store, with their names
    const history = await listAudits(db);
    expect(history.map((h) => h.agencyName).filter((n) => n && !n.includes('5xx') && !n.includes('ติดต่อไม่ได้')).sort()).toEqual(
      ['เทศบาลตำบลหนึ่ง', 'อบต.สอง', 'อบต.สาม', 'เทศบาลเมืองสี่'].sort(),
    );

    const summary = summarizeBatch(run.outcomes);
    expect(summary.agencies[0]!.name).toBe('เทศบาลตำบลหนึ่ง');
    expect(summary.mostMissed.map((m) => m.id)).toContain('O3');
    const files = await writeBatchSummaries(summary, outDir, { lang: 'th' });

    const html = await readFile(files[0]!, 'utf8');
    expect(html).toContain('เทศบาลตำบลหนึ่ง');
    expect(html).toContain('s-fail');
    expect(html).toContain('หน่วยงานติดต่อไม่ได้');
    const csv = await readFile(files[1]!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv.split('\r\n')[1]).toMatch(/^1,เทศบาลตำบลหนึ่ง,http:\/\/127\.0\.0\.1:\d+\/,done,100,3,0,0,0,0,yes,,ลูกค้าเดิม,.*,pass,pass,pass$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(files[2]!);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Matrix', ...summary.agencies.map((a) => a.name)]);
    const matrix = wb.getWorksheet('Matrix')!;
    expect(matrix.getRow(2).values).toEqual([undefined, 1, 'เทศบาลตำบลหนึ่ง', 100, 'pass', 'pass', 'pass', '']);
    const one = wb.getWorksheet('เทศบาลตำบลหนึ่ง')!;
    expect(String(one.getRow(6).getCell(3).value)).toMatch(/structure\.html$/);
  }, 240_000);

  it('Ctrl-C keeps finished agencies; --resume audits only the rest', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oit-batch-resume-'));
    const controller = new AbortController();
    const subset = [agencies[0]!, agencies[1]!, agencies[5]!]; // good, partial, unreachable
    const first = await runBatch(
      options(outDir, {
        agencies: subset,
        concurrency: 1,
        signal: controller.signal,
        onAgencyDone: () => controller.abort(), // "Ctrl-C" once the first agency is finished
      }),
    );
    expect(first.interrupted).toBe(true);
    expect(first.outcomes[0]!.status).toBe('done');
    expect(first.outcomes.slice(1).every((o) => o.status === 'pending')).toBe(true);
    const saved = await loadBatchState(join(outDir, BATCH_STATE_FILE));
    expect(Object.values(saved!.agencies).map((a) => a.status)).toEqual(['done']);
    const firstReport = join(first.outcomes[0]!.folder, 'result.json');
    const before = await stat(firstReport);

    const hitsBefore = servers[0]!.hits.get('/') ?? 0;
    const resumed = await runBatch(options(outDir, { agencies: subset, resume: true }));
    expect(resumed.resumed).toEqual(['เทศบาลตำบลหนึ่ง']);
    expect(servers[0]!.hits.get('/') ?? 0).toBe(hitsBefore); // the finished agency was not crawled again
    expect(resumed.outcomes.map((o) => o.status)).toEqual(['done', 'done', 'failed']);
    expect((await stat(firstReport)).mtimeMs).toBe(before.mtimeMs);

    // a second resume re-tries only the failed ones
    const again = await runBatch(options(outDir, { agencies: subset, resume: true }));
    expect(again.resumed).toEqual(['เทศบาลตำบลหนึ่ง', 'อบต.สอง']);
    expect(again.outcomes[2]!.status).toBe('failed');
  }, 240_000);

  it('an agency that hangs is stopped at the time limit and the batch goes on', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oit-batch-hang-'));
    const hanging = await startFixtureServer({ routes: { '/*': () => new Promise<void>(() => undefined) } }); // never answers
    servers.push(hanging);
    const list = parseAgencyList(`name,url\nค้าง,${hanging.url}\nปิด,http://127.0.0.1:${closedPort}/\n`, 'hang.csv');
    const started = Date.now();
    const run = await runBatch(options(outDir, { agencies: list, concurrency: 1, agencyTimeoutMs: 2_000, crawl: { ...testCrawlOptions, timeoutMs: 120_000, connectTimeoutMs: 120_000 } }));
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(run.outcomes[1]).toMatchObject({ status: 'failed', error: expect.stringMatching(/unreachable/) });
    const stuck = run.outcomes[0]!;
    // stopped: either recorded as failed (timed out) or audited with what it had, marked incomplete
    expect(stuck.status === 'failed' || stuck.complete === false).toBe(true);
    expect(stuck.score ?? 0).toBe(0);
  }, 120_000);

  it('a damaged state file is a one-line error on --resume', async () => {
    const outDir = await mkdtemp(join(tmpdir(), 'oit-batch-bad-'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(outDir, BATCH_STATE_FILE), '{"schemaVersion":1,');
    await expect(runBatch(options(outDir, { resume: true }))).rejects.toThrow(/batch state .* is damaged/);
  });
});
