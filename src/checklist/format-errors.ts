// Turns YAML and schema problems into one line each, naming the file, the item and the field:
//   checklists/x.yaml: O8.components[1].check.kind: unknown check kind "keywrd" (expected one of: keyword, …)
// A consultant editing YAML should be able to fix each line without reading code.
import type { z } from 'zod';

type PathSegment = PropertyKey;

/** the value at `path` in `data`, or undefined */
function valueAt(data: unknown, path: readonly PathSegment[]): unknown {
  let current: unknown = data;
  for (const segment of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[segment as string];
  }
  return current;
}

/**
 * ["items", 7, "components", 1, "check", "kind"] → "O8.components[1].check.kind", using the item's
 * id from the raw data when it has one (else "items[7]").
 */
export function formatPath(path: readonly PathSegment[], data: unknown): string {
  let out = '';
  let rest = path;
  if (path[0] === 'items' && typeof path[1] === 'number') {
    const id = valueAt(data, ['items', path[1], 'id']);
    out = typeof id === 'string' && id.trim() !== '' ? id : `items[${path[1]}]`;
    rest = path.slice(2);
  }
  for (const segment of rest) {
    if (typeof segment === 'number') out += `[${segment}]`;
    else out += out === '' ? String(segment) : `.${String(segment)}`;
  }
  return out || '(file)';
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
  return String(value);
}

/** one plain-language message for a zod issue, given the raw value at its path */
export function describeIssue(issue: z.core.$ZodIssue, data: unknown): string {
  const value = valueAt(data, issue.path);
  switch (issue.code) {
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if ((issue as { discriminator?: string }).discriminator === 'kind' && Array.isArray(options)) {
        return value === undefined
          ? `missing check kind (expected one of: ${options.join(', ')})`
          : `unknown check kind ${describe(value)} (expected one of: ${options.join(', ')})`;
      }
      return `invalid value ${describe(value)}`;
    }
    case 'invalid_value':
      return `${describe(value)} is not one of: ${issue.values.map((v) => String(v)).join(', ')}`;
    case 'invalid_type':
      return value === undefined ? `required (${issue.expected})` : `expected ${issue.expected}, got ${describe(value)}`;
    case 'too_small':
      if (issue.origin === 'array') return `needs at least ${String(issue.minimum)} entr${issue.minimum === 1 ? 'y' : 'ies'}`;
      if (issue.origin === 'string') return 'must not be empty';
      return `must be at least ${String(issue.minimum)}, got ${describe(value)}`;
    case 'too_big':
      return `must be at most ${String(issue.maximum)}, got ${describe(value)}`;
    case 'invalid_format':
      return `${describe(value)} ${issue.message.replace(/^Invalid string: /, 'does not match: ')}`;
    default:
      return issue.message;
  }
}

/** "file: path: message" lines, one per issue, in file order */
export function formatZodIssues(file: string, issues: readonly z.core.$ZodIssue[], data: unknown): string[] {
  return issues.map((issue) => `${file}: ${formatPath(issue.path, data)}: ${describeIssue(issue, data)}`);
}

/** "file:line:col: YAML syntax error: message" */
export function formatYamlError(file: string, error: { message: string; linePos?: [{ line: number; col: number }, ...unknown[]] }): string {
  const pos = error.linePos?.[0];
  const where = pos ? `${file}:${pos.line}:${pos.col}` : file;
  const message = error.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '').trim();
  return `${where}: YAML syntax error: ${message}`;
}
