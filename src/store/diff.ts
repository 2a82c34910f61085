// What changed between two audits of one site: pure, so cron/CI output is testable.
import type { HistoryItem, HistoryRecord } from './schema.ts';

export interface DiffEntry {
  id: string;
  from?: HistoryItem['status'];
  to?: HistoryItem['status'];
  fromUrls: string[];
  toUrls: string[];
  reason?: string;
}

export interface AuditDiff {
  site: string;
  from: Pick<HistoryRecord, 'id' | 'time' | 'score' | 'checklistId' | 'checklistVersion' | 'complete'>;
  to: Pick<HistoryRecord, 'id' | 'time' | 'score' | 'checklistId' | 'checklistVersion' | 'complete'>;
  scoreChange: number;
  /** was pass, now anything else (except the dead-link case below) */
  newlyFailing: DiffEntry[];
  /** was pass with a URL, now fail because that link is dead */
  evidenceBroken: DiffEntry[];
  /** was not pass, now pass */
  newlyPassing: DiffEntry[];
  /** pass both times but the URL to submit changed */
  urlChanged: DiffEntry[];
  /** fail or partial both times */
  stillMissing: DiffEntry[];
  /** items only in one of the two checklists */
  added: string[];
  removed: string[];
  warnings: string[];
  regressed: boolean;
}

const pick = (r: HistoryRecord) => ({
  id: r.id,
  time: r.time,
  score: r.score,
  checklistId: r.checklistId,
  checklistVersion: r.checklistVersion,
  complete: r.complete,
});

const sameUrls = (a: string[], b: string[]) => a.length === b.length && a.every((u, i) => u === b[i]);

export function diffAudits(from: HistoryRecord, to: HistoryRecord): AuditDiff {
  const warnings: string[] = [];
  if (from.site !== to.site) warnings.push(`comparing different sites: ${from.site} and ${to.site}`);
  if (from.checklistId !== to.checklistId || from.checklistVersion !== to.checklistVersion) {
    warnings.push(
      `the audits used different checklists (${from.checklistId} ${from.checklistVersion} → ${to.checklistId} ${to.checklistVersion}): some changes may come from the checklist, not the website`,
    );
  }
  if (from.fiscalYear !== to.fiscalYear) warnings.push(`the audits checked different fiscal years (${from.fiscalYear} → ${to.fiscalYear})`);
  if (!to.complete) warnings.push(`audit ${to.id} did not finish (crawl budget or interruption): items it did not reach may look missing`);
  if (!from.complete) warnings.push(`audit ${from.id} did not finish: its results are partial`);

  const before = new Map(from.items.map((i) => [i.id, i]));
  const after = new Map(to.items.map((i) => [i.id, i]));
  const diff: AuditDiff = {
    site: to.site,
    from: pick(from),
    to: pick(to),
    scoreChange: Math.round((to.score - from.score) * 100) / 100,
    newlyFailing: [],
    evidenceBroken: [],
    newlyPassing: [],
    urlChanged: [],
    stillMissing: [],
    added: to.items.filter((i) => !before.has(i.id)).map((i) => i.id),
    removed: from.items.filter((i) => !after.has(i.id)).map((i) => i.id),
    warnings,
    regressed: false,
  };

  for (const now of to.items) {
    const was = before.get(now.id);
    if (!was) continue;
    const entry: DiffEntry = { id: now.id, from: was.status, to: now.status, fromUrls: was.urls, toUrls: now.urls, reason: now.reason };
    if (was.status === 'pass' && now.status !== 'pass') {
      if (now.status === 'fail' && now.deadLink && was.urls.length > 0) diff.evidenceBroken.push(entry);
      else diff.newlyFailing.push(entry);
    } else if (was.status !== 'pass' && now.status === 'pass') {
      diff.newlyPassing.push(entry);
    } else if (was.status === 'pass' && now.status === 'pass') {
      if (!sameUrls(was.urls, now.urls)) diff.urlChanged.push(entry);
    } else if ((was.status === 'fail' || was.status === 'partial') && (now.status === 'fail' || now.status === 'partial')) {
      diff.stillMissing.push(entry);
    }
  }
  diff.regressed = diff.newlyFailing.length > 0 || diff.evidenceBroken.length > 0;
  return diff;
}

// ---- rendering -------------------------------------------------------------------------------

