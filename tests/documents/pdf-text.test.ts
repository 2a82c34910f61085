import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { extractPdfText, extractPdfImages } from '../../src/crawl/pdf-text.ts';
import { containsNormalized } from '../../src/thai/normalize.ts';

const fixtures = join(import.meta.dirname, '../fixtures/documents');
const read = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

describe('extractPdfText', () => {
  it('reads Thai keywords from a Chromium-made PDF after normalisation (PUA tone marks, ำ, Thai digits)', async () => {
    const pdf = await extractPdfText(read('thai-text.pdf'), { maxPages: 6 });
    expect(pdf.textStatus).toBe('ok');
    expect(pdf.pages).toBe(2);
    expect(pdf.pagesRead).toBe(2);
    for (const keyword of ['ข้อมูล', 'น้ำ', 'อำนาจหน้าที่', '๒๕๖๘', '2568', 'ผู้บริหาร', 'กิ่งอำเภอ', 'ที่ตั้ง', 'ITA/OIT']) {
      expect(containsNormalized(pdf.text, keyword), keyword).toBe(true);
    }
    // no Private-Use-Area glyph survives
    expect(pdf.text).not.toMatch(/[\uf700-\uf71a]/);
  });

  it('reads only the first pdfMaxPages pages', async () => {
    const pdf = await extractPdfText(read('thai-text.pdf'), { maxPages: 1 });
    expect(pdf.pagesRead).toBe(1);
    expect(pdf.pages).toBe(2);
    expect(containsNormalized(pdf.text, 'อำนาจหน้าที่')).toBe(true);
    expect(containsNormalized(pdf.text, 'รายงานผลการดำเนินงาน')).toBe(false);
  });

  it('caps the text', async () => {
    const pdf = await extractPdfText(read('thai-text.pdf'), { maxPages: 6, maxChars: 40 });
    expect(pdf.text.length).toBeLessThanOrEqual(40);
  });

  it('marks an image-only PDF as no-text (a scan)', async () => {
    const pdf = await extractPdfText(read('scanned.pdf'), { maxPages: 6 });
    expect(pdf.textStatus).toBe('no-text');
    expect(pdf.note).toMatch(/scan/);
  });

  it('returns error, not a throw, for a broken PDF and for bytes that are no PDF', async () => {
    const broken = await extractPdfText(read('broken.pdf'), { maxPages: 6 });
    expect(broken.textStatus).toBe('error');
    expect(broken.note).toMatch(/^PDF could not be read: /);
    expect(broken.note).not.toContain('\n');
    const notPdf = await extractPdfText(new TextEncoder().encode('<html>not a pdf</html>'), { maxPages: 6 });
    expect(notPdf.textStatus).toBe('error');
  });

  it('leaves the caller’s buffer intact', async () => {
    const body = read('thai-text.pdf');
    const length = body.byteLength;
    await extractPdfText(body, { maxPages: 1 });
    expect(body.byteLength).toBe(length);
  });
});

describe('extractPdfImages', () => {
  it('finds the page image inside a scanned PDF without a canvas', async () => {
    const images = await extractPdfImages(read('scanned.pdf'), { maxPages: 2, maxImages: 3 });
    expect(images.length).toBeGreaterThanOrEqual(1);
    const [first] = images;
    expect(first!.width).toBeGreaterThan(500);
    expect(first!.data.length).toBe(first!.width * first!.height * first!.channels);
  });

  it('finds no images in a text PDF and [] for a broken one', async () => {
    expect(await extractPdfImages(read('thai-text.pdf'), { maxPages: 2, maxImages: 3 })).toEqual([]);
    expect(await extractPdfImages(read('broken.pdf'), { maxPages: 2, maxImages: 3 })).toEqual([]);
  });
});
