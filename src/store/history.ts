// The audit history: one JSON file read and written through lowdb, with a custom adapter because
// lowdb's own JSONFile writer uses one fixed temp name per file and loses writes when two
// processes save at once (DEPENDENCIES.md §6). Every read-modify-write holds a lock file and
// ends in an atomic rename, so readers never see half a file and writers never lose a record.
import { Low, type Adapter } from 'lowdb';
import { copyFile, readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { z } from 'zod';
import type { AuditResult } from '../audit/result.ts';
import { UserError } from '../util/errors.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { withFileLock, type LockOptions } from './lock.ts';
import { HistoryFile, HistoryRecord, emptyHistory, type HistoryItem } from './schema.ts';

export const DEFAULT_HISTORY_PATH = 'reports/history.json';

const REASON_CAP = 300;
const DEAD_LINK_WORDS = /dead link|broken link|\b404\b|\b5\d\d\b|not found|no longer (exists|available)|page failed|unreachable|javascript:|ลิงก์เสีย|ลิงก์ไม่ทำงาน/i;

/** Reads and validates the store; a bad file is copied aside and reported in one line. */
class HistoryFileAdapter implements Adapter<HistoryFile> {
  constructor(readonly path: string) {}

  async read(): Promise<HistoryFile | null> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw new UserError(`cannot read history store ${this.path}: ${(error as Error).message}`);
    }
    let problem: string;
    try {
      const parsed = HistoryFile.safeParse(JSON.parse(text));
      if (parsed.success) return parsed.data;
      const issue = parsed.error.issues[0]!;
      problem = `${issue.message} at ${issue.path.join('.') || '(root)'}`;
    } catch (error) {
      problem = `not valid JSON (${(error as Error).message.split('\n')[0]})`;
    }
    const backup = `${this.path}.corrupt-${new Date().toISOString().replace(/[:.]/g, '-')}`;
    await copyFile(this.path, backup).catch(() => undefined);
    throw new UserError(
      `history store ${this.path} is corrupt: ${problem}; a copy was kept as ${basename(backup)} — fix or remove the file (or use --db another.json)`,
    );
  }

  async write(data: HistoryFile): Promise<void> {
    await writeFileAtomic(this.path, `${JSON.stringify(data, null, 2)}\n`);
  }
}

async function openStore(dbPath: string): Promise<Low<HistoryFile>> {
  const db = new Low<HistoryFile>(new HistoryFileAdapter(dbPath), emptyHistory());
  await db.read();
  return db;
}

/** A site as typed by a user or stored by the audit → a comparable key (host[:port], lower case, no www.). */
export function siteKey(site: string): string {
  const trimmed = site.trim();
  try {
    const url = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `http://${trimmed}`);
    return url.host.toLowerCase().replace(/^www\./, '');
  } catch {
    return trimmed.toLowerCase();
  }
}

function isDeadLinkFailure(item: AuditResult['items'][number]): boolean {
  if (item.status !== 'fail') return false;
  const urls = [...item.submitUrls, ...item.evidence.map((e) => e.url)];
  if (urls.some((u) => u === '#' || /^javascript:/i.test(u))) return true;
  return urls.length > 0 && DEAD_LINK_WORDS.test(`${item.reason.en} ${item.reason.th}`);
}

/** The compact per-item view kept in history. */
export function historyItemsOf(result: AuditResult): HistoryItem[] {
  return result.items.map((item) => {
    const urls = item.submitUrls.length > 0 ? item.submitUrls : item.evidence.slice(0, 1).map((e) => e.url);
    const out: HistoryItem = { id: item.id, status: item.status, urls, reason: item.reason.en.slice(0, REASON_CAP) };
    if (isDeadLinkFailure(item)) out.deadLink = true;
    return out;
  });
}

export interface RecordMeta {
  reportDir: string;
  agencyName?: string;
  /** when the audit ran (ISO 8601 or Date) */
  time: string | Date;
}

export async function recordAudit(dbPath: string, result: AuditResult, meta: RecordMeta, lock?: LockOptions): Promise<HistoryRecord> {
  const time = typeof meta.time === 'string' ? new Date(meta.time) : meta.time;
  if (Number.isNaN(time.getTime())) throw new UserError(`invalid audit time ${String(meta.time)}`);
  return withFileLock(
    dbPath,
    async () => {
      const db = await openStore(dbPath);
      const nextId = db.data.audits.reduce((max, a) => Math.max(max, Number.parseInt(a.id, 10) || 0), 0) + 1;
      const record = HistoryRecord.parse({
        id: String(nextId),
        // from the start URL, so two local sites on different ports stay apart
        site: siteKey(result.startUrl || result.site),
        startUrl: result.startUrl,
        ...(meta.agencyName ? { agencyName: meta.agencyName } : {}),
        checklistId: result.checklist.id,
        checklistVersion: result.checklist.version,
        fiscalYear: result.fiscalYear,
        time: time.toISOString(),
        score: Math.max(0, Math.min(100, result.score.total)),
        counts: result.score.counts,
        items: historyItemsOf(result),
        reportDir: meta.reportDir,
        complete: result.complete,
        siteStatus: result.siteStatus,
      } satisfies z.input<typeof HistoryRecord>);
      db.data.audits.push(record);
      await db.write();
      return record;
    },
    lock,
  );
}

/** Audits oldest first; only those of `site` when given. */
export async function listAudits(dbPath: string, site?: string): Promise<HistoryRecord[]> {
  const db = await openStore(dbPath);
  const key = site ? siteKey(site) : undefined;
  return db.data.audits
    .filter((a) => key === undefined || a.site === key)
    .sort((a, b) => a.time.localeCompare(b.time) || Number(a.id) - Number(b.id));
}

/**
 * One audit by id, or by date: "2026-11-23" → the last audit that day, a full ISO time → the last
 * audit at or before it. Narrowed to `site` when given. UserError when nothing matches.
 */
export async function getAudit(dbPath: string, idOrDate: string, site?: string): Promise<HistoryRecord> {
  const audits = await listAudits(dbPath, site);
  const wanted = idOrDate.trim();
  const byId = audits.find((a) => a.id === wanted);
  if (byId) return byId;
  const where = site ? ` for ${siteKey(site)}` : '';
  if (/^\d{4}-\d{2}-\d{2}$/.test(wanted)) {
    const sameDay = audits.filter((a) => a.time.slice(0, 10) === wanted);
    if (sameDay.length > 0) return sameDay[sameDay.length - 1]!;
    throw new UserError(`no audit on ${wanted}${where} (see: oit-audit history)`);
  }
  const at = Date.parse(wanted);
  if (/^\d{4}-\d{2}-\d{2}T/.test(wanted) && !Number.isNaN(at)) {
    const before = audits.filter((a) => Date.parse(a.time) <= at);
    if (before.length > 0) return before[before.length - 1]!;
    throw new UserError(`no audit at or before ${wanted}${where} (see: oit-audit history)`);
  }
  throw new UserError(`no audit with id ${wanted}${where} (ids and dates are listed by: oit-audit history)`);
}