/** Crawled text in a terminal: drop control characters (no escape-sequence injection), one line. */
function clean(text: string | undefined, cap = 160): string {
  const flat = (text ?? '').replace(/[\u0000-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]+/g, ' ').trim();
  return flat.length > cap ? `${flat.slice(0, cap - 1)}…` : flat;
}

/** Markdown-safe inline text. */
function md(text: string | undefined, cap = 160): string {
  return clean(text, cap).replace(/[\\`*_{}[\]()<>#+!|~]/g, (c) => `\\${c}`);
}

const SECTIONS: Array<[keyof Pick<AuditDiff, 'newlyFailing' | 'evidenceBroken' | 'newlyPassing' | 'urlChanged' | 'stillMissing'>, string]> = [
  ['newlyFailing', 'Newly failing (was pass)'],
  ['evidenceBroken', 'Evidence now broken (was pass, link now dead)'],
  ['newlyPassing', 'Newly passing'],
  ['urlChanged', 'Evidence URL changed'],
  ['stillMissing', 'Still missing'],
];

function describe(key: string, e: DiffEntry, esc: (s: string | undefined, cap?: number) => string): string {
  const status = `${e.from} → ${e.to}`;
  const url = (u: string[]) => (u.length ? esc(u[0], 200) : '(none)');
  if (key === 'urlChanged') return `${e.id}: ${url(e.fromUrls)} → ${url(e.toUrls)}`;
  if (key === 'evidenceBroken') return `${e.id}: ${status}; ${url(e.fromUrls)}${e.reason ? ` — ${esc(e.reason)}` : ''}`;
  if (key === 'newlyPassing') return `${e.id}: ${status}${e.toUrls.length ? ` ${url(e.toUrls)}` : ''}`;
  return `${e.id}: ${status}${e.reason ? ` — ${esc(e.reason)}` : ''}`;
}

export function renderDiffText(d: AuditDiff): string {
  const lines: string[] = [];
  const sign = d.scoreChange > 0 ? '+' : '';
  lines.push(`${clean(d.site)}: audit ${d.from.id} (${d.from.time}) → ${d.to.id} (${d.to.time})`);
  lines.push(`score ${d.from.score.toFixed(1)} → ${d.to.score.toFixed(1)} (${sign}${d.scoreChange.toFixed(1)})`);
  for (const w of d.warnings) lines.push(`warning: ${clean(w, 400)}`);
  for (const [key, title] of SECTIONS) {
    const entries = d[key];
    lines.push('', `${title}: ${entries.length}`);
    for (const e of entries) lines.push(`  ${describe(key, e, clean)}`);
  }
  if (d.added.length) lines.push('', `New items in the checklist: ${d.added.join(', ')}`);
  if (d.removed.length) lines.push('', `Items no longer in the checklist: ${d.removed.join(', ')}`);
  lines.push('', d.regressed ? 'REGRESSION: items that passed before no longer pass.' : 'No regression.');
  return `${lines.join('\n')}\n`;
}

export function renderDiffMarkdown(d: AuditDiff): string {
  const sign = d.scoreChange > 0 ? '+' : '';
  const lines: string[] = [
    `# Audit diff: ${md(d.site)}`,
    '',
    `Audit ${md(d.from.id)} (${md(d.from.time)}) → ${md(d.to.id)} (${md(d.to.time)})  `,
    `Score ${d.from.score.toFixed(1)} → ${d.to.score.toFixed(1)} (${sign}${d.scoreChange.toFixed(1)})`,
  ];
  if (d.warnings.length) lines.push('', ...d.warnings.map((w) => `> **Warning:** ${md(w, 400)}`));
  for (const [key, title] of SECTIONS) {
    const entries = d[key];
    lines.push('', `## ${title} (${entries.length})`, '');
    if (entries.length === 0) lines.push('_none_');
    for (const e of entries) lines.push(`- ${describe(key, e, md)}`);
  }
  if (d.added.length) lines.push('', `New checklist items: ${d.added.map((i) => md(i)).join(', ')}`);
  if (d.removed.length) lines.push('', `Removed checklist items: ${d.removed.map((i) => md(i)).join(', ')}`);
  lines.push('', d.regressed ? '**Regression:** items that passed before no longer pass.' : 'No regression.');
  return `${lines.join('\n')}\n`;
}

export function renderDiffJson(d: AuditDiff): string {
  return `${JSON.stringify(d, null, 2)}\n`;
}
