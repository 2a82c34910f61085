// report.md: the gap report as GitHub-flavoured Markdown, for pasting into tickets and chats.
// Every value from the result goes through escapeMarkdown / markdownLink.
import type { AuditResult, ItemResult } from '../audit/result.ts';
import { displayUrl, escapeMarkdown as md, markdownLink } from './escape.ts';
import { ITEM_STATUSES, STATUS_SYMBOL, formatPercent, other, pick, statusLabel, ui, windowLabel, type ReportLang } from './labels.ts';

function table(headers: string[], rows: string[][]): string[] {
  return [`| ${headers.join(' | ')} |`, `|${headers.map(() => ' --- ').join('|')}|`, ...rows.map((r) => `| ${r.join(' | ')} |`)];
}

function badge(status: ItemResult['status'] | ItemResult['components'][number]['status'], lang: ReportLang): string {
  return `${STATUS_SYMBOL[status]} ${statusLabel(status, lang)}`;
}

/** "primary (secondary)" when the other language says something different. */
function both(text: { th: string; en: string }, lang: ReportLang, max = 1000): string {
  const second = other(text, lang);
  return second ? `${md(pick(text, lang), max)} _(${md(second, max)})_` : md(pick(text, lang), max);
}

function countTable(counts: Record<string, number>, keyHeader: string, lang: ReportLang): string[] {
  const entries = Object.entries(counts).filter(([, n]) => n > 0);
  if (!entries.length) return [ui('none', lang)];
  return table(
    [keyHeader, ui('count', lang)],
    entries.sort((a, b) => b[1] - a[1]).map(([k, n]) => [md(k, 100), String(n)]),
  );
}

function itemDetail(item: ItemResult, lang: ReportLang): string[] {
  const out: string[] = [`### ${md(item.id, 40)} ${md(pick(item.title, lang), 300)} — ${badge(item.status, lang)}`, ''];
  if (item.window) out.push(`- ${ui('window', lang)}: ${windowLabel(item.window, lang)}`);
  out.push(`- ${ui('reason', lang)}: ${both(item.reason, lang)}`);
  out.push(`- ${ui('fix', lang)}: ${both(item.fix, lang)}`);
  if (item.submitUrls.length) out.push(`- ${ui('submitUrls', lang)}: ${item.submitUrls.map((u) => markdownLink(u)).join(', ')}`);
  if (item.unconfirmed) out.push(`- ${ui('unconfirmed', lang)}`);
  if (item.note) out.push(`- ${ui('note', lang)}: ${md(item.note, 1000)}`);
  out.push('');
  if (item.components.length) {
    out.push(
      ...table(
        [ui('component', lang), ui('check', lang), ui('status', lang), ui('detail', lang), 'URL'],
        item.components.map((c) => [
          md(pick(c.text, lang), 300),
          md(c.kind, 40),
          badge(c.status, lang),
          md(pick(c.detail, lang), 500),
          c.url ? markdownLink(c.url) : '',
        ]),
      ),
      '',
    );
  }
  if (item.evidence.length) {
    out.push(`${ui('evidence', lang)}:`, '');
    for (const e of item.evidence.slice(0, 5)) {
      const snippet = e.snippet ? ` — “${md(e.snippet, 300)}”` : '';
      out.push(`- ${markdownLink(e.url, e.title || displayUrl(e.url))} (${md(e.matchedBy, 30)})${snippet}`);
    }
    out.push('');
  }
  return out;
}

