// `oit-audit checklist …` run as a real subprocess: exit codes and output.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'cli/bin.mjs');

function run(args: string[], env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env, FORCE_COLOR: '0' }, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oit-checklist-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('oit-audit checklist', () => {
  it('list shows the four checklists with their item counts', async () => {
    const { code, stdout } = await run(['checklist', 'list']);
    expect(code).toBe(0);
    const rows = stdout.trim().split('\n');
    expect(rows[0]).toMatch(/^ID\s+YEAR\s+ITEMS\s+STATUS\s+TITLE$/);
    expect(rows.slice(1).map((r) => r.split(/\s+/).slice(0, 4))).toEqual([
      ['ita-2566', '2566', '43', 'confirmed'],
      ['ita-2568', '2568', '26', 'draft'],
      ['ita-2569', '2569', '26', 'draft'],
      ['moph-moit', '2569', '22', 'draft'],
    ]);
  });

  it('list --json is machine-readable', async () => {
    const { code, stdout } = await run(['checklist', 'list', '--json']);
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; items: number; valid: boolean }>;
    expect(list.find((e) => e.id === 'moph-moit')).toMatchObject({ items: 22, valid: true });
  });

  it('show prints an item in Thai or English', async () => {
    const th = await run(['checklist', 'show', 'ita-2566', 'O43']);
    expect(th.code).toBe(0);
    expect(th.stdout).toContain('O43  การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(th.stdout).toContain('qr-code hosts=[itas.nacc.go.th]');
    const en = await run(['checklist', 'show', 'ita-2566', 'o5', '--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('O5  Contact information');
    expect(en.stdout).toMatch(/check: fax scope=page/);
  });

  it('show without an item lists the items by group', async () => {
    const { code, stdout } = await run(['checklist', 'show', 'moph-moit', '--lang', 'en']);
    expect(code).toBe(0);
    expect(stdout).toContain('22 items');
    expect(stdout).toMatch(/MOIT 22\s+Human-rights guideline/);
  });

  it('show with an unknown id or item is one line and exit 1', async () => {
    const unknown = await run(['checklist', 'show', 'ita-2999']);
    expect(unknown.code).toBe(1);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^oit-audit: unknown checklist "ita-2999" \(available: ita-2566/)]);
    const noItem = await run(['checklist', 'show', 'ita-2566', 'O44']);
    expect(noItem.code).toBe(1);
    expect(noItem.stderr.trim()).toBe('oit-audit: ita-2566 has no item "O44" (items: O1 … O43)');
    const badLang = await run(['checklist', 'show', 'ita-2566', '--lang', 'fr']);
    expect(badLang.code).toBe(1);
    expect(badLang.stderr.trim()).toBe('oit-audit: --lang must be th or en, not "fr"');
  });

  it('validate exits 0 on every shipped file', async () => {
    const { code, stdout } = await run(['checklist', 'validate', 'checklists/ita-2566.yaml', 'checklists/ita-2568.yaml', 'checklists/ita-2569.yaml', 'checklists/moph-moit.yaml']);
    expect(code).toBe(0);
    expect(stdout).toContain('checklists/ita-2566.yaml: valid — ita-2566 (ITA 2566, confirmed), 43 items');
    expect(stdout.trim().split('\n')).toHaveLength(4);
  });

  it('validate gives one line per problem and exit 1, never a stack trace', async () => {
    const original = await readFile(join(ROOT, 'checklists/ita-2566.yaml'), 'utf8');
    const broken = join(dir, 'x.yaml');
    await writeFile(broken, original.replace('check: { kind: two-way-channel }', 'check: { kind: webboard }').replace('check: { kind: fiscal-year, window: previous }', 'check: { kind: fiscal-year, window: last-year }'));
    const { code, stdout, stderr } = await run(['checklist', 'validate', broken]);
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    expect(lines[0]).toMatch(new RegExp(`^${broken.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: O8\\.components\\[0\\]\\.check\\.kind: unknown check kind "webboard"`));
    expect(lines[1]).toBe(`${broken}: O13.components[3].check.window: "last-year" is not one of: current, previous, first-half`);
    expect(lines).toHaveLength(2);
    expect(stdout + stderr).not.toMatch(/\bat .*\.ts:\d+/);
  });

  it('validate reports YAML syntax errors with line:col, and unreadable files', async () => {
    const bad = join(dir, 'syntax.yaml');
    await writeFile(bad, 'id: x\nitems:\n  - id: O1\n    title: { th: a\n');
    const syntax = await run(['checklist', 'validate', bad]);
    expect(syntax.code).toBe(1);
    expect(syntax.stdout.trim()).toMatch(new RegExp(`^${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+:\\d+: YAML syntax error: `));
    expect(syntax.stdout.trim().split('\n')).toHaveLength(1);
    const missing = await run(['checklist', 'validate', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(1);
    expect(missing.stdout.trim()).toBe(`${join(dir, 'nope.yaml')}: cannot read file (ENOENT)`);
  });

  it('list flags a broken file in the checklist folder and exits 1', async () => {
    const folder = join(dir, 'folder');
    await run(['--version']);
    await import('node:fs/promises').then((fs) => fs.mkdir(folder, { recursive: true }));
    await writeFile(join(folder, 'ok.yaml'), await readFile(join(ROOT, 'tests/fixtures/checklists/minimal.yaml'), 'utf8'));
    await writeFile(join(folder, 'broken.yaml'), 'id: [\n');
    const { code, stdout } = await run(['checklist', 'list'], { OIT_CHECKLISTS_DIR: folder });
    expect(code).toBe(1);
    expect(stdout).toMatch(/^mini-2566\s+2566\s+2\s+draft/m);
    expect(stdout).toMatch(/^invalid: .*broken\.yaml:\d+:\d+: YAML syntax error/m);
  });
});
