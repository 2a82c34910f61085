// Audits a list of agencies: several at once under one budget, one at a time per host, each
// agency in its own report folder through runScan. A failing agency is recorded and the rest go
// on. After every agency the batch state is saved atomically, so `--resume` skips what is done
// and Ctrl-C never loses a finished agency.
import PQueue from 'p-queue';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { Checklist } from '../checklist/schema.ts';
import type { ScanEvent } from '../crawl/events.ts';
import type { CrawlOptions } from '../crawl/options.ts';
import type { ReportFormat } from '../report/index.ts';
import type { ScanOutcome, ScanRequest } from '../pipeline/run-scan.ts';
import { ItemStatus } from '../audit/result.ts';
import { LocalizedText } from '../checklist/schema.ts';
import { UserError, oneLine } from '../util/errors.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import type { Agency } from './input.ts';

export const BATCH_STATE_FILE = 'batch-state.json';

const AgencyItem = z.object({
  id: z.string(),
  title: LocalizedText,
  status: ItemStatus,
  submitUrls: z.array(z.string()),
  reason: LocalizedText.optional(),
});
export type AgencyItem = z.infer<typeof AgencyItem>;

export const AgencyOutcome = z.object({
  key: z.string(),
  name: z.string(),
  url: z.string(),
  notes: z.string().optional(),
  folder: z.string(),
  /** done = audited (complete or not); failed = the site could not be audited; interrupted = stopped by Ctrl-C; pending = not started */
  status: z.enum(['done', 'failed', 'interrupted', 'pending']),
  error: z.string().optional(),
  siteStatus: z.enum(['ok', 'unreachable', 'blocked']).optional(),
  score: z.number().optional(),
  counts: z.record(z.string(), z.number()).optional(),
  complete: z.boolean().optional(),
  checklistId: z.string().optional(),
  checklistVersion: z.string().optional(),
  fiscalYear: z.number().optional(),
  pages: z.number().optional(),
  items: z.array(AgencyItem).default([]),
  startedAt: z.string().optional(),
  finishedAt: z.string().optional(),
});
export type AgencyOutcome = z.infer<typeof AgencyOutcome>;

const BatchState = z.object({
  schemaVersion: z.literal(1),
  updatedAt: z.string(),
  agencies: z.record(z.string(), AgencyOutcome),
});
type BatchState = z.infer<typeof BatchState>;

export type ScanFn = (req: ScanRequest) => Promise<ScanOutcome>;

export interface BatchOptions {
  agencies: Agency[];
  outDir: string;
  /** the checklist for a row (its own `checklist`, else the batch default) */
  resolveChecklist: (idOrPath: string | undefined, fiscalYear: number) => Promise<Checklist>;
  /** fiscal year for rows without one */
  fiscalYear: number;
  /** agencies audited at the same time (the global budget) */
  concurrency: number;
  /** agencies on one host audited at the same time (politeness); default 1 */
  perHostConcurrency?: number;
  resume?: boolean;
  formats: ReportFormat[];
  lang: 'th' | 'en';
  /** crawl options for every agency (extraHosts are merged with the row's) */
  crawl: Partial<CrawlOptions>;
  dbPath?: string;
  signal?: AbortSignal;
  /**
   * an agency still running after this long is stopped (its partial audit is kept, marked
   * incomplete); if its scan does not return within a grace period after that, it is recorded as
   * failed and the batch moves on. Default: no limit.
   */
  agencyTimeoutMs?: number;
  onAgencyStart?: (agency: Agency) => void;
  onAgencyEvent?: (agency: Agency, event: ScanEvent) => void;
  /** also called at the start for agencies a previous run finished (--resume) */
  onAgencyDone?: (agency: Agency, outcome: AgencyOutcome) => void;
  /** the scan pipeline; default runScan (imported lazily so the batch module loads without the crawler) */
  scan?: ScanFn;
}

export interface BatchRunResult {
  /** one per agency, in input order */
  outcomes: AgencyOutcome[];
  /** agencies skipped because a previous run finished them (--resume) */
  resumed: string[];
  interrupted: boolean;
  statePath: string;
}