export function renderMarkdown(result: AuditResult, opts: { lang?: ReportLang } = {}): string {
  const lang = opts.lang ?? 'th';
  const s = result.score;
  const out: string[] = [];

  out.push(`# ${ui('reportTitle', lang)}`, '');
  out.push(`- ${ui('site', lang)}: ${markdownLink(result.startUrl)}`);
  out.push(
    `- ${ui('checklist', lang)}: ${md(pick(result.checklist.title, lang), 300)} (${md(result.checklist.id, 60)} v${md(result.checklist.version, 30)})`,
  );
  out.push(`- ${ui('fiscalYear', lang)}: ${result.fiscalYear}`);
  out.push(`- ${ui('score', lang)}: **${formatPercent(s.total)}** — ${ui('passedOf', lang, { passed: s.passed, items: s.items })}`);
  out.push(
    `- ${ITEM_STATUSES.map((st) => `${badge(st, lang)}: ${s.counts[st] ?? 0}`).join(' · ')}`,
  );
  out.push('');
  if (result.siteStatus !== 'ok') {
    out.push(`> **${ui(result.siteStatus === 'blocked' ? 'blocked' : 'unreachable', lang)}**${result.siteError ? ` (${md(result.siteError, 300)})` : ''}`, '');
  }
  if (!result.complete) out.push(`> ${ui('incomplete', lang)}`, '');
  if (result.checklist.status === 'draft') out.push(`> ${ui('draft', lang)}`, '');
  out.push(`_${ui('disclaimer', lang)}_`, '');

  out.push(`## ${ui('byGroup', lang)}`, '');
  out.push(
    ...table(
      [ui('group', lang), ui('passed', lang), ui('itemCount', lang), ui('score', lang)],
      result.groups.map((g) => [md(pick(g.title, lang), 200), String(g.passed), String(g.items), formatPercent(g.score)]),
    ),
    '',
  );

  out.push(`## ${ui('items', lang)}`, '');
  out.push(
    ...table(
      [ui('id', lang), ui('title', lang), ui('status', lang), ui('evidenceUrl', lang), ui('reason', lang)],
      result.items.map((item) => {
        const url = item.submitUrls[0] ?? item.evidence[0]?.url;
        return [md(item.id, 40), md(pick(item.title, lang), 200), badge(item.status, lang), url ? markdownLink(url) : '', md(pick(item.reason, lang), 300)];
      }),
    ),
    '',
  );

  const notPassed = result.items.filter((i) => i.status !== 'pass');
  if (notPassed.length) {
    out.push(`## ${ui('detailsNotPassed', lang)}`, '');
    for (const item of notPassed) out.push(...itemDetail(item, lang));
  }

  const c = result.crawl;
  out.push(`## ${ui('crawl', lang)}`, '');
  out.push(`- ${ui('pages', lang)}: ${c.pages}`);
  out.push(`- ${ui('documents', lang)}: ${c.documents}`);
  out.push(`- ${ui('stoppedBecause', lang)}: ${md(c.stoppedBecause, 40)}`);
  if (c.soft404) out.push(`- ${ui('soft404', lang)}`);
  if (c.hubUrls.length) out.push(`- ${ui('hubUrls', lang)}: ${c.hubUrls.slice(0, 5).map((u) => markdownLink(u)).join(', ')}`);
  out.push('', `### ${ui('failures', lang)}`, '', ...countTable(c.failures, ui('kind', lang), lang), '');
  out.push(`### ${ui('skipped', lang)}`, '', ...countTable(c.skipped, ui('reason', lang), lang), '');

  const p = result.provenance;
  out.push(`## ${ui('provenance', lang)}`, '');
  out.push(`- ${ui('tool', lang)}: ${md(p.tool.name, 60)} ${md(p.tool.version, 30)}`);
  out.push(`- ${ui('userAgent', lang)}: ${md(p.userAgent, 300)}`);
  out.push(`- ${ui('browser', lang)}: ${p.browser ? md(p.browser, 100) : ui('noBrowser', lang)}`);
  out.push(`- ${ui('crawlStarted', lang)}: ${md(p.crawlStartedAt, 40)}`);
  out.push(`- ${ui('crawlFinished', lang)}: ${md(p.crawlFinishedAt, 40)}`);
  const options = Object.entries(p.options);
  if (options.length) {
    out.push(`- ${ui('options', lang)}: ${options.map(([k, v]) => `${md(k, 40)}=${md(JSON.stringify(v) ?? 'undefined', 200)}`).join(', ')}`);
  }
  out.push('');
  return out.join('\n');
}
