import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, render } from 'ink-testing-library';
import { cleanupAll, renderAt } from './ink-harness.ts';
import { GapReport } from '../../cli/ui/GapReport.tsx';
import { ItemDetail } from '../../cli/ui/ItemDetail.tsx';
import { displayWidth } from '../../cli/ui/width.ts';
import { buildResult, sampleResult, item } from './result-builder.ts';

afterEach(() => {
  cleanup();
  cleanupAll();
});

const tick = (ms = 30): Promise<void> => new Promise((r) => setTimeout(r, ms));

/** poll the last frame until it satisfies `check` (Ink renders and subscribes asynchronously) */
async function waitForFrame(lastFrame: () => string | undefined, check: (frame: string) => boolean, what: string): Promise<string> {
  const deadline = Date.now() + 3000;
  for (;;) {
    const frame = lastFrame() ?? '';
    if (check(frame)) return frame;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; last frame:\n${frame}`);
    await tick(10);
  }
}

/** press a key and wait until the frame shows its effect */
async function press(
  stdin: { write(data: string): void },
  lastFrame: () => string | undefined,
  key: string,
  check: (frame: string) => boolean,
  what: string,
): Promise<string> {
  await tick(20);
  stdin.write(key);
  return waitForFrame(lastFrame, check, what);
}


/** table rows: lines that start with the marker column then an item id */
function rows(frame: string): string[] {
  return frame.split('\n').filter((line) => /^(› |  )O\d+ /.test(line));
}

/** display column where `needle` starts in `line` */
function columnOf(line: string, needle: RegExp): number {
  const m = needle.exec(line);
  if (!m) throw new Error(`no ${needle} in ${line}`);
  return displayWidth(line.slice(0, m.index));
}

describe.each([80, 140])('gap table at %i columns', (width) => {
  it.each(['th', 'en'] as const)('fits the width with aligned columns (%s)', (lang) => {
    const result = sampleResult();
    const frame = renderAt(<GapReport result={result} lang={lang} width={width} color={false} interactive={false} reportDir="reports/x" />, width + 1).lastFrame();
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(width);
    const table = rows(frame);
    expect(table).toHaveLength(12);
    // the status mark column and the evidence column start at the same display column on every row
    const statusCols = new Set(table.map((l) => columnOf(l, /[✓✗~?-] /)));
    const evidenceCols = new Set(table.map((l) => columnOf(l, /http|—/)));
    expect(statusCols.size).toBe(1);
    expect(evidenceCols.size).toBe(1);
    if (lang === 'th') {
      expect(frame).toContain('แผนยุทธศาสตร์');
      expect(frame).toContain('คะแนน 33.3/100');
    } else {
      expect(frame).toContain('Score 33.3/100 · 4/12 items pass');
    }
    expect(frame).toContain('reports/x');
  });
});

describe('GapReport', () => {
  it('shows the whole Thai title on a wide terminal and cuts it on a narrow one', () => {
    const result = sampleResult();
    const long = 'รายงานการกำกับติดตามการดำเนินงานและการใช้งบประมาณ รอบ 6 เดือน';
    const wide = renderAt(<GapReport result={result} lang="th" width={140} color={false} interactive={false} />, 141).lastFrame();
    const narrow = render(<GapReport result={result} lang="th" width={80} color={false} interactive={false} />).lastFrame()!;
    expect(wide).toContain(long);
    expect(narrow).not.toContain(long);
    expect(narrow).toMatch(/รายงานการกำกับ\S*…/);
  });

  it('shows group bars with the group score', () => {
    const frame = render(<GapReport result={sampleResult()} lang="en" width={100} color={false} interactive={false} />).lastFrame()!;
    expect(frame).toMatch(/Basic information\s+█+░+\s+33% 2\/6/);
    expect(frame).toMatch(/Administration 1\s+█+░+\s+33% 2\/6/);
  });

  it('marks an incomplete result', () => {
    const frame = render(<GapReport result={sampleResult({ complete: false })} lang="en" width={80} color={false} interactive={false} />).lastFrame()!;
    expect(frame).toContain('INCOMPLETE');
  });

  it('cycles the filter all → fail → partial → manual → all with f', async () => {
    const { stdin, lastFrame } = render(<GapReport result={sampleResult()} lang="en" width={100} color={false} interactive={true} />);
    await waitForFrame(lastFrame, (f) => f.includes('filter: all (12/12)'), 'first frame');
    let frame = await press(stdin, lastFrame, 'f', (f) => f.includes('filter: fail (3/12)'), 'fail filter');
    expect(rows(frame).every((l) => l.includes('✗ fail'))).toBe(true);
    expect(rows(frame)).toHaveLength(3);
    frame = await press(stdin, lastFrame, 'f', (f) => f.includes('filter: partial (2/12)'), 'partial filter');
    expect(rows(frame).map((l) => l.slice(2).split(/\s+/)[0])).toEqual(['O3', 'O10']);
    frame = await press(stdin, lastFrame, 'f', (f) => f.includes('filter: manual (2/12)'), 'manual filter');
    expect(rows(frame).map((l) => l.slice(2).split(/\s+/)[0])).toEqual(['O4', 'O9']);
    frame = await press(stdin, lastFrame, 'f', (f) => f.includes('filter: all (12/12)'), 'back to all');
    expect(rows(frame)).toHaveLength(12);
  });

  it('moves with j/k and arrows, opens the detail with Enter, goes back with Esc and Backspace, quits with q', async () => {
    let quit = 0;
    const { stdin, lastFrame } = render(
      <GapReport result={sampleResult()} lang="en" width={100} height={60} color={false} interactive={true} onQuit={() => quit++} />,
    );
    await waitForFrame(lastFrame, (f) => /^› O1 /m.test(f), 'O1 selected');
    await press(stdin, lastFrame, 'j', (f) => /^› O2 /m.test(f), 'j → O2');
    await press(stdin, lastFrame, 'j', (f) => /^› O3 /m.test(f), 'j → O3');
    await press(stdin, lastFrame, 'k', (f) => /^› O2 /m.test(f), 'k → O2');
    await press(stdin, lastFrame, '\u001b[B', (f) => /^› O3 /m.test(f), 'arrow down → O3');
    await press(stdin, lastFrame, '\u001b[A', (f) => /^› O2 /m.test(f), 'arrow up → O2');
    await press(stdin, lastFrame, 'j', (f) => /^› O3 /m.test(f), 'j → O3');
    const detail = await press(stdin, lastFrame, '\r', (f) => f.includes('reason for O3'), 'detail of O3');
    expect(detail).toContain('O3  Powers and duties');
    expect(detail).toContain('fix for O3');
    expect(detail).toContain('Components (1)');
    expect(detail).toContain('Evidence (1)');
    expect(detail).not.toMatch(/^› O1 /m);
    await press(stdin, lastFrame, '\u001b', (f) => /^› O3 /m.test(f), 'Esc back to the table');
    await press(stdin, lastFrame, '\r', (f) => f.includes('reason for O3'), 'detail again');
    // Backspace as most terminals send it
    await press(stdin, lastFrame, '\u007f', (f) => /^› O3 /m.test(f), 'Backspace back to the table');
    expect(quit).toBe(0);
    stdin.write('q');
    await waitForFrame(() => String(quit), (q) => q === '1', 'quit callback');
  });

  it('o prints the open command for the evidence URL instead of opening it', async () => {
    const { stdin, lastFrame } = renderAt(
      <GapReport result={sampleResult()} lang="en" width={120} height={60} color={false} interactive={true} platform="linux" />,
      121,
    );
    await waitForFrame(lastFrame, (f) => /^› O1 /m.test(f), 'first frame');
    const frame = await press(stdin, lastFrame, 'o', (f) => f.includes('Open the evidence with:'), 'open hint');
    expect(frame).toMatch(/xdg-open 'http:\/\/127\.0\.0\.1\/ita\/%E0%B8%82/);
    // O2 has no evidence
    await press(stdin, lastFrame, 'j', (f) => /^› O2 /m.test(f) && !f.includes('xdg-open'), 'j → O2, hint cleared');
    await press(stdin, lastFrame, 'o', (f) => f.includes('No evidence URL for this item.'), 'no-evidence hint');
  });

  it('scrolls a long table to keep the selection on screen', async () => {
    const many = buildResult(Array.from({ length: 43 }, (_, i) => ({ id: `O${i + 1}`, status: i % 2 ? 'pass' : 'fail' })));
    const { stdin, lastFrame } = render(<GapReport result={many} lang="en" width={100} height={24} color={false} interactive={true} />);
    await waitForFrame(lastFrame, (f) => /^› O1 /m.test(f), 'first frame');
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(24);
    await press(stdin, lastFrame, 'j', (f) => /^› O2 /m.test(f), 'O2');
    await press(stdin, lastFrame, '\u001b[6~', (f) => /^› O12 /m.test(f), 'page down → O12');
    await press(stdin, lastFrame, '\u001b[6~', (f) => /^› O22 /m.test(f), 'page down → O22');
    await press(stdin, lastFrame, '\u001b[6~', (f) => /^› O32 /m.test(f), 'page down → O32');
    await press(stdin, lastFrame, 'G', (f) => /^› O43 /m.test(f), 'G → last');
    expect(lastFrame()).not.toMatch(/^ {2}O1 /m);
    expect(lastFrame()!.split('\n').length).toBeLessThanOrEqual(24);
  });

  it('ignores keys when not interactive', async () => {
    const { stdin, lastFrame } = render(<GapReport result={sampleResult()} lang="en" width={100} color={false} interactive={false} />);
    await tick();
    const before = lastFrame();
    stdin.write('f');
    await tick();
    expect(lastFrame()).toBe(before);
    expect(before).not.toContain('›');
  });
});

describe('ItemDetail', () => {
  it('lists components with their results, evidence URLs, reason and fix, escaping crawled text', () => {
    const it0 = item({
      id: 'O5',
      status: 'partial',
      url: 'http://127.0.0.1/contact',
      components: [
        { id: 'phone', status: 'pass', en: 'Phone number', url: 'http://127.0.0.1/contact' },
        { id: 'map', status: 'fail', en: 'Map' },
        { id: 'hours', status: 'manual', en: 'Opening hours' },
      ],
    });
    it0.evidence[0]!.snippet = 'call \u001b[31m02-123-4567';
    const frame = render(<ItemDetail item={it0} lang="en" width={80} color={false} />).lastFrame()!;
    expect(frame).toContain('O5  Contact information');
    expect(frame).toContain('~ partial');
    expect(frame).toMatch(/✓ Phone number/);
    expect(frame).toMatch(/✗ Map/);
    expect(frame).toMatch(/\? Opening hours/);
    expect(frame).toContain('detail of map');
    expect(frame).toContain('1. http://127.0.0.1/contact');
    expect(frame).toContain('call 02-123-4567');
    expect(frame).not.toContain('\u001b[31m02');
    expect(frame).toContain('How to fix');
    for (const line of frame.split('\n')) expect(displayWidth(line)).toBeLessThanOrEqual(80);
  });
});
