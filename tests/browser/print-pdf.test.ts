import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { printHtmlToPdf } from '../../src/crawl/browser/print-pdf.ts';
import { extractPdfText } from '../../src/crawl/pdf-text.ts';
import { containsNormalized } from '../../src/thai/normalize.ts';
import { UserError } from '../../src/util/errors.ts';

const REPORT = `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>รายงาน</title>
<style>body{font-family:Loma,sans-serif} .pass{background:#0a0;color:#fff}</style></head><body>
<h1>รายงานผลการตรวจ ITA ปีงบประมาณ ๒๕๖๘</h1>
<table><tr><td>O1</td><td>โครงสร้าง</td><td class="pass">ผ่าน</td></tr>
<tr><td>O2</td><td>ข้อมูลผู้บริหาร</td><td>ไม่ผ่าน</td></tr></table>
<img src="https://example.com/tracker.png" alt=""></body></html>`;

describe('printHtmlToPdf', () => {
  it('prints a Thai HTML report to an A4 PDF whose text reads back', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'print-pdf-'));
    const htmlPath = join(dir, 'report.html');
    const pdfPath = join(dir, 'out', 'report.pdf');
    writeFileSync(htmlPath, REPORT);
    await printHtmlToPdf(htmlPath, pdfPath);
    const bytes = new Uint8Array(readFileSync(pdfPath));
    expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).toBe('%PDF-');
    const pdf = await extractPdfText(bytes, { maxPages: 6 });
    expect(pdf.textStatus).toBe('ok');
    for (const word of ['รายงานผลการตรวจ', 'โครงสร้าง', 'ข้อมูลผู้บริหาร', 'ไม่ผ่าน', '2568']) {
      expect(containsNormalized(pdf.text, word), word).toBe(true);
    }
  });

  it('fails with a one-line UserError for a missing HTML file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'print-pdf-'));
    await expect(printHtmlToPdf(join(dir, 'nope.html'), join(dir, 'x.pdf'))).rejects.toBeInstanceOf(UserError);
  });

  it('rejects when the browser cannot be started', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'print-pdf-'));
    const htmlPath = join(dir, 'r.html');
    writeFileSync(htmlPath, REPORT);
    await expect(printHtmlToPdf(htmlPath, join(dir, 'x.pdf'), { executablePath: join(dir, 'no-chromium') })).rejects.toThrow();
  });
});
