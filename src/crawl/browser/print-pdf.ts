// Prints a local HTML report to an A4 PDF through Chromium (`--format pdf`).
import { chromium } from 'playwright-core';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHROMIUM_ARGS } from './launch-args.ts';
import { findBrowser } from './find.ts';
import { writeFileAtomic } from '../../util/atomic-write.ts';
import { UserError } from '../../util/errors.ts';

const PRINT_TIMEOUT_MS = 60_000;

export async function printHtmlToPdf(htmlPath: string, pdfPath: string, opts: { executablePath?: string } = {}): Promise<void> {
  if (!existsSync(htmlPath)) throw new UserError(`cannot print ${htmlPath} to PDF: the file does not exist`);
  const executablePath = opts.executablePath ?? findBrowser()?.path;
  if (!executablePath) {
    throw new UserError('PDF output needs Chromium: install it (apt-get install chromium) or set OIT_AUDIT_CHROMIUM to its path');
  }
  // no Playwright Ctrl-C handler: it would exit(130) on its own; the CLI decides (see renderer.ts)
  const browser = await chromium.launch({
    executablePath, headless: true, args: [...CHROMIUM_ARGS], timeout: PRINT_TIMEOUT_MS, handleSIGINT: false, handleSIGTERM: false,
  });
  try {
    const context = await browser.newContext({ javaScriptEnabled: true, acceptDownloads: false });
    // the report is self-contained: nothing but the file itself (and inline data:) may load
    await context.route(
      (url) => url.protocol !== 'file:' && url.protocol !== 'data:',
      (route) => route.abort('blockedbyclient'),
    );
    const page = await context.newPage();
    await page.goto(pathToFileURL(resolve(htmlPath)).href, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    await page.emulateMedia({ media: 'print' });
    const pdf = await page.pdf({ format: 'A4', printBackground: true, margin: { top: '12mm', bottom: '12mm', left: '10mm', right: '10mm' } });
    await writeFileAtomic(pdfPath, pdf);
  } finally {
    await browser.close().catch(() => {});
  }
}