export async function loadBatchState(statePath: string): Promise<BatchState | null> {
  let text: string;
  try {
    text = await readFile(statePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new UserError(`cannot read batch state ${statePath}: ${(error as Error).message}`);
  }
  try {
    const parsed = BatchState.safeParse(JSON.parse(text));
    if (parsed.success) return parsed.data;
    throw new Error(parsed.error.issues[0]?.message ?? 'invalid');
  } catch (error) {
    throw new UserError(`batch state ${statePath} is damaged (${oneLine(error)}); remove it to start the batch again`);
  }
}

function hostOf(url: string): string {
  return new URL(url).host.toLowerCase();
}

function pendingOutcome(agency: Agency, outDir: string): AgencyOutcome {
  return { key: agency.key, name: agency.name, url: agency.url, notes: agency.notes, folder: join(outDir, agency.folder), status: 'pending', items: [] };
}

function outcomeOf(agency: Agency, reportDir: string, outcome: ScanOutcome, interrupted: boolean, startedAt: string): AgencyOutcome {
  const { result } = outcome;
  const base: AgencyOutcome = {
    ...pendingOutcome(agency, ''),
    folder: reportDir,
    siteStatus: result.siteStatus,
    checklistId: result.checklist.id,
    checklistVersion: result.checklist.version,
    fiscalYear: result.fiscalYear,
    pages: result.crawl.pages,
    startedAt,
    finishedAt: new Date().toISOString(),
    status: 'done',
    items: [],
  };
  if (result.siteStatus !== 'ok') {
    const why = result.siteStatus === 'blocked' ? 'blocked the crawler' : 'unreachable';
    return { ...base, status: 'failed', error: `${why}: ${oneLine(result.siteError ?? result.siteStatus)}` };
  }
  if (result.crawl.pages === 0) {
    return { ...base, status: 'failed', error: oneLine(result.siteError ?? 'no page of the site could be fetched') };
  }
  return {
    ...base,
    status: interrupted && !result.complete ? 'interrupted' : 'done',
    score: result.score.total,
    counts: result.score.counts,
    complete: result.complete,
    items: result.items.map((i) => ({ id: i.id, title: i.title, status: i.status, submitUrls: i.submitUrls, reason: i.reason })),
  };
}

export async function runBatch(opts: BatchOptions): Promise<BatchRunResult> {
  const statePath = join(opts.outDir, BATCH_STATE_FILE);
  const previous = opts.resume ? await loadBatchState(statePath) : null;
  const state: BatchState = { schemaVersion: 1, updatedAt: new Date().toISOString(), agencies: {} };
  const resumed: string[] = [];
  for (const agency of opts.agencies) {
    const before = previous?.agencies[agency.key];
    if (before?.status === 'done') {
      state.agencies[agency.key] = before;
      resumed.push(agency.name);
    }
  }

  // State writes are chained so two agencies finishing together cannot interleave their saves.
  let saving: Promise<void> = Promise.resolve();
  const saveState = (): Promise<void> => {
    saving = saving
      .catch(() => undefined)
      .then(async () => {
        state.updatedAt = new Date().toISOString();
        try {
          await writeFileAtomic(statePath, `${JSON.stringify(state, null, 2)}\n`);
        } catch (error) {
          throw new UserError(`cannot write the batch state ${statePath}: ${oneLine(error)}`);
        }
      });
    return saving;
  };
  await saveState();
  for (const agency of opts.agencies) {
    if (state.agencies[agency.key]?.status === 'done') opts.onAgencyDone?.(agency, state.agencies[agency.key]!);
  }

  const scan: ScanFn = opts.scan ?? (async (req) => (await import('../pipeline/run-scan.ts')).runScan(req));
  const global = new PQueue({ concurrency: Math.max(1, opts.concurrency) });
  const hostQueues = new Map<string, PQueue>();
  const hostQueue = (host: string): PQueue => {
    let q = hostQueues.get(host);
    if (!q) {
      q = new PQueue({ concurrency: Math.max(1, opts.perHostConcurrency ?? 1) });
      hostQueues.set(host, q);
    }
    return q;
  };

  const auditOne = async (agency: Agency): Promise<void> => {
    if (opts.signal?.aborted) return;
    const reportDir = join(opts.outDir, agency.folder);
    const startedAt = new Date().toISOString();
    opts.onAgencyStart?.(agency);
    let outcome: AgencyOutcome;
    const controller = new AbortController();
    const stopForUser = () => controller.abort();
    opts.signal?.addEventListener('abort', stopForUser, { once: true });
    const timers: NodeJS.Timeout[] = [];
    try {
      const fiscalYear = agency.fiscalYear ?? opts.fiscalYear;
      const checklist = await opts.resolveChecklist(agency.checklist, fiscalYear);
      const scanning = scan({
        url: agency.url,
        checklist,
        fiscalYear,
        outDir: reportDir,
        formats: opts.formats,
        lang: opts.lang,
        crawl: { ...opts.crawl, extraHosts: [...(opts.crawl.extraHosts ?? []), ...(agency.extraHosts ?? [])] },
        dbPath: opts.dbPath,
        agencyName: agency.name,
        signal: controller.signal,
        onEvent: opts.onAgencyEvent ? (e) => opts.onAgencyEvent!(agency, e) : undefined,
      });
      // after a timeout the race has moved on; a late failure must not become an unhandled rejection
      scanning.catch(() => undefined);
      const limit = opts.agencyTimeoutMs;
      const scanned = limit
        ? await Promise.race([
            scanning,
            new Promise<never>((_, reject) => {
              timers.push(setTimeout(() => controller.abort(), limit));
              const grace = Math.min(30_000, Math.max(1_000, limit / 4));
              timers.push(setTimeout(() => reject(new Error(`did not finish within ${Math.round((limit + grace) / 1000)} s (timed out)`)), limit + grace));
            }),
          ])
        : await scanning;
      outcome = outcomeOf(agency, reportDir, scanned, Boolean(opts.signal?.aborted), startedAt);
    } catch (error) {
      outcome = {
        ...pendingOutcome(agency, opts.outDir),
        status: opts.signal?.aborted ? 'interrupted' : 'failed',
        error: oneLine(error),
        startedAt,
        finishedAt: new Date().toISOString(),
      };
    } finally {
      timers.forEach(clearTimeout);
      opts.signal?.removeEventListener('abort', stopForUser);
    }
    state.agencies[agency.key] = outcome;
    await saveState();
    opts.onAgencyDone?.(agency, outcome);
  };

  const todo = opts.agencies.filter((a) => state.agencies[a.key]?.status !== 'done');
  await Promise.all(todo.map((agency) => hostQueue(hostOf(agency.url)).add(() => global.add(() => auditOne(agency)))));
  await saving;

  return {
    outcomes: opts.agencies.map((a) => state.agencies[a.key] ?? pendingOutcome(a, opts.outDir)),
    resumed,
    interrupted: Boolean(opts.signal?.aborted),
    statePath,
  };
}

// ---- the portfolio view shared by the summary writers -------------------------------------------

export interface MissedItem {
  id: string;
  title: LocalizedText;
  /** audited agencies where the item is not pass */
  missed: number;
  audited: number;
}

export interface BatchSummary {
  generatedAt: string;
  /** ranked: audited agencies by score (high first), then the ones that failed or did not run */
  agencies: AgencyOutcome[];
  /** item ids in checklist order (the union over the agencies) */
  itemIds: string[];
  itemTitles: Record<string, LocalizedText>;
  mostMissed: MissedItem[];
  counts: { total: number; done: number; failed: number; interrupted: number; pending: number };
  averageScore: number | null;
}

export function summarizeBatch(outcomes: AgencyOutcome[], generatedAt: Date = new Date()): BatchSummary {
  const audited = outcomes.filter((o) => o.score !== undefined);
  const ranked = [
    ...[...audited].sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || a.name.localeCompare(b.name, 'th')),
    ...outcomes.filter((o) => o.score === undefined),
  ];
  const itemIds: string[] = [];
  const itemTitles: Record<string, LocalizedText> = {};
  for (const o of audited) {
    for (const item of o.items) {
      if (!(item.id in itemTitles)) {
        itemIds.push(item.id);
        itemTitles[item.id] = item.title;
      }
    }
  }
  const mostMissed = itemIds
    .map((id) => {
      const withItem = audited.filter((o) => o.items.some((i) => i.id === id));
      return {
        id,
        title: itemTitles[id]!,
        audited: withItem.length,
        missed: withItem.filter((o) => o.items.find((i) => i.id === id)!.status !== 'pass').length,
      };
    })
    .filter((m) => m.missed > 0)
    .sort((a, b) => b.missed / b.audited - a.missed / a.audited || b.missed - a.missed || itemIds.indexOf(a.id) - itemIds.indexOf(b.id));
  const count = (s: AgencyOutcome['status']) => outcomes.filter((o) => o.status === s).length;
  return {
    generatedAt: generatedAt.toISOString(),
    agencies: ranked,
    itemIds,
    itemTitles,
    mostMissed,
    counts: { total: outcomes.length, done: count('done'), failed: count('failed'), interrupted: count('interrupted'), pending: count('pending') },
    averageScore: audited.length ? audited.reduce((s, o) => s + (o.score ?? 0), 0) / audited.length : null,
  };
}

/** Writes summary.html, summary.csv and summary.xlsx into the batch folder (each atomically). */
export async function writeBatchSummaries(summary: BatchSummary, outDir: string, opts: { lang: 'th' | 'en' }): Promise<string[]> {
  const [{ renderSummaryHtml }, { renderSummaryCsv }, { renderSummaryXlsx }] = await Promise.all([
    import('./summary-html.ts'),
    import('./summary-csv.ts'),
    import('./summary-xlsx.ts'),
  ]);
  const files = [join(outDir, 'summary.html'), join(outDir, 'summary.csv'), join(outDir, 'summary.xlsx')];
  await writeFileAtomic(files[0]!, renderSummaryHtml(summary, opts));
  await writeFileAtomic(files[1]!, renderSummaryCsv(summary));
  await writeFileAtomic(files[2]!, await renderSummaryXlsx(summary, opts));
  return files;
}
