import { mkdir, mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { getDocumentProxy, extractText } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/crawl/browser/find.ts';
import { parseResultJson, renderHtml, writeReports, writeReportsDetailed } from '../../src/report/index.ts';
import { loadScreenshots } from '../../src/report/screenshots.ts';
import { compactForMatch } from '../../src/thai/normalize.ts';
import { UserError } from '../../src/util/errors.ts';
import { buildResult } from './sample-result.ts';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'oit-report-write-'));
});
afterAll(async () => {
  if (root) await rm(root, { recursive: true, force: true });
});

describe('writeReports', () => {
  it('writes the chosen formats and returns their paths; no temp files are left', async () => {
    const dir = join(root, 'all');
    const files = await writeReports(buildResult(), dir, { formats: ['json', 'md', 'html', 'csv'], lang: 'th' });
    expect(files).toEqual(['result.json', 'report.md', 'report.html', 'itas-urls.csv'].map((f) => join(dir, f)));
    expect((await readdir(dir)).sort()).toEqual(['itas-urls.csv', 'report.html', 'report.md', 'result.json']);
    expect(parseResultJson(await readFile(join(dir, 'result.json'), 'utf8')).items).toHaveLength(6);
    expect((await readFile(join(dir, 'itas-urls.csv'))).subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(await readFile(join(dir, 'report.html'), 'utf8')).toBe(renderHtml(buildResult(), { lang: 'th' }));
  });

  it('writes only what is asked', async () => {
    const dir = join(root, 'csv-only');
    expect(await writeReports(buildResult(), dir, { formats: ['csv'], lang: 'en' })).toEqual([join(dir, 'itas-urls.csv')]);
    expect(await readdir(dir)).toEqual(['itas-urls.csv']);
  });

  it('refuses an invalid result before writing anything', async () => {
    const dir = join(root, 'invalid');
    const broken = { ...buildResult(), fiscalYear: 'next' } as unknown as ReturnType<typeof buildResult>;
    await expect(writeReports(broken, dir, { formats: ['md', 'csv'], lang: 'th' })).rejects.toThrow(UserError);
    await expect(stat(dir)).rejects.toThrow();
  });

  it('refuses an unknown format with a one-line error', async () => {
    await expect(writeReports(buildResult(), join(root, 'x'), { formats: ['docx' as never], lang: 'th' })).rejects.toThrow(
      'unknown report format "docx" (use json, md, html, csv, pdf)',
    );
  });

  it('skips the PDF with a warning, not a crash, when there is no browser', async () => {
    const dir = join(root, 'no-browser');
    const warnings: string[] = [];
    const out = await writeReportsDetailed(buildResult(), dir, { formats: ['pdf'], lang: 'th', browserPath: null, onWarning: (w) => warnings.push(w) });
    expect(out.files).toEqual([join(dir, 'report.html')]);
    expect(out.warnings).toEqual([expect.stringMatching(/^report\.pdf not written: no Chromium found/)]);
    expect(warnings).toEqual(out.warnings);
  });

  it('records a failed print as a warning', async () => {
    const dir = join(root, 'bad-browser');
    const out = await writeReportsDetailed(buildResult(), dir, { formats: ['html', 'pdf'], lang: 'th', browserPath: join(root, 'no-such-chromium') });
    expect(out.files).toEqual([join(dir, 'report.html')]);
    expect(out.warnings[0]).toMatch(/^report\.pdf not written: /);
    expect(out.warnings[0]).not.toContain('\n');
  });

  it('prints report.pdf through Chromium with Thai text and every item expanded', async () => {
    const browser = findBrowser();
    if (!browser) throw new Error('this test needs Chromium: apt-get install chromium, or set OIT_AUDIT_CHROMIUM');
    const dir = join(root, 'pdf');
    const out = await writeReportsDetailed(buildResult(), dir, { formats: ['pdf'], lang: 'th' });
    expect(out.warnings).toEqual([]);
    expect(out.files).toEqual([join(dir, 'report.html'), join(dir, 'report.pdf')]);
    const pdf = await readFile(join(dir, 'report.pdf'));
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { text } = await extractText(await getDocumentProxy(new Uint8Array(pdf)), { mergePages: true });
    const compact = compactForMatch(text);
    expect(compact).toContain(compactForMatch('รายงานผลการตรวจการเปิดเผยข้อมูลสาธารณะ'));
    expect(compact).toContain(compactForMatch('ขาดรูปถ่ายผู้บริหาร'));
    // O1 passed, so its details are closed on screen; print must still show its fix hint and evidence
    expect(compact).toContain(compactForMatch('ไม่ต้องแก้ไข'));
    expect(compact).toContain(compactForMatch('แผนผังโครงสร้าง อบต.ตัวอย่าง'));
  });
});

describe('screenshots', () => {
  it('embeds screenshots from the screenshots folder, shrunk to JPEG, and refuses paths outside it', async () => {
    const dir = join(root, 'shots');
    const shots = join(dir, 'screenshots');
    await mkdir(shots, { recursive: true });
    const png = await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#3366cc' } }).png().toBuffer();
    await sharp(png).toFile(join(shots, 'o1.png'));
    await sharp(png).toFile(join(dir, 'secret.png'));
    await sharp(png).toFile(join(shots, 'fake.txt'));
    const { writeFile } = await import('node:fs/promises');
    await writeFile(join(shots, 'broken.png'), 'not an image');

    const result = buildResult();
    result.items[0]!.evidence[0]!.screenshot = 'screenshots/o1.png';
    result.items[1]!.evidence[0]!.screenshot = '../secret.png';
    result.items[3]!.evidence[0]!.screenshot = 'screenshots/broken.png';
    result.items[5]!.evidence[0]!.screenshot = 'fake.txt';

    const { images, warnings } = await loadScreenshots(result, shots);
    expect([...images.keys()]).toEqual(['screenshots/o1.png']);
    const jpeg = Buffer.from(images.get('screenshots/o1.png')!.replace(/^data:image\/jpeg;base64,/, ''), 'base64');
    const meta = await sharp(jpeg).metadata();
    expect(meta.format).toBe('jpeg');
    expect(meta.width).toBe(1000);
    expect(warnings).toHaveLength(3);
    expect(warnings.join('\n')).toContain('secret.png is not an image file');
    expect(warnings.join('\n')).toContain('broken.png could not be read as an image');

    const out = await writeReportsDetailed(result, dir, { formats: ['html'], lang: 'th', screenshotsDir: shots });
    expect(out.warnings).toEqual(warnings);
    const html = await readFile(join(dir, 'report.html'), 'utf8');
    expect(html.match(/<img class="shot" src="data:image\/jpeg;base64,/g)).toHaveLength(1);
  });

  it('stops embedding when the budget is used up', async () => {
    const shots = join(root, 'budget');
    await mkdir(shots, { recursive: true });
    const result = buildResult();
    const withShots = [0, 1, 3];
    for (const i of withShots) {
      await sharp({ create: { width: 300, height: 200, channels: 3, background: '#999999' } }).png().toFile(join(shots, `s${i}.png`));
      result.items[i]!.evidence[0]!.screenshot = `s${i}.png`;
    }
    const { images, warnings } = await loadScreenshots(result, shots, { maxImages: 2, maxWidth: 200, maxBytesEach: 100_000, maxTotalBytes: 1_000_000, maxSourceBytes: 1_000_000 });
    expect(images.size).toBe(2);
    expect(warnings).toEqual(["1 screenshot(s) not embedded: the report's screenshot budget is used up"]);
  });
});
