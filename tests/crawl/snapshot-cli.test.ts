// saveSnapshot / loadSnapshot round trip and failures, and the `oit-audit crawl` command end to end.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile, readFile } from 'node:fs/promises';
import { gzipSync } from 'node:zlib';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execFile } from 'node:child_process';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { crawl } from '../../src/crawl/crawler.ts';
import { loadSnapshot, saveSnapshot } from '../../src/snapshot/io.ts';
import { UserError } from '../../src/util/errors.ts';

const ROOT = join(import.meta.dirname, '../..');
let server: FixtureServer;
let dir: string;
beforeAll(async () => {
  server = await startFixtureServer({ root: join(import.meta.dirname, '../fixtures/crawl/hub-site') });
  dir = await mkdtemp(join(tmpdir(), 'oit-crawl-'));
});
afterAll(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('snapshot io', () => {
  it('round-trips a crawl through gzip JSON', async () => {
    const snap = await crawl({ startUrl: server.url, render: 'never' });
    const file = join(dir, 'a', 'snap.json.gz');
    await saveSnapshot(file, snap);
    const raw = await readFile(file);
    expect([raw[0], raw[1]]).toEqual([0x1f, 0x8b]);
    expect(await loadSnapshot(file)).toEqual(snap);
  });
  it('turns bad files into one-line UserErrors', async () => {
    const cases: Array<[string, string | Buffer, RegExp]> = [
      ['not-gzip.json.gz', Buffer.from([0x1f, 0x8b, 1, 2, 3]), /not a valid gzip/],
      ['not-json.json.gz', gzipSync('{nope'), /not valid JSON/],
      ['wrong-shape.json.gz', gzipSync(JSON.stringify({ schemaVersion: 1, pages: 'x' })), /not a valid oit-audit snapshot/],
    ];
    for (const [name, data, re] of cases) {
      await writeFile(join(dir, name), data);
      const err = await loadSnapshot(join(dir, name)).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(UserError);
      expect((err as Error).message).toMatch(re);
      expect((err as Error).message).not.toContain('\n');
    }
    await expect(loadSnapshot(join(dir, 'missing.json.gz'))).rejects.toThrow(/snapshot not found/);
  });
});

function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(ROOT, 'cli/main.tsx'), ...args], { cwd: ROOT, timeout: 60_000 }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describe('oit-audit crawl', () => {
  it('crawls, saves the snapshot and prints one JSON line', async () => {
    const out = join(dir, 'cli.json.gz');
    const r = await run(['crawl', server.url, '--max-pages', '5', '--out', out, '--render', 'never', '--json']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split('\n');
    expect(lines).toHaveLength(1);
    const summary = JSON.parse(lines[0]!) as Record<string, number>;
    // the budget counts fetches, failed ones too
    expect(summary.pages).toBeGreaterThanOrEqual(3);
    expect(summary.pages + summary.failures).toBeLessThanOrEqual(6);
    expect(Object.keys(summary).sort()).toEqual(['documents', 'failures', 'pages', 'seconds', 'skipped']);
    expect(r.stderr).toContain('[1] 200');
    expect((await loadSnapshot(out)).pages).toHaveLength(summary.pages!);
  });
  it('an unreachable start URL is a one-line error and exit 1', async () => {
    const s = await startFixtureServer({});
    await s.close();
    const r = await run(['crawl', s.url, '--render', 'never', '--quiet', '--out', join(dir, 'x.json.gz')]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/unreachable: refused/);
  });
});
