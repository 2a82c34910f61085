// Parses checklist YAML text and validates it against the schema. Pure: no disk access, so the
// CLI, the registry and tests share exactly one path from text to Checklist.
import { parseDocument } from 'yaml';
import { Checklist, Check } from './schema.ts';
import { formatPath, formatYamlError, formatZodIssues } from './format-errors.ts';

export type ValidationResult = { ok: true; checklist: Checklist } | { ok: false; errors: string[] };

const MAX_CHECKLIST_BYTES = 2_000_000;

const KNOWN_FIELDS = {
  checklist: ['id', 'framework', 'fiscalYear', 'version', 'title', 'status', 'sources', 'groups', 'items'],
  group: ['id', 'title'],
  item: ['id', 'title', 'group', 'locate', 'components', 'window', 'unconfirmed', 'note'],
  locate: ['linkText', 'urlPatterns', 'headings', 'exclude'],
  component: ['id', 'text', 'check'],
  text: ['th', 'en'],
} as const;

/** fields each check kind accepts, read from the schema so the two cannot drift apart */
const CHECK_FIELDS: Record<string, string[]> = Object.fromEntries(
  Check.options.map((option) => [option.shape.kind.value, Object.keys(option.shape)]),
);

function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The schema quietly drops fields it does not know, so a misspelt "urlPattern" would vanish without
 * a word; report every unknown field instead.
 */
function unknownFields(data: unknown): Array<{ path: PropertyKey[]; field: string; known: readonly string[] }> {
  const found: Array<{ path: PropertyKey[]; field: string; known: readonly string[] }> = [];
  const visit = (value: unknown, path: PropertyKey[], known: readonly string[]) => {
    if (!isMapping(value)) return;
    for (const key of Object.keys(value)) if (!known.includes(key)) found.push({ path: [...path, key], field: key, known });
  };
  if (!isMapping(data)) return found;
  visit(data, [], KNOWN_FIELDS.checklist);
  visit(data.title, ['title'], KNOWN_FIELDS.text);
  if (Array.isArray(data.groups)) data.groups.forEach((g, i) => {
    visit(g, ['groups', i], KNOWN_FIELDS.group);
    if (isMapping(g)) visit(g.title, ['groups', i, 'title'], KNOWN_FIELDS.text);
  });
  if (!Array.isArray(data.items)) return found;
  data.items.forEach((item, i) => {
    visit(item, ['items', i], KNOWN_FIELDS.item);
    if (!isMapping(item)) return;
    visit(item.title, ['items', i, 'title'], KNOWN_FIELDS.text);
    visit(item.locate, ['items', i, 'locate'], KNOWN_FIELDS.locate);
    if (!Array.isArray(item.components)) return;
    item.components.forEach((c, j) => {
      visit(c, ['items', i, 'components', j], KNOWN_FIELDS.component);
      if (!isMapping(c)) return;
      visit(c.text, ['items', i, 'components', j, 'text'], KNOWN_FIELDS.text);
      if (isMapping(c.check) && typeof c.check.kind === 'string' && CHECK_FIELDS[c.check.kind]) {
        visit(c.check, ['items', i, 'components', j, 'check'], CHECK_FIELDS[c.check.kind]!);
        if (c.check.kind === 'manual') visit(c.check.reason, ['items', i, 'components', j, 'check', 'reason'], KNOWN_FIELDS.text);
      }
    });
  });
  return found;
}

/**
 * Checklist YAML text → a validated Checklist, or one line per problem:
 * `file:line:col: YAML syntax error: …` or `file: O8.components[1].check.kind: …`.
 */
export function validateChecklistText(text: string, file: string): ValidationResult {
  if (text.length > MAX_CHECKLIST_BYTES) return { ok: false, errors: [`${file}: file is too large for a checklist (over 2 MB)`] };
  const doc = parseDocument(text, { prettyErrors: true, uniqueKeys: true });
  if (doc.errors.length > 0) {
    return { ok: false, errors: doc.errors.map((e) => formatYamlError(file, e as Parameters<typeof formatYamlError>[1])) };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (error) {
    return { ok: false, errors: [`${file}: YAML error: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`] };
  }
  if (!isMapping(data)) return { ok: false, errors: [`${file}: (file): expected a mapping with id, framework, items …, got ${data === null || data === undefined ? 'an empty file' : typeof data}`] };
  const errors: string[] = [];
  const parsed = Checklist.safeParse(data);
  if (!parsed.success) errors.push(...formatZodIssues(file, parsed.error.issues, data));
  for (const u of unknownFields(data)) {
    errors.push(`${file}: ${formatPath(u.path, data)}: unknown field "${u.field}" (expected one of: ${u.known.join(', ')})`);
  }
  if (errors.length > 0 || !parsed.success) return { ok: false, errors };
  return { ok: true, checklist: parsed.data };
}
