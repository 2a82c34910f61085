// `oit-audit checklist …` run as a real subprocess: exit codes and output.
// Each run pays a full CLI start-up, so all runs start in beforeAll (two at a time) and the tests read the results.
import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'cli/bin.mjs');
const SHIPPED = ['checklists/ita-2566.yaml', 'checklists/ita-2568.yaml', 'checklists/ita-2569.yaml', 'checklists/moph-moit.yaml'];

interface RunResult { code: number | string; stdout: string; stderr: string }

function run(args: string[], env: Record<string, string> = {}): Promise<RunResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, ...env, FORCE_COLOR: '0' }, timeout: 150_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (error.code ?? error.signal ?? 'error') : 0, stdout, stderr });
    });
  });
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

let dir: string;
const runs: Record<string, [string[], Record<string, string>?]> = {};
const out: Record<string, RunResult> = {};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'oit-checklist-'));
  const original = await readFile(join(ROOT, 'checklists/ita-2566.yaml'), 'utf8');
  await writeFile(join(dir, 'x.yaml'), original
    .replace('check: { kind: two-way-channel }', 'check: { kind: webboard }')
    .replace('check: { kind: fiscal-year, window: previous }', 'check: { kind: fiscal-year, window: last-year }'));
  await writeFile(join(dir, 'syntax.yaml'), 'id: x\nitems:\n  - id: O1\n    title: { th: a\n');
  await mkdir(join(dir, 'folder'));
  await writeFile(join(dir, 'folder', 'ok.yaml'), await readFile(join(ROOT, 'tests/fixtures/checklists/minimal.yaml'), 'utf8'));
  await writeFile(join(dir, 'folder', 'broken.yaml'), 'id: [\n');

  Object.assign(runs, {
    list: [['checklist', 'list']],
    listJson: [['checklist', 'list', '--json']],
    showTh: [['checklist', 'show', 'ita-2566', 'O43']],
    showEn: [['checklist', 'show', 'ita-2566', 'o5', '--lang', 'en']],
    unknownId: [['checklist', 'show', 'ita-2999']],
    unknownItem: [['checklist', 'show', 'ita-2566', 'O44']],
    validShipped: [['checklist', 'validate', ...SHIPPED]],
    validateBad: [['checklist', 'validate', join(dir, 'x.yaml'), join(dir, 'syntax.yaml'), join(dir, 'nope.yaml')]],
    listFolder: [['checklist', 'list'], { OIT_CHECKLISTS_DIR: join(dir, 'folder') }],
  } satisfies Record<string, [string[], Record<string, string>?]>);
  const queue = Object.entries(runs);
  const worker = async () => {
    for (let next = queue.shift(); next; next = queue.shift()) out[next[0]] = await run(next[1][0], next[1][1]);
  };
  await Promise.all([worker(), worker()]);
}, 600_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('oit-audit checklist', () => {
  it('list shows the four checklists with their item counts', () => {
    const { code, stdout } = out.list!;
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

  it('list --json is machine-readable', () => {
    const { code, stdout } = out.listJson!;
    expect(code).toBe(0);
    const list = JSON.parse(stdout) as Array<{ id: string; items: number; valid: boolean }>;
    expect(list.find((e) => e.id === 'moph-moit')).toMatchObject({ items: 22, valid: true });
    expect(list.find((e) => e.id === 'ita-2566')).toMatchObject({ items: 43, valid: true });
  });

  it('show prints an item in Thai or English', () => {
    const th = out.showTh!;
    expect(th.code).toBe(0);
    expect(th.stdout).toContain('O43  การดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน');
    expect(th.stdout).toContain('qr-code hosts=[itas.nacc.go.th]');
    const en = out.showEn!;
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('O5  Contact information');
    expect(en.stdout).toContain('check: fax scope=page');
  });

  it('show with an unknown id or item is one line on stderr and exit 1', () => {
    expect(out.unknownId!.code).toBe(1);
    expect(out.unknownId!.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^oit-audit: unknown checklist "ita-2999" \(available: ita-2566, ita-2568, ita-2569, moph-moit/)]);
    expect(out.unknownItem!.code).toBe(1);
    expect(out.unknownItem!.stderr.trim()).toBe('oit-audit: ita-2566 has no item "O44" (items: O1 … O43)');
  });

  it('validate exits 0 on every shipped file', () => {
    const { code, stdout } = out.validShipped!;
    expect(code).toBe(0);
    const lines = stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatch(/^checklists\/ita-2566\.yaml: valid — ita-2566 \(ITA 2566, confirmed\), 43 items, \d+ components$/);
    expect(lines[3]).toMatch(/^checklists\/moph-moit\.yaml: valid — moph-moit \(MOIT 2569, draft\), 22 items/);
  });

  it('validate gives one line per problem (file: item.field: message), YAML line:col, and exit 1', () => {
    const { code, stdout, stderr } = out.validateBad!;
    expect(code).toBe(1);
    const lines = stdout.trim().split('\n');
    const x = join(dir, 'x.yaml');
    expect(lines[0]).toMatch(new RegExp(`^${escape(x)}: O8\\.components\\[0\\]\\.check\\.kind: unknown check kind "webboard" \\(expected one of: keyword, `));
    expect(lines[1]).toBe(`${x}: O13.components[3].check.window: "last-year" is not one of: current, previous, first-half`);
    expect(lines[2]).toMatch(new RegExp(`^${escape(join(dir, 'syntax.yaml'))}:\\d+:\\d+: YAML syntax error: `));
    expect(lines[3]).toBe(`${join(dir, 'nope.yaml')}: cannot read file (ENOENT)`);
    expect(lines).toHaveLength(4);
    expect(stdout + stderr).not.toMatch(/\n\s+at .*:\d+:\d+/); // no stack trace
  });

  it('list flags a broken file in the checklist folder and exits 1', () => {
    const { code, stdout } = out.listFolder!;
    expect(code).toBe(1);
    expect(stdout).toMatch(/^mini-2566\s+2566\s+2\s+draft/m);
    expect(stdout).toMatch(/^invalid: .*broken\.yaml:\d+:\d+: YAML syntax error/m);
  });
});
