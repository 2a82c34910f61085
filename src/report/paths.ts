// File names inside a report folder. Other commands (rescore, diff, the UI) find reports by these.
import { join } from 'node:path';

export const REPORT_FORMATS = ['json', 'md', 'html', 'csv', 'pdf'] as const;
export type ReportFormat = (typeof REPORT_FORMATS)[number];

export const REPORT_FILES: Record<ReportFormat, string> = {
  json: 'result.json',
  md: 'report.md',
  html: 'report.html',
  csv: 'itas-urls.csv',
  pdf: 'report.pdf',
};

export function reportFilePath(dir: string, format: ReportFormat): string {
  return join(dir, REPORT_FILES[format]);
}

export function isReportFormat(value: string): value is ReportFormat {
  return (REPORT_FORMATS as readonly string[]).includes(value);
}
