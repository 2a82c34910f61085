import { describe, expect, it, beforeAll } from 'vitest';
import { execFile } from 'node:child_process';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { diffAudits, renderDiffMarkdown, renderDiffText } from '../../src/store/diff.ts';
import { recordAudit } from '../../src/store/history.ts';
import type { HistoryRecord } from '../../src/store/schema.ts';
import { sparkline } from '../../cli/commands/history.ts';
import { buildResult } from './build-result.ts';

const root = join(new URL('.', import.meta.url).pathname, '../..');

function record(id: string, items: HistoryRecord['items'], extra: Partial<HistoryRecord> = {}): HistoryRecord {
  const passed = items.filter((i) => i.status === 'pass').length;
  return {
    id,
    site: 'a.go.th',
    checklistId: 'ita-2568',
    checklistVersion: '1',
    fiscalYear: 2568,
    time: `2026-11-2${id}T00:00:00.000Z`,
    score: (passed / items.length) * 100,
    counts: {},
    items,
    reportDir: `r/${id}`,
    complete: true,
    ...extra,
  };
}

describe('diffAudits', () => {
  const before = record('1', [
    { id: 'O1', status: 'pass', urls: ['http://a/o1'] },
    { id: 'O2', status: 'pass', urls: ['http://a/o2'] },
    { id: 'O3', status: 'fail', urls: [] },
    { id: 'O4', status: 'pass', urls: ['http://a/o4-old'] },
    { id: 'O5', status: 'partial', urls: ['http://a/o5'] },
    { id: 'O6', status: 'pass', urls: ['http://a/o6'] },
    { id: 'O7', status: 'manual', urls: [] },
  ]);
  const after = record('2', [
    { id: 'O1', status: 'partial', urls: ['http://a/o1'], reason: 'missing the phone number' },
    { id: 'O2', status: 'fail', urls: ['http://a/o2'], reason: 'dead link (404)', deadLink: true },
    { id: 'O3', status: 'pass', urls: ['http://a/o3'] },
    { id: 'O4', status: 'pass', urls: ['http://a/o4-new'] },
    { id: 'O5', status: 'fail', urls: [] },
    { id: 'O6', status: 'pass', urls: ['http://a/o6'] },
    { id: 'O8', status: 'fail', urls: [] },
  ]);

  it('classifies every change', () => {
    const d = diffAudits(before, after);
    expect(d.newlyFailing.map((e) => e.id)).toEqual(['O1']);
    expect(d.evidenceBroken.map((e) => e.id)).toEqual(['O2']);
    expect(d.newlyPassing.map((e) => e.id)).toEqual(['O3']);
    expect(d.urlChanged).toMatchObject([{ id: 'O4', fromUrls: ['http://a/o4-old'], toUrls: ['http://a/o4-new'] }]);
    expect(d.stillMissing.map((e) => e.id)).toEqual(['O5']);
    expect(d.added).toEqual(['O8']);
    expect(d.removed).toEqual(['O7']);
    expect(d.regressed).toBe(true);
    expect(d.warnings).toEqual([]);
  });

  it('no regression when only improvements happened', () => {
    const d = diffAudits(before, record('3', before.items.map((i) => ({ ...i, status: 'pass' as const }))));
    expect(d.regressed).toBe(false);
    expect(d.newlyPassing.map((e) => e.id)).toEqual(['O3', 'O5', 'O7']);
    expect(d.scoreChange).toBeGreaterThan(0);
  });

  it('warns when the checklist versions differ or an audit is incomplete', () => {
    const d = diffAudits(before, { ...after, checklistVersion: '2', complete: false });
    expect(d.warnings.join('\n')).toMatch(/different checklists \(ita-2568 1 → ita-2568 2\)/);
    expect(d.warnings.join('\n')).toMatch(/did not finish/);
  });

  it('renders text and Markdown without letting crawled text inject anything', () => {
    const hostile = record('2', [{ id: 'O1', status: 'fail', urls: ['http://a/o1'], reason: '\u001b[31m<script>x</script> *bold* \nnext' }, ...after.items.slice(1)]);
    const text = renderDiffText(diffAudits(before, hostile));
    expect(text).not.toContain('\u001b');
    expect(text).toContain('O1: pass → fail');
    expect(text).toContain('REGRESSION');
    const md = renderDiffMarkdown(diffAudits(before, hostile));
    expect(md).not.toContain('<script>');
    expect(md).toContain('\\<script\\>');
    expect(md).toContain('## Newly failing (was pass) (1)');
  });
});

