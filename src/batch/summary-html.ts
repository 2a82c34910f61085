// summary.html: the portfolio view of a batch — ranking, a score chart, the agencies × items
// matrix coloured by status, and the items most agencies miss. One self-contained file with no
// script; a strict CSP so nothing crawled can run. Every crawled or user-given string is escaped.
import { displayUrl, escapeHtml, safeHttpUrl } from '../report/escape.ts';
import { REPORT_CSP } from '../report/html.ts';
import { STATUS_SYMBOL, formatPercent, pick, statusLabel, type ReportLang } from '../report/labels.ts';
import type { ItemStatus } from '../audit/result.ts';
import type { AgencyOutcome, BatchSummary } from './run-batch.ts';

const COLOR: Record<ItemStatus, string> = {
  pass: '#1e8e3e',
  partial: '#f9ab00',
  fail: '#d93025',
  manual: '#1a73e8',
  'not-checked': '#9aa0a6',
};

const T = {
  th: {
    title: 'สรุปผลการตรวจหลายหน่วยงาน', ranking: 'อันดับคะแนน', rank: 'อันดับ', agency: 'หน่วยงาน', score: 'คะแนน', state: 'สถานะ',
    matrix: 'ตารางหน่วยงาน × ข้อ', missed: 'ข้อที่หน่วยงานขาดมากที่สุด', item: 'ข้อ', missedBy: 'ขาด', chart: 'กราฟคะแนน', average: 'คะแนนเฉลี่ย',
    agencies: 'หน่วยงาน', audited: 'ตรวจแล้ว', failed: 'ตรวจไม่ได้', interrupted: 'ถูกหยุด', pending: 'ยังไม่ตรวจ', report: 'รายงาน', none: 'ไม่มี',
    incomplete: 'ตรวจไม่ครบ', generated: 'สร้างเมื่อ',
  },
  en: {
    title: 'Batch audit summary', ranking: 'Ranking', rank: 'Rank', agency: 'Agency', score: 'Score', state: 'Status',
    matrix: 'Agencies × items', missed: 'Most-missed items', item: 'Item', missedBy: 'Missed by', chart: 'Scores', average: 'Average score',
    agencies: 'agencies', audited: 'audited', failed: 'could not be audited', interrupted: 'interrupted', pending: 'not run', report: 'Report', none: 'none',
    incomplete: 'incomplete', generated: 'Generated',
  },
} as const;

function stateText(a: AgencyOutcome, lang: ReportLang): string {
  const t = T[lang];
  if (a.status === 'done') return a.complete === false ? t.incomplete : '✓';
  if (a.status === 'failed') return `${t.failed}: ${a.error ?? ''}`;
  if (a.status === 'interrupted') return t.interrupted;
  return t.pending;
}

function link(url: string): string {
  const safe = safeHttpUrl(url);
  const text = escapeHtml(displayUrl(url, 80));
  return safe ? `<a href="${escapeHtml(safe)}" rel="noopener noreferrer">${text}</a>` : text;
}

function chart(summary: BatchSummary, lang: ReportLang): string {
  const scored = summary.agencies.filter((a) => a.score !== undefined).slice(0, 60);
  if (scored.length === 0) return `<p>${T[lang].none}</p>`;
  const rowH = 22;
  const labelW = 260;
  const barW = 400;
  const height = scored.length * rowH + 10;
  const bars = scored
    .map((a, i) => {
      const y = i * rowH + 5;
      const w = Math.max(1, ((a.score ?? 0) / 100) * barW);
      const colour = (a.score ?? 0) >= 80 ? COLOR.pass : (a.score ?? 0) >= 50 ? COLOR.partial : COLOR.fail;
      return `<text x="${labelW - 6}" y="${y + 15}" text-anchor="end">${escapeHtml(a.name, 40)}</text><rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${colour}"/><text x="${labelW + w + 6}" y="${y + 15}">${escapeHtml(formatPercent(a.score ?? 0))}</text>`;
    })
    .join('');
  return `<svg class="chart" role="img" aria-label="${escapeHtml(T[lang].chart)}" viewBox="0 0 ${labelW + barW + 70} ${height}" width="${labelW + barW + 70}" height="${height}">${bars}</svg>`;
}

