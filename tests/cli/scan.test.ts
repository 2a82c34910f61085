// The real CLI as a user runs it: a subprocess against a fixture site on 127.0.0.1.
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { AuditResult } from '../../src/audit/result.ts';

const CLI = join(import.meta.dirname, '..', '..', 'cli', 'bin.mjs');
const SITE = join(import.meta.dirname, '..', 'fixtures', 'cli-site');

/** Async on purpose: the fixture server lives in this process, so a blocking spawnSync would starve it. */
function run(args: string[], cwd: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  const env = { ...process.env, CI: 'true', NO_COLOR: '1', LANG: 'en_US.UTF-8' };
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], { cwd, env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 150_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise<void>((r) => srv.close(() => r()));
  return port;
}

describe('oit-audit scan (subprocess)', { timeout: 180_000 }, () => {
  let server: FixtureServer;
  let work: string;
  beforeAll(async () => {
    server = await startFixtureServer({ root: SITE });
    work = mkdtempSync(join(tmpdir(), 'oit-cli-'));
  });
  afterAll(async () => {
    await server.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('writes every report and prints a schema-valid result with --json', async () => {
    const out = join(work, 'r1');
    const r = await run(['scan', server.url, '--checklist', 'ita-2566', '--fiscal-year', '2566', '--out', out, '--json', '--render', 'never', '--db', join(work, 'h.json')], work);
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(r.code).toBe(0);
    const result = AuditResult.parse(JSON.parse(r.stdout));
    expect(result.items).toHaveLength(43);
    expect(result.siteStatus).toBe('ok');
    for (const f of ['result.json', 'report.html', 'report.md', 'itas-urls.csv', 'snapshot.json.gz']) {
      expect(existsSync(join(out, f)), f).toBe(true);
    }
    const csv = readFileSync(join(out, 'itas-urls.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    // the hub's O7 row links to "#": never a pass
    expect(result.items.find((i) => i.id === 'O7')?.status).toBe('fail');
    // O5 lacks fax, e-mail and a map: never a pass
    expect(result.items.find((i) => i.id === 'O5')?.status).not.toBe('pass');
    expect(existsSync(join(work, 'h.json'))).toBe(true);
  });

  it('exits 2 when the score is under --fail-under, and rescore re-audits offline', async () => {
    const out = join(work, 'r2');
    const r = await run(['scan', server.url, '-c', 'ita-2566', '-y', '2566', '-o', out, '--no-tui', '--render', 'never', '--fail-under', '90', '--no-history'], work);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/under --fail-under 90/);
    const re = await run(['rescore', out, '--json', '--no-history'], work);
    expect(re.code).toBe(0);
    expect(AuditResult.parse(JSON.parse(re.stdout)).fiscalYear).toBe(2566);
  });

  it('an unreachable host is one clear line and exit 1', async () => {
    const port = await closedPort();
    const r = await run(['scan', `http://127.0.0.1:${port}/`, '-c', 'ita-2566', '-y', '2566', '-o', join(work, 'r3'), '--no-tui', '--render', 'never', '--no-history'], work);
    expect(r.code).toBe(1);
    const errorLines = r.stderr.trim().split('\n').filter((l) => l.startsWith('oit-audit:'));
    expect(errorLines).toHaveLength(1);
    expect(errorLines[0]).toMatch(/unreachable/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('bad options are one-line errors', async () => {
    const r = await run(['scan', server.url, '--format', 'docx'], work);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('oit-audit: --format: unknown format "docx" (use json, md, html, csv, pdf)');
    const r2 = await run(['rescore', join(work, 'nope')], work);
    expect(r2.code).toBe(1);
    expect(r2.stderr).toMatch(/^oit-audit: .*no snapshot\.json\.gz/);
  });
});
