// The agency list for `oit-audit batch`: CSV (header row) or YAML (a list, or {agencies: [...]}).
// Every bad row is reported on its own line; nothing runs until the whole list is valid.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import YAML from 'yaml';
import { UserError } from '../util/errors.ts';

const requiredText = (field: string) =>
  z.string({ error: (issue) => (issue.input === undefined || issue.input === null ? `${field} is missing` : `${field} must be text`) });

const httpUrl = requiredText('url')
  .trim()
  .min(1, 'url is empty')
  .transform((value, ctx) => {
    // "mailto:x" has a scheme; "host:8080/path" does not
    const withScheme = /^[a-z][a-z0-9+.-]*:(?!\d)/i.test(value) ? value : `https://${value}`;
    try {
      const url = new URL(withScheme);
      if (url.protocol === 'http:' || url.protocol === 'https:') return url.href;
      ctx.addIssue({ code: 'custom', message: `only http(s) URLs can be audited, got ${url.protocol}` });
    } catch {
      ctx.addIssue({ code: 'custom', message: `not a valid URL: ${value}` });
    }
    return z.NEVER;
  });

const fiscalYear = z.union([z.number(), z.string().trim()]).transform((value, ctx) => {
  const n = typeof value === 'number' ? value : Number(value.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
  if (Number.isInteger(n) && n >= 2400 && n <= 2700) return n;
  if (Number.isInteger(n) && n >= 1900 && n < 2200) return n + 543;
  ctx.addIssue({ code: 'custom', message: `fiscalYear ${value} is not a Buddhist-era year such as 2568` });
  return z.NEVER;
});

const hostList = z.union([z.array(z.string()), z.string()]).transform((value) =>
  (Array.isArray(value) ? value : value.split(/[;,|\s]+/)).map((h) => h.trim().toLowerCase()).filter(Boolean),
);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v === null ? undefined : v);

export const AgencyRow = z.object({
  name: requiredText('name').trim().min(1, 'name is empty').max(200, 'name is longer than 200 characters'),
  url: httpUrl,
  checklist: z.preprocess(blankToUndefined, z.string().trim().min(1).optional()),
  fiscalYear: z.preprocess(blankToUndefined, fiscalYear.optional()),
  extraHosts: z.preprocess(blankToUndefined, hostList.optional()),
  notes: z.preprocess(blankToUndefined, z.string().max(2000).optional()),
});
export type AgencyRow = z.infer<typeof AgencyRow>;

export interface Agency extends AgencyRow {
  /** stable key for resume: derived from name + url */
  key: string;
  /** folder name under the batch output folder */
  folder: string;
  /** 1-based row number in the input, for messages */
  row: number;
}

/** Header aliases accepted in CSV files (Thai headers too). */
const HEADER_ALIASES: Record<string, keyof AgencyRow> = {
  name: 'name', agency: 'name', 'agency name': 'name', ชื่อ: 'name', หน่วยงาน: 'name', ชื่อหน่วยงาน: 'name',
  url: 'url', website: 'url', site: 'url', เว็บไซต์: 'url',
  checklist: 'checklist',
  fiscalyear: 'fiscalYear', 'fiscal year': 'fiscalYear', fiscal_year: 'fiscalYear', year: 'fiscalYear', ปีงบประมาณ: 'fiscalYear',
  extrahosts: 'extraHosts', 'extra hosts': 'extraHosts', extra_hosts: 'extraHosts',
  notes: 'notes', note: 'notes', หมายเหตุ: 'notes',
};

/** RFC 4180 CSV: quoted fields, doubled quotes, CRLF or LF, BOM stripped. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const src = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (quoted) {
      if (c === '"') {
        if (src[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && src[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows.filter((r) => r.some((f) => f.trim() !== ''));
}

function csvRecords(text: string, file: string): Array<{ row: number; data: Record<string, unknown> }> {
  const rows = parseCsv(text);
  if (rows.length === 0) throw new UserError(`${file}: the agency list is empty`);
  const header = rows[0]!.map((h) => HEADER_ALIASES[h.trim().toLowerCase()]);
  const unknown = rows[0]!.filter((_, i) => !header[i]);
  if (unknown.length) throw new UserError(`${file}: unknown column(s) ${unknown.map((u) => `"${u.trim()}"`).join(', ')} (use name, url, checklist, fiscalYear, extraHosts, notes)`);
  if (!header.includes('name') || !header.includes('url')) throw new UserError(`${file}: the header row must have "name" and "url" columns`);
  return rows.slice(1).map((cells, i) => ({
    row: i + 2,
    data: Object.fromEntries(header.map((key, j) => [key!, cells[j] ?? ''])),
  }));
}

function yamlRecords(text: string, file: string): Array<{ row: number; data: unknown }> {
  let doc: unknown;
  try {
    doc = YAML.parse(text);
  } catch (error) {
    throw new UserError(`${file}: not valid YAML: ${(error as Error).message.split('\n')[0]}`);
  }
  const list = Array.isArray(doc) ? doc : doc && typeof doc === 'object' && Array.isArray((doc as { agencies?: unknown }).agencies) ? (doc as { agencies: unknown[] }).agencies : null;
  if (!list) throw new UserError(`${file}: expected a list of agencies (or "agencies:" with a list)`);
  return list.map((data, i) => ({ row: i + 1, data }));
}

function folderName(url: string, key: string): string {
  const host = new URL(url).host.replace(/[^a-z0-9.-]/gi, '_');
  return `${host}-${key.slice(0, 8)}`;
}

/** Validates parsed rows; throws one UserError listing every bad row, one per line. */
export function validateAgencies(records: Array<{ row: number; data: unknown }>, file: string): Agency[] {
  const errors: string[] = [];
  const agencies: Agency[] = [];
  const seen = new Map<string, number>();
  for (const { row, data } of records) {
    const parsed = AgencyRow.safeParse(data);
    const where = file.endsWith('.csv') ? `line ${row}` : `agency ${row}`;
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
      errors.push(`${file} ${where}: ${problems.join('; ')}`);
      continue;
    }
    const keyName = parsed.data.name.toLowerCase();
    const previous = seen.get(keyName);
    if (previous !== undefined) {
      errors.push(`${file} ${where}: duplicate agency name "${parsed.data.name}" (first at ${previous})`);
      continue;
    }
    seen.set(keyName, row);
    const key = createHash('sha256').update(`${parsed.data.name}\n${parsed.data.url}`).digest('hex').slice(0, 12);
    agencies.push({ ...parsed.data, key, folder: folderName(parsed.data.url, key), row });
  }
  if (errors.length) throw new UserError(`${errors.length} bad row${errors.length === 1 ? '' : 's'} in the agency list:\n${errors.join('\n')}`);
  if (agencies.length === 0) throw new UserError(`${file}: the agency list is empty`);
  return agencies;
}

export function parseAgencyList(text: string, file: string): Agency[] {
  const ext = extname(file).toLowerCase();
  if (ext === '.csv') return validateAgencies(csvRecords(text, file), file);
  if (ext === '.yaml' || ext === '.yml') return validateAgencies(yamlRecords(text, file), file);
  throw new UserError(`${file}: expected a .csv, .yaml or .yml agency list`);
}

export async function loadAgencyList(file: string): Promise<Agency[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    throw new UserError(code === 'ENOENT' ? `agency list not found: ${file}` : `cannot read ${file}: ${(error as Error).message}`);
  }
  return parseAgencyList(text, file);
}