export function renderSummaryHtml(summary: BatchSummary, opts: { lang: ReportLang }): string {
  const { lang } = opts;
  const t = T[lang];
  const c = summary.counts;
  let rank = 0;
  const rankingRows = summary.agencies
    .map((a) => {
      const r = a.score === undefined ? '–' : String(++rank);
      const report = `<a href="${escapeHtml(encodeURI(relativeReport(a)))}">${escapeHtml(t.report)}</a>`;
      return `<tr class="st-${a.status}"><td>${r}</td><td>${escapeHtml(a.name, 200)}${a.notes ? `<div class="note">${escapeHtml(a.notes, 300)}</div>` : ''}</td><td>${link(a.url)}</td><td class="num">${a.score === undefined ? '–' : escapeHtml(formatPercent(a.score))}</td><td>${escapeHtml(stateText(a, lang), 300)}</td><td>${a.status === 'pending' ? '' : report}</td></tr>`;
    })
    .join('\n');

  const head = summary.itemIds.map((id) => `<th scope="col" title="${escapeHtml(pick(summary.itemTitles[id], lang), 200)}">${escapeHtml(id, 20)}</th>`).join('');
  const matrixRows = summary.agencies
    .filter((a) => a.items.length > 0)
    .map((a) => {
      const statusOf = new Map(a.items.map((i) => [i.id, i.status]));
      const cells = summary.itemIds
        .map((id) => {
          const s = statusOf.get(id);
          return s ? `<td class="cell s-${s}" title="${escapeHtml(`${id}: ${statusLabel(s, lang)}`)}">${STATUS_SYMBOL[s]}</td>` : '<td class="cell"></td>';
        })
        .join('');
      return `<tr><th scope="row">${escapeHtml(a.name, 60)}</th>${cells}</tr>`;
    })
    .join('\n');

  const missedRows = summary.mostMissed
    .slice(0, 20)
    .map((m) => `<tr><td>${escapeHtml(m.id, 20)}</td><td>${escapeHtml(pick(m.title, lang), 200)}</td><td class="num">${m.missed} / ${m.audited}</td><td><span class="bar" style="width:${Math.round((m.missed / m.audited) * 120)}px"></span></td></tr>`)
    .join('\n');

  const legend = (['pass', 'partial', 'fail', 'manual', 'not-checked'] as const)
    .map((s) => `<span class="cell s-${s}">${STATUS_SYMBOL[s]}</span> ${escapeHtml(statusLabel(s, lang))}`)
    .join(' &nbsp; ');

  return `<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(t.title)}</title>
<style>
body{font-family:"Sarabun","TH Sarabun New","Noto Sans Thai","Loma","Tlwg Typist",sans-serif;margin:1.5rem;color:#202124}
h1{font-size:1.5rem}h2{font-size:1.2rem;margin-top:2rem}
table{border-collapse:collapse;margin:.5rem 0}th,td{border:1px solid #dadce0;padding:.25rem .5rem;text-align:left;vertical-align:top}
td.num{text-align:right}.note{color:#5f6368;font-size:.85em}
.matrix th,.matrix td{padding:.15rem .3rem;font-size:.85em}.matrix th[scope=row]{white-space:nowrap;max-width:16rem;overflow:hidden;text-overflow:ellipsis}
.cell{text-align:center;min-width:1.4rem;display:inline-block}td.cell{display:table-cell}
.s-pass{background:#ceead6}.s-partial{background:#feefc3}.s-fail{background:#fad2cf}.s-manual{background:#d2e3fc}.s-not-checked{background:#f1f3f4}
tr.st-failed td,tr.st-pending td{color:#5f6368}
.bar{display:inline-block;height:.8rem;background:#d93025}
.chart text{font-size:12px;font-family:inherit}
@media print{*{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit}}
</style>
</head>
<body>
<h1>${escapeHtml(t.title)}</h1>
<p>${c.total} ${escapeHtml(t.agencies)}: ${c.done} ${escapeHtml(t.audited)}, ${c.failed} ${escapeHtml(t.failed)}${c.interrupted ? `, ${c.interrupted} ${escapeHtml(t.interrupted)}` : ''}${c.pending ? `, ${c.pending} ${escapeHtml(t.pending)}` : ''}.
${summary.averageScore === null ? '' : `${escapeHtml(t.average)}: <strong>${escapeHtml(formatPercent(summary.averageScore))}</strong>.`}
<small>${escapeHtml(t.generated)} ${escapeHtml(summary.generatedAt)}</small></p>
<h2>${escapeHtml(t.ranking)}</h2>
<table class="ranking"><thead><tr><th>${t.rank}</th><th>${t.agency}</th><th>URL</th><th>${t.score}</th><th>${t.state}</th><th>${t.report}</th></tr></thead>
<tbody>
${rankingRows}
</tbody></table>
<h2>${escapeHtml(t.chart)}</h2>
${chart(summary, lang)}
<h2>${escapeHtml(t.matrix)}</h2>
<p>${legend}</p>
<div style="overflow-x:auto"><table class="matrix"><thead><tr><th>${t.agency}</th>${head}</tr></thead>
<tbody>
${matrixRows}
</tbody></table></div>
<h2>${escapeHtml(t.missed)}</h2>
${summary.mostMissed.length ? `<table class="missed"><thead><tr><th>${t.item}</th><th></th><th>${t.missedBy}</th><th></th></tr></thead><tbody>\n${missedRows}\n</tbody></table>` : `<p>${t.none}</p>`}
</body>
</html>
`;
}

/** The agency's report, relative to the summary (both live in the batch folder). */
function relativeReport(a: AgencyOutcome): string {
  const folder = a.folder.split(/[\\/]/).filter(Boolean).pop() ?? '';
  return `${folder}/report.html`;
}