describe('sparkline', () => {
  it('maps 0–100 to bars', () => {
    expect(sparkline([0, 50, 100])).toBe('▁▅█');
  });
});

function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, ['--import', 'tsx', join(root, 'tests/store/run-commands.ts'), ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? ((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('history and diff commands', () => {
  let db: string;
  beforeAll(async () => {
    db = join(await mkdtemp(join(tmpdir(), 'oit-diffcli-')), 'h.json');
    const t = (d: number) => new Date(Date.UTC(2026, 10, d));
    await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'fail' }, { id: 'O2', status: 'fail' }]), { reportDir: 'r1', time: t(1), agencyName: 'อบต.ทดสอบ' });
    await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'pass', urls: ['http://a/1'] }, { id: 'O2', status: 'fail' }]), { reportDir: 'r2', time: t(2) });
    await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'pass', urls: ['http://a/1'] }, { id: 'O2', status: 'pass', urls: ['http://a/2'] }]), { reportDir: 'r3', time: t(3) });
    await recordAudit(db, buildResult('a.go.th', [{ id: 'O1', status: 'fail' }, { id: 'O2', status: 'pass', urls: ['http://a/2b'] }], { checklistVersion: '2' }), { reportDir: 'r4', time: t(4) });
  });

  it('history shows each audit and the score trend', async () => {
    const { code, stdout } = await cli(['history', 'a.go.th', '--db', db]);
    expect(code).toBe(0);
    expect(stdout).toContain('a.go.th  (อบต.ทดสอบ)');
    expect(stdout).toContain('trend ▁▅█▅');
    expect(stdout).toMatch(/0\.0 → 50\.0 \(\+50\.0\) over 4 audits/);
    const json = JSON.parse((await cli(['history', '--db', db, '--json'])).stdout);
    expect(json).toHaveLength(4);
  });

  it('diff defaults to the last two audits and exits 2 on regression with the flag', async () => {
    const plain = await cli(['diff', 'a.go.th', '--db', db]);
    expect(plain.code).toBe(0);
    expect(plain.stdout).toContain('audit 3');
    expect(plain.stdout).toContain('O1: pass → fail');
    expect(plain.stdout).toContain('different checklists');
    const strict = await cli(['diff', 'a.go.th', '--db', db, '--fail-on-regression', '--format', 'json']);
    expect(strict.code).toBe(2);
    const d = JSON.parse(strict.stdout);
    expect(d.newlyFailing.map((e: { id: string }) => e.id)).toEqual(['O1']);
    expect(d.urlChanged.map((e: { id: string }) => e.id)).toEqual(['O2']);
  });

  it('diff --from/--to by id or date; improvement does not fail', async () => {
    const r = await cli(['diff', '--db', db, '--from', '2026-11-01', '--to', '3', '--format', 'md', '--fail-on-regression']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('## Newly passing (2)');
  });

  it('bad input gives one line, no stack', async () => {
    const [r, fmt, empty] = await Promise.all([
      cli(['diff', '--db', db, '--from', 'nope']),
      cli(['diff', '--db', db, '--format', 'xml']),
      cli(['diff', '--db', join(tmpdir(), 'does-not-exist-oit.json')]),
    ]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(/no audit with id nope/);
    expect(fmt.stderr).toMatch(/unknown --format xml/);
    expect(empty.code).toBe(1);
    expect(empty.stderr).toMatch(/no audits in/);
  });
});
