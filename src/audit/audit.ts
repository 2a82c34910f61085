// The audit: a pure function of (SiteSnapshot, Checklist, fiscal year) → AuditResult. No network,
// no clock, no disk: provenance times come from the snapshot.
import type { Checklist, Item } from '../checklist/schema.ts';
import type { SiteSnapshot } from '../snapshot/schema.ts';
import { RESULT_SCHEMA_VERSION, type AuditResult, type ComponentResult, type ItemResult } from './result.ts';
import { buildSnapshotIndex, hostOf, type SnapshotIndex } from './snapshot-index.ts';
import { findHubPages, locate, type Candidate, type HubPage } from './locate.ts';
import { linkedSources, sourceOf, submitUrlsOf, toEvidence } from './evidence.ts';
import { makeContext, runCheck } from './checks/index.ts';
import { candidateRank, decide, type Finding, type Judged } from './verdict.ts';
import { scoreGroups, scoreTotal } from './score.ts';

const INCOMPLETE_STOPS = new Set(['budget', 'interrupted', 'timeout', 'unreachable']);

/** a page that only announces its content is coming ("อยู่ระหว่างจัดทำ") and links no document */
const PLACEHOLDER = /อยู่ระหว่าง(?:การ)?จัดทำ|อยู่ระหว่างปรับปรุงข้อมูล|กำลังปรับปรุงข้อมูล|ยังไม่มีข้อมูล|comingsoon|underconstruction/;
const DOCUMENT_LINK = /\.(?:pdf|docx?|xlsx?|pptx?)(?:$|[?#])|drive\.google\.com|docs\.google\.com/i;

export function isPlaceholderPage(source: { kind: string; compact: string; contentLinks: { url: string }[] }): boolean {
  return source.kind === 'page' && PLACEHOLDER.test(source.compact) && !source.contentLinks.some((l) => DOCUMENT_LINK.test(l.url));
}

function isLive(c: Candidate): boolean {
  return c.resolved.type !== 'dead' && c.resolved.type !== 'failed';
}

/** run every component of the item on one candidate */
export function judgeCandidate(item: Item, c: Candidate, index: SnapshotIndex, fiscalYear: number): Judged[] {
  const evidence = sourceOf(c.resolved);
  if (!evidence) return [];
  if (c.resolved.type === 'uncrawled') {
    // a page of the site the crawl never opened (budget): nothing on it can be judged
    return item.components.map((component) => ({
      component,
      outcome: component.check.kind === 'manual'
        ? runCheck(component.check, makeContext(index, fiscalYear, evidence, []))
        : {
            status: 'manual' as const,
            detail: { th: 'ยังไม่ได้เปิดหน้านี้ (เกินงบการสำรวจ): ตรวจด้วยตนเองหรือสแกนใหม่ด้วย --max-pages ที่มากขึ้น', en: 'this page was not crawled (crawl budget): check by hand or scan again with a larger --max-pages' },
            url: c.url,
            unreadable: ['not-crawled' as const],
          },
    }));
  }
  if (isPlaceholderPage(evidence)) {
    // the page exists but says its content is still being prepared: nothing on it is evidence
    return item.components.map((component) => ({
      component,
      outcome: {
        status: 'fail' as const,
        detail: { th: 'หน้านี้แจ้งว่ายังอยู่ระหว่างจัดทำ ไม่มีข้อมูลจริง', en: 'the page says its content is still being prepared ("อยู่ระหว่างจัดทำ"): no real content' },
        url: c.url,
      },
    }));
  }
  const ctx = makeContext(index, fiscalYear, evidence, linkedSources(index, c, evidence));
  return item.components.map((component) => ({ component, outcome: runCheck(component.check, ctx) }));
}

function componentResults(item: Item, judged: Judged[] | undefined, why: ComponentResult['detail']): ComponentResult[] {
  return item.components.map((component, i) => {
    const j = judged?.[i];
    return {
      id: component.id,
      text: component.text,
      kind: component.check.kind,
      status: j ? j.outcome.status : component.check.kind === 'manual' ? 'manual' : 'not-checked',
      detail: j ? j.outcome.detail : why,
      url: j?.outcome.url,
      snippet: j?.outcome.snippet?.slice(0, 200),
    };
  });
}

export function auditItem(item: Item, index: SnapshotIndex, fiscalYear: number, hubs?: HubPage[]): ItemResult {
  const snapshot = index.snapshot;
  const base = {
    id: item.id,
    title: item.title,
    group: item.group,
    window: item.window,
    unconfirmed: item.unconfirmed,
    note: item.note,
  };

  if (snapshot.siteStatus !== 'ok') {
    const verdict = decide(item, { kind: 'not-checked', siteStatus: snapshot.siteStatus, siteError: snapshot.siteError }, fiscalYear);
    return {
      ...base,
      ...verdict,
      evidence: [],
      components: componentResults(item, undefined, { th: 'ยังไม่ได้ตรวจ: เข้าถึงเว็บไซต์ไม่ได้', en: 'not checked: the site could not be crawled' }),
      submitUrls: [],
    };
  }

  const candidates = locate(item, index, fiscalYear, hubs);
  // the agency's own hub link for the item is what an assessor opens: when there is one, it alone
  // is judged, and when it is dead the item fails even if a similar page exists elsewhere
  const own = candidates.filter((c) => c.own);
  const live = (own.length > 0 ? own : candidates).filter(isLive);
  let finding: Finding;
  let chosen: Candidate | undefined;
  let judged: Judged[] | undefined;

  if (live.length > 0) {
    let best = -Infinity;
    for (const c of live) {
      const j = judgeCandidate(item, c, index, fiscalYear);
      const rank = candidateRank(j, c.score);
      if (rank > best) {
        best = rank;
        chosen = c;
        judged = j;
      }
      // candidates come best-located first: one where everything passes cannot be beaten
      if (j.every((x) => x.outcome.status === 'pass')) break;
    }
    const chosenSource = sourceOf(chosen!.resolved);
    finding = chosenSource && isPlaceholderPage(chosenSource)
      ? { kind: 'placeholder', candidate: chosen! }
      : { kind: 'evaluated', candidate: chosen!, judged: judged! };
  } else if (candidates.length > 0) {
    chosen = own[0] ?? candidates[0]!;
    const alternative = candidates.find((c) => !c.own && isLive(c) && /^https?:/i.test(c.url))?.url;
    finding = { kind: 'dead', candidate: chosen, alternative };
  } else {
    const incomplete = INCOMPLETE_STOPS.has(snapshot.provenance.stoppedBecause);
    finding = { kind: 'not-found', crawlIncomplete: incomplete, pages: snapshot.pages.length };
  }

  const verdict = decide(item, finding, fiscalYear);
  const evidence = chosen ? [chosen, ...candidates.filter((c) => c !== chosen)].map(toEvidence) : [];
  const notLocated = finding.kind === 'dead'
    ? { th: 'ไม่ได้ตรวจ: ลิงก์ของข้อนี้ใช้งานไม่ได้', en: 'not checked: the item\'s link is dead' }
    : { th: 'ไม่ได้ตรวจ: ไม่พบหน้าหรือเอกสารของข้อนี้', en: 'not checked: no page or document for this item was found' };
  return {
    ...base,
    ...verdict,
    evidence,
    components: componentResults(item, judged, notLocated),
    submitUrls: finding.kind === 'evaluated' ? submitUrlsOf(finding.candidate) : [],
  };
}

function countBy<T>(xs: T[], key: (x: T) => string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const x of xs) out[key(x)] = (out[key(x)] ?? 0) + 1;
  return out;
}

export function audit(snapshot: SiteSnapshot, checklist: Checklist, fiscalYear: number): AuditResult {
  const index = buildSnapshotIndex(snapshot);
  const hubs = snapshot.siteStatus === 'ok' ? findHubPages(index, checklist, fiscalYear) : [];
  const items = checklist.items.map((item) => auditItem(item, index, fiscalYear, hubs));
  const stopped = snapshot.provenance.stoppedBecause;
  const complete = snapshot.siteStatus === 'ok' && (!INCOMPLETE_STOPS.has(stopped) || items.every((i) => i.status === 'pass'));
  const start = snapshot.finalStartUrl ?? snapshot.startUrl;
  return {
    schemaVersion: RESULT_SCHEMA_VERSION,
    site: hostOf(start) ?? start,
    startUrl: snapshot.startUrl,
    checklist: {
      id: checklist.id,
      version: checklist.version,
      framework: checklist.framework,
      title: checklist.title,
      status: checklist.status,
    },
    fiscalYear,
    complete,
    siteStatus: snapshot.siteStatus,
    siteError: snapshot.siteError,
    items,
    groups: scoreGroups(items, checklist.groups),
    score: scoreTotal(items),
    crawl: {
      pages: snapshot.pages.length,
      documents: snapshot.documents.length,
      failures: countBy(snapshot.failures, (f) => f.kind),
      skipped: countBy(snapshot.skipped, (s) => s.reason),
      stoppedBecause: stopped,
      soft404: snapshot.soft404,
      hubUrls: snapshot.hubUrls,
    },
    provenance: {
      tool: snapshot.provenance.tool,
      userAgent: snapshot.provenance.userAgent,
      browser: snapshot.provenance.browser,
      crawlStartedAt: snapshot.provenance.startedAt,
      crawlFinishedAt: snapshot.provenance.finishedAt,
      options: snapshot.provenance.options,
    },
  };
}
