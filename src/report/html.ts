// report.html: one self-contained file that works offline. No script at all; a strict CSP meta
// means that even if some crawled markup slipped through escaping, no script could run and
// nothing could be fetched. Every value from the result goes through escapeHtml; only http(s)
// evidence URLs become links.
import type { AuditResult, ComponentResult, Evidence, ItemResult } from '../audit/result.ts';
import { anchorId, displayUrl, escapeHtml as h, safeHttpUrl } from './escape.ts';
import { REPORT_CSS } from './html-style.ts';
import { ITEM_STATUSES, STATUS_SYMBOL, formatPercent, other, pick, statusLabel, ui, windowLabel, type ReportLang } from './labels.ts';

export const REPORT_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'";

export interface HtmlReportOptions {
  lang?: ReportLang;
  /** evidence.screenshot → data: URI, prepared by loadScreenshots (only data:image URIs are used) */
  screenshots?: ReadonlyMap<string, string>;
}

type Status = ItemResult['status'] | ComponentResult['status'];

function badge(status: Status, lang: ReportLang): string {
  return `<span class="badge badge-${status}">${STATUS_SYMBOL[status]} ${h(statusLabel(status, lang))}</span>`;
}

/** A link when the URL is http(s); otherwise the URL as text with a note, never clickable. */
function link(url: string, lang: ReportLang, text?: string): string {
  const label = h(text && text.trim() ? text : displayUrl(url), 300);
  const safe = safeHttpUrl(url);
  if (safe) return `<a href="${h(safe, 4000)}" rel="noopener noreferrer" target="_blank">${label}</a>`;
  return `<span class="url-text" title="${h(ui('notClickable', lang))}">${h(displayUrl(url), 300)}</span>`;
}

/** Primary language, with the other language underneath when it differs. */
function both(text: { th: string; en: string }, lang: ReportLang, max = 2000): string {
  const second = other(text, lang);
  const otherLang = lang === 'th' ? 'en' : 'th';
  return `<span>${h(pick(text, lang), max)}</span>${second ? `<br><span class="secondary" lang="${otherLang}">${h(second, max)}</span>` : ''}`;
}

function notices(result: AuditResult, lang: ReportLang): string {
  const out: string[] = [];
  if (result.siteStatus !== 'ok') {
    const key = result.siteStatus === 'blocked' ? 'blocked' : 'unreachable';
    out.push(`<p class="notice notice-error" role="alert">${h(ui(key, lang))}${result.siteError ? ` <span class="secondary">(${h(result.siteError, 300)})</span>` : ''}</p>`);
  }
  if (!result.complete) out.push(`<p class="notice">${h(ui('incomplete', lang))}</p>`);
  if (result.checklist.status === 'draft') out.push(`<p class="notice">${h(ui('draft', lang))}</p>`);
  return out.join('\n');
}

function summary(result: AuditResult, lang: ReportLang): string {
  const s = result.score;
  const counts = ITEM_STATUSES.map((st) => `<li>${badge(st, lang)} <strong>${s.counts[st] ?? 0}</strong></li>`).join('');
  return `<section class="summary" aria-labelledby="summary-h">
<h2 id="summary-h" class="visually-hidden">${h(ui('summary', lang))}</h2>
<div><div class="score">${h(formatPercent(s.total))}</div><div class="muted">${h(ui('passedOf', lang, { passed: s.passed, items: s.items }))}</div></div>
<ul class="counts" aria-label="${h(ui('status', lang))}">${counts}</ul>
</section>`;
}

/** One CSS bar per group, segmented by item status; the numbers are also given as text. */
function groupChart(result: AuditResult, lang: ReportLang): string {
  const rows = result.groups.map((g) => {
    const items = result.items.filter((i) => i.group === g.id);
    const segments = ITEM_STATUSES.map((st) => {
      const n = items.filter((i) => i.status === st).length;
      if (!n || !items.length) return '';
      const width = Math.round((n / items.length) * 1000) / 10;
      return `<span class="bar-${st}" style="width:${width}%" title="${h(statusLabel(st, lang))}: ${n}"></span>`;
    }).join('');
    const label = `${pick(g.title, lang)}: ${formatPercent(g.score)} (${g.passed}/${g.items})`;
    return `<div>${h(pick(g.title, lang), 200)}</div>
<div class="bar-track" role="img" aria-label="${h(label, 300)}">${segments}</div>
<div class="num"><strong>${h(formatPercent(g.score))}</strong> <span class="muted">(${g.passed}/${g.items})</span></div>`;
  });
  return `<section aria-labelledby="groups-h"><h2 id="groups-h">${h(ui('byGroup', lang))}</h2>
<div class="chart">${rows.join('\n')}</div></section>`;
}

