// The real `oit-audit batch` command as a child process, against local fixture agencies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import YAML from 'yaml';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { agencySiteRoutes, miniChecklist } from './fixture-agency.ts';

const root = join(new URL('.', import.meta.url).pathname, '../..');
let server: FixtureServer;
let dir: string;
let checklistFile: string;
let closedPort: number;

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(root, 'cli/bin.mjs'), ...args], { cwd: dir, env: { ...process.env, CI: 'true', LANG: 'th_TH.UTF-8' } }, (error, stdout, stderr) =>
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

beforeAll(async () => {
  server = await startFixtureServer({ routes: agencySiteRoutes(() => ({ name: 'เทศบาลตำบลหนึ่ง', contactHasPhone: true })) });
  const closed = await startFixtureServer();
  closedPort = closed.port;
  await closed.close();
  dir = await mkdtemp(join(tmpdir(), 'oit-batch-cli-'));
  checklistFile = join(dir, 'mini.yaml');
  await writeFile(checklistFile, YAML.stringify(miniChecklist));
});
afterAll(() => server?.close());

describe('oit-audit batch', () => {
  it('audits the list, records the unreachable agency and prints the summary files', async () => {
    await writeFile(join(dir, 'agencies.csv'), `\uFEFFname,url\r\nเทศบาลตำบลหนึ่ง,${server.url}\r\nปิดเครื่อง,http://127.0.0.1:${closedPort}/\r\n`);
    const r = await cli(['batch', 'agencies.csv', '--out', 'out', '--checklist', checklistFile, '-y', '2568', '--render', 'never', '--ignore-robots', '--no-tui', '--db', 'h.json', '--format', 'json']);
    expect(r.stderr).toMatch(/เทศบาลตำบลหนึ่ง/);
    expect(r.code).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual(['out/summary.html', 'out/summary.csv', 'out/summary.xlsx']);
    const csv = await readFile(join(dir, 'out/summary.csv'), 'utf8');
    expect(csv).toMatch(/\r\n1,เทศบาลตำบลหนึ่ง,.*,done,100,/);
    expect(csv).toMatch(/\r\n,ปิดเครื่อง,.*,failed,.*unreachable/);
    const history = JSON.parse((await cli(['history', '--db', 'h.json', '--json'])).stdout);
    expect(history.map((h: { agencyName: string }) => h.agencyName)).toContain('เทศบาลตำบลหนึ่ง');
  }, 180_000);

  it('a list with bad rows stops before auditing, one line per row', async () => {
    await writeFile(join(dir, 'bad.yaml'), '- {name: ก, url: "mailto:x@y"}\n- {name: ข}\n');
    const r = await cli(['batch', 'bad.yaml', '--checklist', checklistFile]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toEqual([
      'oit-audit: 2 bad rows in the agency list:',
      'bad.yaml agency 1: url: only http(s) URLs can be audited, got mailto:',
      'bad.yaml agency 2: url: url is missing',
    ]);
  }, 60_000);
});
