// Save and load a SiteSnapshot as gzip JSON. Saving is atomic; loading validates with zod and
// turns every problem (missing, not gzip, not JSON, wrong shape) into a one-line UserError.
import { readFile } from 'node:fs/promises';
import { gunzipSync, gzipSync } from 'node:zlib';
import { SiteSnapshot } from './schema.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { UserError, oneLine } from '../util/errors.ts';

/** snapshots are big but not this big; a larger inflated file is refused rather than read */
const MAX_JSON_BYTES = 1024 * 1024 * 1024;

export async function saveSnapshot(path: string, s: SiteSnapshot): Promise<void> {
  const json = JSON.stringify(s);
  const data = path.endsWith('.json') ? Buffer.from(json) : gzipSync(json, { level: 6 });
  await writeFileAtomic(path, data);
}

export async function loadSnapshot(path: string): Promise<SiteSnapshot> {
  let raw: Buffer;
  try {
    raw = await readFile(path);
  } catch (error) {
    const code = (error as { code?: string }).code;
    throw new UserError(code === 'ENOENT' ? `snapshot not found: ${path}` : `cannot read snapshot ${path}: ${oneLine(error)}`);
  }
  let text: string;
  try {
    text = raw[0] === 0x1f && raw[1] === 0x8b ? gunzipSync(raw, { maxOutputLength: MAX_JSON_BYTES }).toString('utf8') : raw.toString('utf8');
  } catch (error) {
    throw new UserError(`snapshot ${path} is not a valid gzip file: ${oneLine(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new UserError(`snapshot ${path} is not valid JSON`);
  }
  const parsed = SiteSnapshot.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new UserError(`snapshot ${path} is not a valid oit-audit snapshot: ${issue.path.join('.') || '(root)'}: ${issue.message}`);
  }
  return parsed.data;
}
