// Accuracy benchmark: serve every labelled fixture site on 127.0.0.1, crawl and audit it the way
// `oit-audit scan` does, and compare the verdicts with the assessor's labels.
//   npm run bench:accuracy [-- --json] [-- --site name …] [-- --dir tests/fixtures/holdout]
// Exit 1 when any false pass occurs (the tool says pass where the label does not).
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { startFixtureServer } from '../tests/helpers/fixture-server.ts';
import { listLabelledSites, loadSiteLabels, SITES_DIR, type LabelStatus, type SiteLabels } from '../tests/fixtures/labels-schema.ts';
import { crawl } from '../src/crawl/crawler.ts';
import { audit } from '../src/audit/audit.ts';
import { loadChecklist } from '../src/checklist/registry.ts';
import { locateWords } from '../src/pipeline/locate-words.ts';
import type { AuditResult } from '../src/audit/result.ts';

export const STATUSES: LabelStatus[] = ['pass', 'partial', 'fail', 'manual', 'not-checked'];

export type Confusion = Record<LabelStatus, Record<LabelStatus, number>>;

export interface Disagreement {
  id: string;
  expected: LabelStatus;
  actual: LabelStatus;
  /** the assessor's reason */
  label: string;
  /** the tool's reason (English) */
  tool: string;
}

export interface SiteScore {
  site: string;
  checklist: string;
  fiscalYear: number;
  items: number;
  agreed: number;
  /** 0–100 */
  agreement: number;
  /** tool pass, label not pass: the worst error */
  falsePasses: Disagreement[];
  /** label pass, tool not pass */
  falseFails: Disagreement[];
  disagreements: Disagreement[];
  confusion: Confusion;
  pages: number;
  documents: number;
  seconds: number;
  error?: string;
}

export interface BenchOptions {
  /** crawl render mode; the full bench uses 'auto' (Chromium for JS shells) */
  render?: 'never' | 'auto' | 'always';
  maxPages?: number;
  /** folder holding the labelled sites (default tests/fixtures/sites) */
  dir?: string;
}

export function emptyConfusion(): Confusion {
  return Object.fromEntries(STATUSES.map((e) => [e, Object.fromEntries(STATUSES.map((a) => [a, 0]))])) as Confusion;
}

/** Compare an audit with the labels. Pure. Items missing from the result count as not-checked. */
export function compare(labels: SiteLabels, result: Pick<AuditResult, 'items'>): Omit<SiteScore, 'pages' | 'documents' | 'seconds'> {
  const confusion = emptyConfusion();
  const byId = new Map(result.items.map((i) => [i.id, i]));
  const disagreements: Disagreement[] = [];
  let agreed = 0;
  for (const [id, label] of Object.entries(labels.items)) {
    const item = byId.get(id);
    const actual: LabelStatus = item?.status ?? 'not-checked';
    confusion[label.status][actual] += 1;
    if (actual === label.status) agreed += 1;
    else disagreements.push({ id, expected: label.status, actual, label: label.reason, tool: item?.reason.en ?? 'item missing from the result' });
  }
  const items = Object.keys(labels.items).length;
  return {
    site: labels.site,
    checklist: labels.checklist,
    fiscalYear: labels.fiscalYear,
    items,
    agreed,
    agreement: items ? (100 * agreed) / items : 0,
    falsePasses: disagreements.filter((d) => d.actual === 'pass'),
    falseFails: disagreements.filter((d) => d.expected === 'pass'),
    disagreements,
    confusion,
  };
}

/** Serve, crawl, audit and score one fixture site. */
export async function benchSite(site: string, opts: BenchOptions = {}): Promise<SiteScore> {
  const started = performance.now();
  const dir = opts.dir ?? SITES_DIR;
  const labels = await loadSiteLabels(site, dir);
  const checklist = await loadChecklist(labels.checklist);
  const server = await startFixtureServer({ root: join(dir, site) });
  try {
    const snapshot = await crawl({
      startUrl: server.url,
      render: opts.render ?? 'auto',
      ignoreRobots: false,
      maxPages: opts.maxPages ?? 300,
      priorityWords: locateWords(checklist),
    });
    const result = audit(snapshot, checklist, labels.fiscalYear);
    const seconds = (performance.now() - started) / 1000;
    return { ...compare(labels, result), pages: snapshot.pages.length, documents: snapshot.documents.length, seconds };
  } finally {
    await server.close();
  }
}

