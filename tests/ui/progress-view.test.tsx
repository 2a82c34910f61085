import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import chalk from 'chalk';
import { ProgressView } from '../../cli/ui/ProgressView.tsx';
import { Header } from '../../cli/ui/Header.tsx';
import { initialProgressState, reduceProgress, etaSeconds, pageRate, type ProgressState } from '../../cli/ui/progress-state.ts';
import type { ScanEvent } from '../../src/crawl/events.ts';
import { displayWidth } from '../../cli/ui/width.ts';

afterEach(() => cleanup());

const IDS = Array.from({ length: 12 }, (_, i) => `O${i + 1}`);

function fold(events: ScanEvent[], t0 = 0, stepMs = 500): { state: ProgressState; now: number } {
  let state = initialProgressState({ maxPages: 20, render: 'auto', itemIds: IDS, now: t0 });
  let now = t0;
  for (const e of events) {
    now += stepMs;
    state = reduceProgress(state, e, now);
  }
  return { state, now };
}

const page = (n: number): ScanEvent[] => [
  { type: 'page:start', url: `http://127.0.0.1/p${n}`, depth: 1 },
  { type: 'page:done', url: `http://127.0.0.1/p${n}`, status: 200, via: 'http', pagesDone: n, queued: 30 - n, documentsDone: 0 },
];

describe('ProgressView', () => {
  it('advances the bar and the counts as pages complete', () => {
    const a = fold([{ type: 'crawl:start', startUrl: 'http://127.0.0.1/', maxPages: 20, render: 'auto' }, ...page(1), ...page(2)]);
    const b = fold([{ type: 'crawl:start', startUrl: 'http://127.0.0.1/', maxPages: 20, render: 'auto' }, ...[1, 2, 3, 4, 5, 6, 7, 8, 9, 10].flatMap(page)]);
    const first = render(<ProgressView state={a.state} now={a.now} lang="en" width={80} color={false} />).lastFrame()!;
    const later = render(<ProgressView state={b.state} now={b.now} lang="en" width={80} color={false} />).lastFrame()!;
    expect(first).toContain('2/20 pages');
    expect(later).toContain('10/20 pages');
    const filled = (frame: string): number => (frame.split('\n')[0]!.match(/█/g) ?? []).length;
    expect(filled(later)).toBeGreaterThan(filled(first));
    expect(later).toContain('queue 20');
    expect(later).toMatch(/ETA ≤ \d+:\d\d/);
    expect(later).toContain('fetching http://127.0.0.1/p10');
    for (const line of later.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });

  it('computes the rate and an ETA bounded by the budget', () => {
    const { state, now } = fold([...page(1), ...page(2), ...page(3)], 0, 500);
    // 3 page completions 1 s apart in the recent window → ~1 page/s
    expect(pageRate(state, now)).toBeCloseTo(1, 1);
    expect(etaSeconds(state, now)).toBeCloseTo(17, 0);
  });

  it('shows each item id with its status mark, pending ones as "."', () => {
    const { state, now } = fold([
      { type: 'item:status', id: 'O1', status: 'pass' },
      { type: 'item:status', id: 'O2', status: 'fail' },
      { type: 'item:status', id: 'O3', status: 'partial' },
      { type: 'item:status', id: 'O4', status: 'manual' },
    ]);
    const frame = render(<ProgressView state={state} now={now} lang="en" width={80} color={false} />).lastFrame()!;
    expect(frame).toContain('Items 4/12');
    expect(frame).toMatch(/O1 +✓/);
    expect(frame).toMatch(/O2 +✗/);
    expect(frame).toMatch(/O3 +~/);
    expect(frame).toMatch(/O4 +\?/);
    expect(frame).toMatch(/O12 \./);
  });

  it('colours grid cells by status', () => {
    const level = chalk.level;
    chalk.level = 1;
    try {
      const { state, now } = fold([
        { type: 'item:status', id: 'O1', status: 'pass' },
        { type: 'item:status', id: 'O2', status: 'fail' },
      ]);
      const frame = render(<ProgressView state={state} now={now} lang="en" width={80} color={true} />).lastFrame()!;
      // green (32) around O1, red (31) around O2
      expect(frame).toMatch(/\u001b\[32mO1 +✓/);
      expect(frame).toMatch(/\u001b\[31mO2 +✗/);
      const plain = render(<ProgressView state={state} now={now} lang="en" width={80} color={false} />).lastFrame()!;
      expect(plain).not.toMatch(/\u001b\[3[12]m/);
    } finally {
      chalk.level = level;
    }
  });

  it('counts failures by kind and skipped URLs, and reports the hub', () => {
    const { state, now } = fold([
      { type: 'url:failed', url: 'http://127.0.0.1/a', kind: 'timeout', message: 'timed out' },
      { type: 'url:failed', url: 'http://127.0.0.1/b', kind: 'timeout', message: 'timed out' },
      { type: 'url:failed', url: 'http://127.0.0.1/c', kind: 'http-404', message: 'not found' },
      { type: 'url:skipped', url: 'http://other/', reason: 'out-of-scope' },
      { type: 'hub:found', url: 'http://127.0.0.1/ita' },
    ]);
    const frame = render(<ProgressView state={state} now={now} lang="en" width={100} color={false} />).lastFrame()!;
    expect(frame).toContain('failures 3 (timeout 2, http-404 1)');
    expect(frame).toContain('skipped 1');
    expect(frame).toContain('ITA/OIT hub page found: http://127.0.0.1/ita');
  });

  it('says why the crawl stopped, in Thai too', () => {
    const { state, now } = fold([...page(1), { type: 'crawl:done', pages: 5, documents: 1, failures: 0, skipped: 2, stoppedBecause: 'early-stop' }]);
    const en = render(<ProgressView state={state} now={now} lang="en" width={80} color={false} />).lastFrame()!;
    expect(en).toContain('crawl finished: stopped early');
    expect(en).toContain('5/20 pages');
    const th = render(<ProgressView state={state} now={now} lang="th" width={80} color={false} />).lastFrame()!;
    expect(th).toContain('ตรวจเว็บไซต์เสร็จ');
    expect(th).toContain('5/20 หน้า');
  });

  it('never lets a crawled URL inject escape sequences', () => {
    const { state, now } = fold([{ type: 'page:start', url: 'http://127.0.0.1/\u001b[2J\u001b[31mevil', depth: 0 }]);
    const frame = render(<ProgressView state={state} now={now} lang="en" width={80} color={false} />).lastFrame()!;
    expect(frame).toContain('http://127.0.0.1/evil');
    expect(frame).not.toContain('\u001b[2J');
  });
});

describe('Header', () => {
  it('names the site, checklist, fiscal year and render mode', () => {
    const frame = render(
      <Header site="https://www.example.go.th" checklistTitle="ITA 2568" fiscalYear={2568} render="auto" lang="th" width={80} color={false} />,
    ).lastFrame()!;
    expect(frame).toContain('เว็บไซต์: https://www.example.go.th');
    expect(frame).toContain('ITA 2568 · ปีงบ 2568');
    expect(frame).toContain('auto');
  });
});
