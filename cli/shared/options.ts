// Parsing and validating the options several commands share (scan, rescore, batch).
import { UserError } from '../../src/util/errors.ts';
import type { ReportFormat } from '../../src/report/index.ts';

const FORMATS: readonly ReportFormat[] = ['json', 'md', 'html', 'csv', 'pdf'];
export const DEFAULT_FORMATS: ReportFormat[] = ['json', 'md', 'html', 'csv'];

export function parseFormats(value: string | undefined): ReportFormat[] {
  if (!value) return DEFAULT_FORMATS;
  const formats = value.split(',').map((f) => f.trim().toLowerCase()).filter(Boolean);
  for (const f of formats) {
    if (!FORMATS.includes(f as ReportFormat)) throw new UserError(`--format: unknown format "${f}" (use ${FORMATS.join(', ')})`);
  }
  return formats as ReportFormat[];
}

export function parsePositiveInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UserError(`${flag}: expected a positive whole number, got "${value}"`);
  return n;
}

export function parseNonNegativeInt(value: string, flag: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new UserError(`${flag}: expected a whole number ≥ 0, got "${value}"`);
  return n;
}

/** A Buddhist-era fiscal year; a CE year (2023) is accepted and converted. */
export function parseFiscalYear(value: string): number {
  const n = Number(value.replace(/[๐-๙]/g, (d) => String(d.charCodeAt(0) - 0x0e50)));
  if (!Number.isInteger(n)) throw new UserError(`--fiscal-year: expected a year such as 2568, got "${value}"`);
  if (n >= 2400 && n <= 2700) return n;
  if (n >= 1900 && n < 2200) return n + 543;
  throw new UserError(`--fiscal-year: ${value} is not a plausible Buddhist-era year (e.g. 2568)`);
}

export function parseRender(value: string): 'never' | 'auto' | 'always' {
  if (value === 'never' || value === 'auto' || value === 'always') return value;
  throw new UserError(`--render: expected never, auto or always, got "${value}"`);
}

export function parseLang(value: string | undefined, env: NodeJS.ProcessEnv = process.env): 'th' | 'en' {
  if (value === 'th' || value === 'en') return value;
  if (value) throw new UserError(`--lang: expected th or en, got "${value}"`);
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return locale.toLowerCase().startsWith('th') ? 'th' : 'en';
}

export function parseScore(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new UserError(`--fail-under: expected a score from 0 to 100, got "${value}"`);
  return n;
}

/** A start URL: http(s) only; a bare host gets https://. */
export function parseStartUrl(value: string): string {
  const scheme = /^([a-z][a-z0-9+.-]*):(?!\d)/i.exec(value);
  if (scheme && !/^https?$/i.test(scheme[1]!)) throw new UserError(`only http and https URLs can be scanned, got ${scheme[1]}:`);
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(value) ? value : `https://${value}`;
  let url: URL;
  try {
    url = new URL(withScheme);
  } catch {
    throw new UserError(`not a valid URL: ${value}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new UserError(`only http and https URLs can be scanned, got ${url.protocol}`);
  return url.href;
}

export function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}