export function totals(scores: SiteScore[]): SiteScore {
  const confusion = emptyConfusion();
  for (const s of scores) for (const e of STATUSES) for (const a of STATUSES) confusion[e][a] += s.confusion[e][a];
  const items = scores.reduce((n, s) => n + s.items, 0);
  const agreed = scores.reduce((n, s) => n + s.agreed, 0);
  const tag = (s: SiteScore) => (d: Disagreement) => ({ ...d, id: `${s.site}:${d.id}` });
  return {
    site: 'TOTAL',
    checklist: '*',
    fiscalYear: 0,
    items,
    agreed,
    agreement: items ? (100 * agreed) / items : 0,
    falsePasses: scores.flatMap((s) => s.falsePasses.map(tag(s))),
    falseFails: scores.flatMap((s) => s.falseFails.map(tag(s))),
    disagreements: scores.flatMap((s) => s.disagreements.map(tag(s))),
    confusion,
    pages: scores.reduce((n, s) => n + s.pages, 0),
    documents: scores.reduce((n, s) => n + s.documents, 0),
    seconds: scores.reduce((n, s) => n + s.seconds, 0),
  };
}

export function formatConfusion(c: Confusion): string {
  const short: Record<LabelStatus, string> = { pass: 'pass', partial: 'partial', fail: 'fail', manual: 'manual', 'not-checked': 'n/c' };
  const head = `label \\ tool ${STATUSES.map((s) => short[s].padStart(8)).join('')}`;
  const rows = STATUSES.map((e) => `${short[e].padEnd(13)}${STATUSES.map((a) => String(c[e][a]).padStart(8)).join('')}`);
  return [head, ...rows].join('\n');
}

export function formatScores(scores: SiteScore[]): string {
  const total = totals(scores);
  const line = (s: SiteScore) =>
    `${s.site.padEnd(22)} ${String(s.agreed).padStart(4)}/${String(s.items).padEnd(4)} ${s.agreement.toFixed(1).padStart(6)}%  false pass ${String(s.falsePasses.length).padStart(3)}  false fail ${String(s.falseFails.length).padStart(3)}  ${String(s.pages).padStart(4)} pages ${String(s.documents).padStart(4)} docs ${s.seconds.toFixed(1).padStart(6)} s${s.error ? `  ERROR ${s.error}` : ''}`;
  const out = ['site                   agreed      %', ...scores.map(line), '-'.repeat(110), line(total), '', formatConfusion(total.confusion)];
  if (total.falsePasses.length) out.push('', 'FALSE PASSES:', ...total.falsePasses.map((d) => `  ${d.id}: label ${d.expected} (${d.label}) | tool: ${d.tool}`));
  if (total.disagreements.length) out.push('', 'Disagreements:', ...total.disagreements.map((d) => `  ${d.id}: label ${d.expected}, tool ${d.actual} | label: ${d.label} | tool: ${d.tool}`));
  return out.join('\n');
}

async function main(argv: string[]): Promise<number> {
  const json = argv.includes('--json');
  const wanted: string[] = [];
  argv.forEach((a, i) => {
    if (a === '--site' && argv[i + 1]) wanted.push(argv[i + 1]!);
  });
  const dirIndex = argv.indexOf('--dir');
  const dir = dirIndex >= 0 && argv[dirIndex + 1] ? resolve(argv[dirIndex + 1]!) : SITES_DIR;
  const all = listLabelledSites(dir);
  const unknown = wanted.filter((w) => !all.includes(w));
  if (unknown.length) {
    console.error(`unknown site: ${unknown.join(', ')} (have: ${all.join(', ')})`);
    return 1;
  }
  const sites = wanted.length ? wanted : all;
  const scores: SiteScore[] = [];
  for (const site of sites) {
    try {
      const s = await benchSite(site, { dir });
      scores.push(s);
      if (!json) console.error(`${site}: ${s.agreement.toFixed(1)}% (${s.seconds.toFixed(1)} s)`);
    } catch (error) {
      const labels = await loadSiteLabels(site, dir);
      const failed = compare(labels, { items: [] });
      scores.push({ ...failed, pages: 0, documents: 0, seconds: 0, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
    }
  }
  const total = totals(scores);
  if (json) console.log(JSON.stringify({ sites: scores, total }, null, 2));
  else console.log(formatScores(scores));
  return total.falsePasses.length > 0 || scores.some((s) => s.error) ? 1 : 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main(process.argv.slice(2)).then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exit(1);
    },
  );
}
