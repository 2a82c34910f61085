import { describe, expect, it, beforeEach } from 'vitest';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtemp, readFile, readdir, writeFile, utimes } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getAudit, listAudits, recordAudit, siteKey } from '../../src/store/history.ts';
import { withFileLock } from '../../src/store/lock.ts';
import { UserError } from '../../src/util/errors.ts';
import { buildResult } from './build-result.ts';

const run = promisify(execFile);
const here = new URL('.', import.meta.url).pathname;

let dir: string;
let db: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oit-history-'));
  db = join(dir, 'history.json');
});

describe('recordAudit / listAudits / getAudit', () => {
  it('records audits with sequential ids and finds them by id, date and time', async () => {
    const r1 = await recordAudit(db, buildResult('www.a.go.th', [{ id: 'O1', status: 'pass', urls: ['http://a/1'] }]), {
      reportDir: 'r/1',
      agencyName: 'เทศบาลตำบลเอ',
      time: '2026-11-20T03:00:00Z',
    });
    const r2 = await recordAudit(db, buildResult('www.a.go.th', [{ id: 'O1', status: 'fail' }]), { reportDir: 'r/2', time: new Date('2026-11-21T03:00:00Z') });
    await recordAudit(db, buildResult('b.go.th', [{ id: 'O1', status: 'pass' }]), { reportDir: 'r/3', time: '2026-11-21T04:00:00Z' });
    expect([r1.id, r2.id]).toEqual(['1', '2']);
    expect(r1).toMatchObject({ site: 'a.go.th', agencyName: 'เทศบาลตำบลเอ', checklistId: 'test-list', score: 100, complete: true });
    expect(r1.items).toEqual([{ id: 'O1', status: 'pass', urls: ['http://a/1'], reason: 'reason' }]);

    expect((await listAudits(db)).map((a) => a.id)).toEqual(['1', '2', '3']);
    // the site can be typed as a host, with www. or as a URL
    expect((await listAudits(db, 'https://www.a.go.th/index.php')).map((a) => a.id)).toEqual(['1', '2']);
    expect((await listAudits(db, 'A.GO.TH')).map((a) => a.id)).toEqual(['1', '2']);
    expect((await getAudit(db, '2')).reportDir).toBe('r/2');
    expect((await getAudit(db, '2026-11-21')).id).toBe('3');
    expect((await getAudit(db, '2026-11-21', 'a.go.th')).id).toBe('2');
    expect((await getAudit(db, '2026-11-20T23:59:00Z')).id).toBe('1');
    await expect(getAudit(db, '99')).rejects.toThrow(UserError);
    await expect(getAudit(db, '2026-01-01')).rejects.toThrow(/no audit on 2026-01-01/);
  });

  it('keeps the written file valid JSON, pretty and readable', async () => {
    await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'pass' }]), { reportDir: 'r', time: new Date() });
    const stored = JSON.parse(await readFile(db, 'utf8'));
    expect(stored.schemaVersion).toBe(1);
    expect(stored.audits).toHaveLength(1);
    expect(await readdir(dir)).toEqual(['history.json']); // no temp or lock file left behind
  });

  it('marks an item whose evidence link is dead', async () => {
    const rec = await recordAudit(
      db,
      buildResult('a.go.th', [
        { id: 'O1', status: 'fail', urls: ['http://a/gone'], reason: 'dead link: the page answers 404' },
        { id: 'O2', status: 'fail', urls: [], reason: 'nothing found' },
      ]),
      { reportDir: 'r', time: new Date() },
    );
    expect(rec.items.map((i) => i.deadLink ?? false)).toEqual([true, false]);
  });

  it('creates the store and its folder on first use', async () => {
    const nested = join(dir, 'a', 'b', 'history.json');
    await recordAudit(nested, buildResult('a.go.th', [{ id: 'O1', status: 'pass' }]), { reportDir: 'r', time: new Date() });
    expect(await listAudits(nested)).toHaveLength(1);
    expect(await listAudits(join(dir, 'missing.json'))).toEqual([]);
  });

  it('normalises site keys', () => {
    expect(siteKey('http://127.0.0.1:8080/x')).toBe('127.0.0.1:8080');
    expect(siteKey('www.Example.go.th')).toBe('example.go.th');
  });
});

