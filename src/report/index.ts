// Writes the chosen report formats into a folder, each atomically. The renderers themselves are
// pure functions of an AuditResult and are exported for other callers (batch summary, UI).
import type { AuditResult } from '../audit/result.ts';
import { writeFileAtomic } from '../util/atomic-write.ts';
import { UserError, oneLine } from '../util/errors.ts';
import { findBrowser } from '../crawl/browser/find.ts';
import { printHtmlToPdf } from '../crawl/browser/print-pdf.ts';
import { renderItasCsv } from './csv.ts';
import { renderHtml } from './html.ts';
import { renderJson } from './json.ts';
import { renderMarkdown } from './markdown.ts';
import { REPORT_FORMATS, reportFilePath, type ReportFormat } from './paths.ts';
import { loadScreenshots } from './screenshots.ts';
import type { ReportLang } from './labels.ts';

export { renderJson, parseResultJson } from './json.ts';
export { renderMarkdown } from './markdown.ts';
export { renderHtml, REPORT_CSP, type HtmlReportOptions } from './html.ts';
export { renderItasCsv, CSV_URL_COLUMNS } from './csv.ts';
export { loadScreenshots, DEFAULT_SCREENSHOT_LIMITS, type ScreenshotLimits } from './screenshots.ts';
export { REPORT_FORMATS, REPORT_FILES, reportFilePath, isReportFormat, type ReportFormat } from './paths.ts';
export type { ReportLang } from './labels.ts';

export interface WriteReportsOptions {
  formats: ReportFormat[];
  lang: ReportLang;
  /** folder holding the screenshots named in evidence[].screenshot; embedded into report.html */
  screenshotsDir?: string;
  /** Chromium for --format pdf; default: findBrowser(); null: no browser (the PDF is skipped with a warning) */
  browserPath?: string | null;
  /** told about anything skipped (no browser for the PDF, a screenshot left out) */
  onWarning?: (message: string) => void;
}

export interface WrittenReports {
  /** paths written, in REPORT_FORMATS order */
  files: string[];
  /** what was skipped and why, one line each */
  warnings: string[];
}

/** Like writeReports, and also says what was skipped. */
export async function writeReportsDetailed(result: AuditResult, dir: string, opts: WriteReportsOptions): Promise<WrittenReports> {
  const unknown = opts.formats.filter((f) => !REPORT_FORMATS.includes(f));
  if (unknown.length) throw new UserError(`unknown report format "${unknown[0]}" (use ${REPORT_FORMATS.join(', ')})`);
  const wanted = new Set(opts.formats);
  const files: string[] = [];
  const warnings: string[] = [];
  const warn = (message: string) => {
    warnings.push(message);
    opts.onWarning?.(message);
  };
  const write = async (format: ReportFormat, text: string) => {
    const path = reportFilePath(dir, format);
    await writeFileAtomic(path, text);
    files.push(path);
  };

  // renderJson validates: an invalid result fails here, before any file is written
  const json = renderJson(result);
  if (wanted.has('json')) await write('json', json);
  if (wanted.has('md')) await write('md', renderMarkdown(result, { lang: opts.lang }));
  if (wanted.has('html') || wanted.has('pdf')) {
    let screenshots = new Map<string, string>();
    if (opts.screenshotsDir) {
      const loaded = await loadScreenshots(result, opts.screenshotsDir);
      screenshots = loaded.images;
      loaded.warnings.forEach(warn);
    }
    // the PDF is printed from report.html, so asking for pdf writes the html too
    await write('html', renderHtml(result, { lang: opts.lang, screenshots }));
  }
  if (wanted.has('csv')) await write('csv', renderItasCsv(result, { lang: opts.lang }));
  if (wanted.has('pdf')) {
    const browserPath = opts.browserPath === undefined ? findBrowser()?.path : opts.browserPath;
    if (!browserPath) {
      warn('report.pdf not written: no Chromium found (install chromium or set OIT_AUDIT_CHROMIUM); report.html has the same content');
    } else {
      try {
        const pdfPath = reportFilePath(dir, 'pdf');
        await printHtmlToPdf(reportFilePath(dir, 'html'), pdfPath, { executablePath: browserPath });
        files.push(pdfPath);
      } catch (error) {
        warn(`report.pdf not written: ${oneLine(error)}`);
      }
    }
  }
  return { files, warnings };
}

/** Writes the chosen formats atomically into `dir` and returns the paths written. */
export async function writeReports(result: AuditResult, dir: string, opts: WriteReportsOptions): Promise<string[]> {
  return (await writeReportsDetailed(result, dir, opts)).files;
}
