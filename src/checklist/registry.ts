// The shipped checklists (checklists/*.yaml) and loading a checklist by id or by file path.
import { readdir, readFile, stat } from 'node:fs/promises';
import { basename, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../util/errors.ts';
import { compactForMatch } from '../thai/normalize.ts';
import { validateChecklistText } from './loader.ts';
import type { Checklist, Item } from './schema.ts';

export { validateChecklistText } from './loader.ts';
export type { ValidationResult } from './loader.ts';

/** the folder of shipped checklists; OIT_CHECKLISTS_DIR overrides it */
export function checklistsDir(): string {
  return process.env.OIT_CHECKLISTS_DIR
    ? resolve(process.env.OIT_CHECKLISTS_DIR)
    : fileURLToPath(new URL('../../checklists/', import.meta.url));
}

export interface ChecklistEntry { id: string; file: string; checklist: Checklist }
export interface InvalidChecklistEntry { file: string; errors: string[] }

async function checklistFiles(dir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(dir);
  } catch {
    throw new UserError(`checklist folder not found: ${dir}`);
  }
  return names.filter((n) => /\.ya?ml$/i.test(n)).sort().map((n) => join(dir, n));
}

/** every checklist file in the folder, valid ones and broken ones apart */
export async function scanChecklists(dir = checklistsDir()): Promise<{ valid: ChecklistEntry[]; invalid: InvalidChecklistEntry[] }> {
  const valid: ChecklistEntry[] = [];
  const invalid: InvalidChecklistEntry[] = [];
  for (const file of await checklistFiles(dir)) {
    const result = validateChecklistText(await readFile(file, 'utf8'), file);
    if (result.ok) valid.push({ id: result.checklist.id, file, checklist: result.checklist });
    else invalid.push({ file, errors: result.errors });
  }
  return { valid, invalid };
}

/** the valid shipped checklists (checklists/*.yaml), sorted by file name */
export async function listChecklists(): Promise<ChecklistEntry[]> {
  return (await scanChecklists()).valid;
}

/** read and validate one checklist file; UserError with one line per problem */
export async function loadChecklistFile(path: string): Promise<Checklist> {
  let text: string;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UserError(`${path}: not a file`);
    text = await readFile(path, 'utf8');
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${path}: cannot read checklist file (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  }
  const result = validateChecklistText(text, path);
  if (!result.ok) throw new UserError(result.errors.join('\n'));
  return result.checklist;
}

function looksLikePath(idOrPath: string): boolean {
  return /[\\/]/.test(idOrPath) || /\.ya?ml$/i.test(idOrPath);
}

/**
 * A shipped checklist by id ("ita-2566") or any checklist file by path ("./my.yaml").
 * UserError naming the available ids when the id is unknown, or one line per problem when invalid.
 */
export async function loadChecklist(idOrPath: string): Promise<Checklist> {
  if (looksLikePath(idOrPath)) return loadChecklistFile(idOrPath);
  const dir = checklistsDir();
  const files = await checklistFiles(dir);
  const byName = files.find((f) => basename(f, extname(f)) === idOrPath);
  if (byName) {
    const checklist = await loadChecklistFile(byName);
    if (checklist.id === idOrPath) return checklist;
  }
  const { valid } = await scanChecklists(dir);
  const found = valid.find((e) => e.id === idOrPath);
  if (found) return found.checklist;
  const ids = valid.map((e) => e.id).join(', ') || 'none';
  throw new UserError(`unknown checklist "${idOrPath}" (available: ${ids}; or give a path to a .yaml file)`);
}

/** an item by id, forgiving case, spaces and leading zeros: "o8", "O08", "moit1" */
export function findItem(checklist: Checklist, id: string): Item | undefined {
  const key = (s: string) => compactForMatch(s).replace(/(\D)0+(\d)/g, '$1$2');
  const wanted = key(id);
  return checklist.items.find((item) => key(item.id) === wanted);
}
