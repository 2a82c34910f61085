// Real tesseract.js with the Thai + English data from npm, fully offline. Slower than the other
// document tests (worker start ≈ 1 s, one image ≈ 1–5 s on 2 idle cores, far more on a loaded
// machine), hence the longer timeouts.
import { afterAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import sharp from 'sharp';
import { closeOcr, ocrImage } from '../../src/crawl/ocr.ts';
import { extractDocument } from '../../src/crawl/documents.ts';
import { containsNormalized } from '../../src/thai/normalize.ts';

const fixtures = join(import.meta.dirname, '../fixtures/documents');
const read = (name: string) => new Uint8Array(readFileSync(join(fixtures, name)));

afterAll(async () => {
  await closeOcr();
});

describe('ocrImage', () => {
  it('reads the Thai words of an org chart image', { timeout: 120_000 }, async () => {
    const text = await ocrImage(read('org-chart.png'));
    expect(containsNormalized(text, 'โครงสร้างองค์กร')).toBe(true);
    expect(containsNormalized(text, 'กองคลัง')).toBe(true);
    expect(containsNormalized(text, 'ปลัดองค์การบริหารส่วนตำบล')).toBe(true);
  });

  it('rejects on its hard timeout, then works again with a fresh worker', { timeout: 120_000 }, async () => {
    await expect(ocrImage(read('org-chart.png'), { timeoutMs: 1 })).rejects.toThrow(/OCR took longer than 1 ms/);
    // just the heading, to keep the second run short
    const heading = await sharp(read('org-chart.png')).extract({ left: 0, top: 0, width: 960, height: 110 }).png().toBuffer();
    const text = await ocrImage(heading);
    expect(containsNormalized(text, 'โครงสร้างองค์กร')).toBe(true);
  });

  it('rejects with a one-line error for bytes that are no image', async () => {
    await expect(ocrImage(read('broken.png'))).rejects.toThrow();
  });
});

describe('extractDocument with ocr: true', () => {
  it('reads a scanned PDF through its page image', { timeout: 120_000 }, async () => {
    const doc = await extractDocument(read('scanned.pdf'), { url: 'http://127.0.0.1/scan.pdf', contentType: 'application/pdf', pdfMaxPages: 6, ocr: true });
    expect(doc.kind).toBe('pdf');
    expect(doc.textStatus).toBe('ocr');
    expect(containsNormalized(doc.text, 'อำนาจหน้าที่')).toBe(true);
    expect(doc.note).toMatch(/OCR/);
  });

  it('OCRs an image and still decodes its QR codes', { timeout: 120_000 }, async () => {
    const qr = await extractDocument(read('eit-qr.png'), { url: 'http://127.0.0.1/qr.png', contentType: 'image/png', pdfMaxPages: 6, ocr: true });
    expect(qr.qr).toEqual(['https://itas.nacc.go.th/go/eit/7kq2xa']);
    expect(qr.textStatus === 'ocr' || qr.textStatus === 'no-text').toBe(true);
  });

  it('a broken image with ocr is an error result, not a throw', async () => {
    const doc = await extractDocument(read('broken.png'), { url: 'http://127.0.0.1/x.png', contentType: 'image/png', pdfMaxPages: 6, ocr: true });
    expect(doc).toMatchObject({ kind: 'image', textStatus: 'error', qr: [] });
    expect(doc.note).toMatch(/^OCR failed: /);
  });
});