function itemTable(result: AuditResult, lang: ReportLang): string {
  const rows = result.items.map((item) => {
    const url = item.submitUrls[0] ?? item.evidence[0]?.url;
    return `<tr><td class="id"><a href="#${anchorId('item', item.id)}">${h(item.id, 40)}</a></td>
<td>${h(pick(item.title, lang), 300)}</td><td>${badge(item.status, lang)}</td>
<td>${url ? link(url, lang) : `<span class="muted">${h(ui('noEvidence', lang))}</span>`}</td>
<td>${h(pick(item.reason, lang), 500)}</td></tr>`;
  });
  return `<section aria-labelledby="items-h"><h2 id="items-h">${h(ui('items', lang))}</h2>
<table><thead><tr><th scope="col">${h(ui('id', lang))}</th><th scope="col">${h(ui('title', lang))}</th><th scope="col">${h(ui('status', lang))}</th><th scope="col">${h(ui('evidenceUrl', lang))}</th><th scope="col">${h(ui('reason', lang))}</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table></section>`;
}

function componentsTable(item: ItemResult, lang: ReportLang): string {
  if (!item.components.length) return '';
  const rows = item.components.map(
    (c) => `<tr><td>${both(c.text, lang, 300)}</td><td><code>${h(c.kind, 40)}</code></td><td>${badge(c.status, lang)}</td>
<td>${both(c.detail, lang, 600)}${c.snippet ? `<span class="snippet">${h(c.snippet, 400)}</span>` : ''}</td>
<td>${c.url ? link(c.url, lang) : ''}</td></tr>`,
  );
  return `<h4>${h(ui('components', lang))}</h4>
<table><thead><tr><th scope="col">${h(ui('component', lang))}</th><th scope="col">${h(ui('check', lang))}</th><th scope="col">${h(ui('status', lang))}</th><th scope="col">${h(ui('detail', lang))}</th><th scope="col">URL</th></tr></thead>
<tbody>${rows.join('\n')}</tbody></table>`;
}

function evidenceList(item: ItemResult, lang: ReportLang, screenshots: ReadonlyMap<string, string>): string {
  if (!item.evidence.length) return `<p class="muted">${h(ui('noEvidence', lang))}</p>`;
  const entries = item.evidence.slice(0, 8).map((e: Evidence) => {
    const shot = e.screenshot ? screenshots.get(e.screenshot) : undefined;
    const img = shot && /^data:image\/(png|jpeg|webp);base64,[A-Za-z0-9+/=]+$/.test(shot)
      ? `<img class="shot" src="${shot}" alt="${h(ui('screenshot', lang))}: ${h(displayUrl(e.url), 200)}">`
      : '';
    return `<li>${link(e.url, lang, e.title || undefined)}
<span class="secondary">(${h(ui('matchedBy', lang))}: ${h(e.matchedBy, 30)}${e.foundOn ? `; ${h(ui('foundOn', lang))}: ${link(e.foundOn, lang)}` : ''})</span>
${e.snippet ? `<span class="snippet">${h(e.snippet, 600)}</span>` : ''}${img}</li>`;
  });
  return `<ul class="evidence">${entries.join('\n')}</ul>`;
}

function itemDetail(item: ItemResult, lang: ReportLang, screenshots: ReadonlyMap<string, string>): string {
  const meta: string[] = [
    `<dt>${h(ui('reason', lang))}</dt><dd>${both(item.reason, lang)}</dd>`,
    `<dt>${h(ui('fix', lang))}</dt><dd>${both(item.fix, lang)}</dd>`,
  ];
  if (item.submitUrls.length) meta.push(`<dt>${h(ui('submitUrls', lang))}</dt><dd>${item.submitUrls.map((u) => link(u, lang)).join('<br>')}</dd>`);
  if (item.window) meta.push(`<dt>${h(ui('window', lang))}</dt><dd>${h(windowLabel(item.window, lang))}</dd>`);
  meta.push(`<dt>${h(ui('confidence', lang))}</dt><dd>${Math.round(item.confidence * 100)}%</dd>`);
  if (item.unconfirmed) meta.push(`<dt>${h(ui('note', lang))}</dt><dd>${h(ui('unconfirmed', lang))}</dd>`);
  if (item.note) meta.push(`<dt>${h(ui('note', lang))}</dt><dd>${h(item.note, 1000)}</dd>`);
  const titleOther = other(item.title, lang);
  return `<details class="item" id="${anchorId('item', item.id)}"${item.status === 'pass' ? '' : ' open'}>
<summary><h3>${h(item.id, 40)} ${h(pick(item.title, lang), 300)}</h3> ${badge(item.status, lang)}${titleOther ? ` <span class="secondary">${h(titleOther, 300)}</span>` : ''}</summary>
<div class="item-body"><dl class="meta">${meta.join('\n')}</dl>
${componentsTable(item, lang)}
<h4>${h(ui('evidence', lang))}</h4>
${evidenceList(item, lang, screenshots)}</div></details>`;
}

