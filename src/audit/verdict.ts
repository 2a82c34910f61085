// Item verdicts. A false "pass" is the worst error: pass only when every component passes, so an
// item with a manual component or unreadable evidence is at best "manual".
import type { Component, Item, LocalizedText } from '../checklist/schema.ts';
import type { ItemStatus } from './result.ts';
import type { CheckOutcome } from './checks/context.ts';
import type { Candidate } from './locate.ts';
import * as hints from './hints.ts';

export interface Judged {
  component: Component;
  outcome: CheckOutcome;
}

/** what the audit learned about one item */
export type Finding =
  | { kind: 'not-checked'; siteStatus: 'unreachable' | 'blocked'; siteError?: string }
  | { kind: 'not-found'; crawlIncomplete: boolean; pages: number }
  | { kind: 'dead'; candidate: Candidate; /** a live page elsewhere that may hold the item */ alternative?: string }
  | { kind: 'evaluated'; candidate: Candidate; judged: Judged[] }
  /** the item's page exists but only says its content is still being prepared */
  | { kind: 'placeholder'; candidate: Candidate };

export interface Verdict {
  status: ItemStatus;
  confidence: number;
  reason: LocalizedText;
  fix: LocalizedText;
}

/** how good an evaluated candidate is, to pick the best of several: passes first, then locate score */
export function candidateRank(judged: Judged[], locateScore: number): number {
  const pass = judged.filter((j) => j.outcome.status === 'pass').length;
  const manual = judged.filter((j) => j.outcome.status === 'manual').length;
  return pass * 1000 + manual * 400 + locateScore;
}

export function statusOf(judged: Judged[]): { status: ItemStatus; wrongYear?: number[] } {
  const failing = judged.filter((j) => j.outcome.status === 'fail' || j.outcome.status === 'not-checked');
  const wrong = failing.find((j) => j.outcome.wrongYear);
  if (wrong) return { status: 'fail', wrongYear: wrong.outcome.wrongYear!.found };
  if (failing.length > 0) return { status: 'partial' };
  if (judged.some((j) => j.outcome.status === 'manual')) return { status: 'manual' };
  return { status: 'pass' };
}

const clamp = (n: number) => Math.max(0, Math.min(1, Math.round(n * 100) / 100));

export function decide(item: Item, finding: Finding, fiscalYear: number): Verdict {
  switch (finding.kind) {
    case 'not-checked':
      return { status: 'not-checked', confidence: 1, ...hints.notChecked(finding.siteStatus, finding.siteError) };
    case 'not-found':
      return {
        status: 'fail',
        confidence: finding.crawlIncomplete ? 0.5 : 0.75,
        ...hints.notFound(item, finding.pages, finding.crawlIncomplete),
      };
    case 'placeholder':
      return { status: 'fail', confidence: 0.8, ...hints.placeholder(item, finding.candidate) };
    case 'dead':
      return { status: 'fail', confidence: 0.85, ...hints.deadLink(item, finding.candidate, finding.alternative) };
    case 'evaluated': {
      const { candidate, judged } = finding;
      const { status, wrongYear } = statusOf(judged);
      const located = clamp(0.45 + Math.min(candidate.score, 110) / 220);
      switch (status) {
        case 'pass':
          return { status, confidence: clamp(located), ...hints.passed(judged, candidate) };
        case 'manual':
          return { status, confidence: 0.5, ...hints.manual(judged, candidate) };
        case 'fail':
          return { status, confidence: clamp(located - 0.05), ...hints.wrongYear(item, judged, candidate, wrongYear ?? [], fiscalYear) };
        default:
          return { status, confidence: clamp(located - 0.1), ...hints.partial(judged, candidate) };
      }
    }
  }
}