describe('a corrupt or hand-edited store', () => {
  for (const [what, content] of [
    ['broken JSON', '{"schemaVersion":1,"audits":[{"id":"1",'],
    ['a hand edit that breaks the schema', JSON.stringify({ schemaVersion: 1, audits: [{ id: '1', site: 'a', score: 'high' }] })],
  ] as const) {
    it(`${what}: one-line UserError, a backup copy, the file left untouched`, async () => {
      await writeFile(db, content);
      const error = await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'pass' }]), { reportDir: 'r', time: new Date() }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      const message = (error as Error).message;
      expect(message).not.toContain('\n');
      expect(message).toMatch(/history store .*history\.json is corrupt/);
      expect(await readFile(db, 'utf8')).toBe(content); // never silently overwritten
      const backups = (await readdir(dir)).filter((f) => f.startsWith('history.json.corrupt-'));
      expect(backups).toHaveLength(1);
      expect(message).toContain(backups[0]);
      expect(await readFile(join(dir, backups[0]!), 'utf8')).toBe(content);
      await expect(listAudits(db)).rejects.toThrow(UserError);
      expect(await readdir(dir)).not.toContain('history.json.lock');
    });
  }
});

describe('concurrent writers', () => {
  it('three processes writing at once lose nothing', async () => {
    const writers = ['1', '2', '3'];
    const perWriter = 25;
    await Promise.all(
      writers.map((w) => run(process.execPath, ['--import', 'tsx', join(here, 'write-record.ts'), db, w, String(perWriter)], { cwd: join(here, '../..') })),
    );
    const audits = await listAudits(db);
    expect(audits).toHaveLength(writers.length * perWriter);
    expect(new Set(audits.map((a) => a.id)).size).toBe(audits.length);
    const spans = writers.map((w) => {
      const times = audits.filter((a) => a.site === `writer${w}.example.go.th`).map((a) => Date.parse(a.time));
      expect(times).toHaveLength(perWriter);
      return [Math.min(...times), Math.max(...times)] as const;
    });
    // the writers really ran at the same time (their write windows overlap)
    expect(spans.some(([start], i) => spans.some(([s2, e2], j) => i !== j && start >= s2 && start <= e2))).toBe(true);
    expect((await readdir(dir)).sort()).toEqual(['history.json']);
  }, 60_000);
});

describe('lock file', () => {
  it('takes over a stale lock left by a crashed process', async () => {
    const lock = `${db}.lock`;
    await writeFile(lock, JSON.stringify({ pid: 999999, host: 'elsewhere', token: 'x', time: '2020-01-01' }));
    const old = new Date(Date.now() - 120_000);
    await utimes(lock, old, old);
    const rec = await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'pass' }]), { reportDir: 'r', time: new Date() });
    expect(rec.id).toBe('1');
  });

  it('gives a one-line error when another live process holds the lock too long', async () => {
    await withFileLock(db, async () => {
      const error = await withFileLock(db, async () => 'second', { timeoutMs: 150 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toMatch(/locked by another oit-audit process/);
    });
    // released afterwards
    expect(await withFileLock(db, async () => 'free', { timeoutMs: 150 })).toBe('free');
  });

  it('serialises critical sections within one process', async () => {
    let inside = 0;
    let maxInside = 0;
    await Promise.all(
      Array.from({ length: 8 }, () =>
        withFileLock(db, async () => {
          inside++;
          maxInside = Math.max(maxInside, inside);
          await new Promise((r) => setTimeout(r, 5));
          inside--;
        }),
      ),
    );
    expect(maxInside).toBe(1);
  });
});
