import { describe, expect, it } from 'vitest';
import { AuditResult, RESULT_SCHEMA_VERSION } from '../../src/audit/result.ts';
import { parseResultJson, renderJson } from '../../src/report/json.ts';
import { UserError } from '../../src/util/errors.ts';
import { buildResult, hostileResult } from './sample-result.ts';

describe('renderJson', () => {
  it('writes pretty JSON that validates against the result schema, with schemaVersion', () => {
    const text = renderJson(buildResult());
    expect(text.endsWith('}\n')).toBe(true);
    expect(text).toContain('\n  "schemaVersion": 1,');
    const data = JSON.parse(text);
    expect(data.schemaVersion).toBe(RESULT_SCHEMA_VERSION);
    expect(AuditResult.safeParse(data).success).toBe(true);
    expect(data.items.map((i: { status: string }) => i.status)).toEqual(['pass', 'partial', 'fail', 'manual', 'not-checked', 'pass']);
  });

  it('keeps hostile text as data (JSON is not a rendering surface) and round-trips it', () => {
    const result = hostileResult();
    expect(parseResultJson(renderJson(result))).toEqual(result);
  });

  it('refuses an invalid result with a one-line UserError and writes nothing', () => {
    const broken = { ...buildResult(), items: [{ id: 'O1', status: 'great' }] } as unknown as AuditResult;
    expect(() => renderJson(broken)).toThrow(UserError);
    try {
      renderJson(broken);
    } catch (error) {
      expect((error as Error).message).toMatch(/^audit result does not match the result schema: items\.0\./);
      expect((error as Error).message).not.toContain('\n');
    }
  });
});

describe('parseResultJson', () => {
  it('names the file on bad JSON, wrong version and wrong shape', () => {
    expect(() => parseResultJson('{', 'x/result.json')).toThrow(/^x\/result\.json: not valid JSON/);
    expect(() => parseResultJson(JSON.stringify({ ...buildResult(), schemaVersion: 99 }), 'r.json')).toThrow(/schema version 99 is not supported/);
    expect(() => parseResultJson('{"schemaVersion":1}', 'r.json')).toThrow(/^r\.json: not an oit-audit result: /);
  });
  it('accepts a BOM', () => {
    expect(parseResultJson(`\uFEFF${renderJson(buildResult())}`).fiscalYear).toBe(2568);
  });
});
