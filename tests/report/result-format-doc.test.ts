// docs/result-format.md must stay in step with the result schema.
import { readFile } from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { AuditResult, ComponentResult, Evidence, GroupScore, ItemResult, RESULT_SCHEMA_VERSION } from '../../src/audit/result.ts';
import { parseResultJson } from '../../src/report/json.ts';

const doc = await readFile(new URL('../../docs/result-format.md', import.meta.url), 'utf8');

describe('docs/result-format.md', () => {
  it('states the current schema version', () => {
    expect(doc).toContain(`currently **${RESULT_SCHEMA_VERSION}**`);
  });

  it.each([
    ['AuditResult', AuditResult.shape],
    ['checklist', AuditResult.shape.checklist.shape],
    ['score', AuditResult.shape.score.shape],
    ['crawl', AuditResult.shape.crawl.shape],
    ['provenance', AuditResult.shape.provenance.shape],
    ['ItemResult', ItemResult.shape],
    ['Evidence', Evidence.shape],
    ['ComponentResult', ComponentResult.shape],
    ['GroupScore', GroupScore.shape],
  ])('documents every field of %s', (_name, shape) => {
    for (const field of Object.keys(shape)) expect(doc, field).toContain(`| \`${field}\` |`);
  });

  it('has an example that is a valid result', () => {
    const example = /```json\n([\s\S]*?)\n```/.exec(doc)![1]!;
    expect(parseResultJson(example, 'example').items[0]!.status).toBe('partial');
  });
});