function countTable(counts: Record<string, number>, keyHeader: string, lang: ReportLang): string {
  const entries = Object.entries(counts).filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1]);
  if (!entries.length) return `<p class="muted">${h(ui('none', lang))}</p>`;
  return `<table><thead><tr><th scope="col">${h(keyHeader)}</th><th scope="col">${h(ui('count', lang))}</th></tr></thead>
<tbody>${entries.map(([k, n]) => `<tr><td>${h(k, 100)}</td><td class="num">${n}</td></tr>`).join('')}</tbody></table>`;
}

function crawlSection(result: AuditResult, lang: ReportLang): string {
  const c = result.crawl;
  const rows = [
    `<dt>${h(ui('pages', lang))}</dt><dd>${c.pages}</dd>`,
    `<dt>${h(ui('documents', lang))}</dt><dd>${c.documents}</dd>`,
    `<dt>${h(ui('stoppedBecause', lang))}</dt><dd>${h(c.stoppedBecause, 40)}</dd>`,
  ];
  if (c.soft404) rows.push(`<dt>soft 404</dt><dd>${h(ui('soft404', lang))}</dd>`);
  if (c.hubUrls.length) rows.push(`<dt>${h(ui('hubUrls', lang))}</dt><dd>${c.hubUrls.slice(0, 10).map((u) => link(u, lang)).join('<br>')}</dd>`);
  return `<section aria-labelledby="crawl-h" class="page-break"><h2 id="crawl-h">${h(ui('crawl', lang))}</h2>
<dl class="meta">${rows.join('\n')}</dl>
<h3>${h(ui('failures', lang))}</h3>${countTable(c.failures, ui('kind', lang), lang)}
<h3>${h(ui('skipped', lang))}</h3>${countTable(c.skipped, ui('reason', lang), lang)}</section>`;
}

function provenanceSection(result: AuditResult, lang: ReportLang): string {
  const p = result.provenance;
  const options = Object.keys(p.options).length ? JSON.stringify(p.options, null, 2) : '';
  return `<section aria-labelledby="prov-h"><h2 id="prov-h">${h(ui('provenance', lang))}</h2>
<dl class="meta">
<dt>${h(ui('tool', lang))}</dt><dd>${h(p.tool.name, 60)} ${h(p.tool.version, 30)}</dd>
<dt>${h(ui('checklist', lang))}</dt><dd>${h(result.checklist.id, 60)} v${h(result.checklist.version, 30)} (${h(result.checklist.framework, 30)}, ${h(result.checklist.status, 20)})</dd>
<dt>${h(ui('userAgent', lang))}</dt><dd>${h(p.userAgent, 300)}</dd>
<dt>${h(ui('browser', lang))}</dt><dd>${p.browser ? h(p.browser, 100) : h(ui('noBrowser', lang))}</dd>
<dt>${h(ui('crawlStarted', lang))}</dt><dd><time>${h(p.crawlStartedAt, 40)}</time></dd>
<dt>${h(ui('crawlFinished', lang))}</dt><dd><time>${h(p.crawlFinishedAt, 40)}</time></dd>
</dl>${options ? `<h3>${h(ui('options', lang))}</h3><pre>${h(options, 4000)}</pre>` : ''}</section>`;
}

export function renderHtml(result: AuditResult, opts: HtmlReportOptions = {}): string {
  const lang = opts.lang ?? 'th';
  const screenshots = opts.screenshots ?? new Map<string, string>();
  const title = `${ui('reportTitle', lang)} — ${displayUrl(result.site || result.startUrl, 120)}`;
  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="${h(result.provenance.tool.name, 60)} ${h(result.provenance.tool.version, 30)}">
<title>${h(title, 300)}</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header>
<h1>${h(ui('reportTitle', lang))}</h1>
<dl class="meta">
<dt>${h(ui('site', lang))}</dt><dd>${link(result.startUrl, lang)}</dd>
<dt>${h(ui('checklist', lang))}</dt><dd>${both(result.checklist.title, lang, 300)}</dd>
<dt>${h(ui('fiscalYear', lang))}</dt><dd>${result.fiscalYear}</dd>
</dl>
${notices(result, lang)}
</header>
<main>
${summary(result, lang)}
<p class="muted">${h(ui('disclaimer', lang))}</p>
${groupChart(result, lang)}
${itemTable(result, lang)}
<section aria-labelledby="details-h" class="page-break"><h2 id="details-h">${h(ui('details', lang))}</h2>
${result.items.map((item) => itemDetail(item, lang, screenshots)).join('\n')}
</section>
${crawlSection(result, lang)}
${provenanceSection(result, lang)}
</main>
<footer>${h(ui('generatedBy', lang))} ${h(result.provenance.tool.name, 60)} ${h(result.provenance.tool.version, 30)}</footer>
</body>
</html>
`;
}
