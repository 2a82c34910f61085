import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { validateChecklistText } from '../../src/checklist/loader.ts';

const FILE = 'checklists/x.yaml';
const minimal = readFileSync(new URL('../fixtures/checklists/minimal.yaml', import.meta.url), 'utf8');

function errors(text: string): string[] {
  const result = validateChecklistText(text, FILE);
  if (result.ok) throw new Error('expected the checklist to be invalid');
  return result.errors;
}

describe('validateChecklistText', () => {
  it('accepts a valid checklist and applies the schema defaults', () => {
    const result = validateChecklistText(minimal, FILE);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.checklist.items.map((i) => i.id)).toEqual(['O1', 'O8']);
    expect(result.checklist.items[0]!.locate.urlPatterns).toEqual([]);
    expect(result.checklist.items[1]!.components[1]!.check).toEqual({ kind: 'fiscal-year', window: 'current', allowRange: false, scope: 'any' });
  });

  it('names file, item id and field path for an unknown check kind', () => {
    const lines = errors(minimal.replace('kind: two-way-channel', 'kind: two-way'));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^checklists\/x\.yaml: O8\.components\[0\]\.check\.kind: unknown check kind "two-way" \(expected one of: keyword, fiscal-year, /);
  });

  it('reports one line per problem', () => {
    const lines = errors(minimal.replace('window: current }', 'window: now }').replace('id: chart', 'id: Chart!').replace('fiscalYear: 2566', 'fiscalYear: "2566"'));
    expect(lines).toEqual([
      'checklists/x.yaml: fiscalYear: expected number, got "2566"',
      expect.stringMatching(/^checklists\/x\.yaml: O1\.components\[0\]\.id: "Chart!" .*lower-case/),
      'checklists/x.yaml: O8.components[1].check.window: "now" is not one of: current, previous, first-half',
    ]);
  });

  it('reports missing fields, duplicates and unknown groups', () => {
    expect(errors(minimal.replace('        text: { th: ถามตอบ, en: Two-way }\n', ''))).toEqual(['checklists/x.yaml: O8.components[0].text: required (object)']);
    expect(errors(minimal.replace('- id: O8', '- id: O1'))).toEqual(['checklists/x.yaml: O1.id: duplicate item id O1']);
    expect(errors(minimal.replace('group: "9.1"\n    window', 'group: "9.9"\n    window'))).toEqual(['checklists/x.yaml: O8.group: unknown group "9.9"']);
  });

  it('uses items[n] when the item has no id', () => {
    expect(errors(minimal.replace('  - id: O8\n', '  - idd: O8\n'))).toEqual([
      'checklists/x.yaml: items[1].id: required (string)',
      'checklists/x.yaml: items[1].idd: unknown field "idd" (expected one of: id, title, group, locate, components, window, unconfirmed, note)',
    ]);
  });

  it('reports misspelt fields that the schema would silently drop', () => {
    expect(errors(minimal.replace('      linkText: [ถาม-ตอบ]', '      linkText: [ถาม-ตอบ]\n      urlPattern: [qa]'))).toEqual([
      'checklists/x.yaml: O8.locate.urlPattern: unknown field "urlPattern" (expected one of: linkText, urlPatterns, headings, exclude)',
    ]);
    expect(errors(minimal.replace('check: { kind: image, any: [แผนผัง] }', 'check: { kind: image, any: [แผนผัง], window: current }'))).toEqual([
      expect.stringContaining('checklists/x.yaml: O1.components[0].check.window: unknown field "window" (expected one of: kind, any, min, scope)'),
    ]);
  });

  it('gives YAML syntax errors one line with line:col', () => {
    const lines = errors('id: x\nitems: [a, b\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^checklists\/x\.yaml:\d+:\d+: YAML syntax error: /);
    expect(errors('id: a\nid: b\n')[0]).toMatch(/^checklists\/x\.yaml:2:1: YAML syntax error: .*[Mm]ap keys must be unique/);
  });

  it('rejects empty and non-mapping files with one line', () => {
    expect(errors('')).toEqual(['checklists/x.yaml: (file): expected a mapping with id, framework, items …, got an empty file']);
    expect(errors('- a\n- b\n')[0]).toMatch(/^checklists\/x\.yaml: \(file\): expected a mapping/);
  });

  it('never puts a newline inside one problem line', () => {
    const lines = errors(minimal.replace('kind: two-way-channel', 'kind: [oops]').replace('status: draft', 'status: final'));
    expect(lines.length).toBeGreaterThanOrEqual(2);
    for (const line of lines) expect(line).not.toContain('\n');
  });
});
