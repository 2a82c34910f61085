// The HTML report's stylesheet, inlined into report.html (the report must work offline, and the
// CSP allows no external styles). Status colours pass WCAG AA against their text colour.

export const STATUS_COLORS = {
  pass: { bg: '#1b7f3b', fg: '#ffffff' },
  partial: { bg: '#f2b705', fg: '#1a1a1a' },
  fail: { bg: '#c62828', fg: '#ffffff' },
  manual: { bg: '#1f5fa8', fg: '#ffffff' },
  'not-checked': { bg: '#6b6b6b', fg: '#ffffff' },
} as const;

const badgeRules = Object.entries(STATUS_COLORS)
  .map(([status, c]) => `.badge-${status}{background:${c.bg};color:${c.fg}}.bar-${status}{background:${c.bg}}`)
  .join('\n');

export const REPORT_CSS = `
:root{--ink:#1a1a1a;--muted:#5a5a5a;--line:#d9d9d9;--soft:#f5f6f8;--link:#0b57d0}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;padding:24px;font-family:"Sarabun","TH Sarabun New","Noto Sans Thai","Loma","Tlwg Typist",sans-serif;
  font-size:16px;line-height:1.6;color:var(--ink);background:#fff;max-width:1200px;margin-inline:auto}
h1{font-size:1.6rem;margin:0 0 .25rem}
h2{font-size:1.3rem;margin:2rem 0 .75rem;border-bottom:2px solid var(--line);padding-bottom:.25rem}
h3{font-size:1.1rem;margin:0}
a{color:var(--link);overflow-wrap:anywhere}
.muted{color:var(--muted)}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0;margin:0;padding:0}
.secondary{color:var(--muted);font-size:.9em}
.url-text{font-family:ui-monospace,monospace;font-size:.85em;overflow-wrap:anywhere}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:.15rem 1rem;margin:.75rem 0}
.meta dt{color:var(--muted)}
.meta dd{margin:0;overflow-wrap:anywhere}
.notice{border-left:5px solid #f2b705;background:#fff8e1;padding:.5rem .75rem;margin:.5rem 0}
.notice-error{border-left-color:#c62828;background:#fdecea}
.summary{display:flex;flex-wrap:wrap;gap:1.5rem;align-items:center;background:var(--soft);padding:1rem 1.25rem;border-radius:8px}
.score{font-size:3rem;font-weight:700;line-height:1}
.counts{display:flex;flex-wrap:wrap;gap:.5rem;list-style:none;margin:0;padding:0}
.badge{display:inline-block;padding:.05rem .55rem;border-radius:999px;font-size:.85rem;font-weight:600;white-space:nowrap}
${badgeRules}
table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid var(--line);padding:.35rem .5rem;text-align:left;vertical-align:top}
th{background:var(--soft)}
td.num{text-align:right;white-space:nowrap}
td.id{white-space:nowrap}
.chart{display:grid;grid-template-columns:minmax(10rem,22rem) 1fr max-content;gap:.4rem .75rem;align-items:center}
.bar-track{background:#e8eaed;border-radius:4px;height:1.1rem;overflow:hidden;display:flex}
.bar-track span{display:block;height:100%}
.item{border:1px solid var(--line);border-radius:8px;margin:.75rem 0;padding:0}
.item>summary{cursor:pointer;padding:.6rem .9rem;list-style-position:inside;display:flex;flex-wrap:wrap;gap:.5rem;align-items:center}
.item>summary h3{display:inline}
.item-body{padding:0 .9rem .75rem}
.evidence{margin:.25rem 0;padding-left:1.2rem}
.evidence li{margin:.35rem 0}
.snippet{display:block;background:var(--soft);border-left:3px solid var(--line);padding:.2rem .5rem;margin-top:.2rem;
  white-space:pre-wrap;overflow-wrap:anywhere;font-size:.9em}
.shot{display:block;max-width:100%;max-height:480px;border:1px solid var(--line);margin-top:.35rem}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);padding:.5rem;font-size:.85em}
footer{margin-top:2rem;color:var(--muted);font-size:.9em}
@media (max-width:700px){body{padding:12px}.chart{grid-template-columns:1fr}}
@media print{
  *{-webkit-print-color-adjust:exact;print-color-adjust:exact}
  body{padding:0;max-width:none;font-size:11pt}
  a{color:var(--ink);text-decoration:none}
  details.item>summary{list-style:none}
  details::details-content{content-visibility:visible;display:block}
  .item,.summary,.chart,tr,.evidence li{break-inside:avoid}
  h2{break-after:avoid}
  .page-break{break-before:page}
  .shot{max-height:320px}
}
`;
