import { join } from 'node:path';

/** reports/<host>/<YYYYMMDD-HHMMSS>/ (local time; sortable) */
export function defaultReportDir(url: string, now: Date, root = 'reports'): string {
  const host = new URL(url).host.replace(/[^a-z0-9.-]/gi, '_');
  const p = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${p(now.getMonth() + 1)}${p(now.getDate())}-${p(now.getHours())}${p(now.getMinutes())}${p(now.getSeconds())}`;
  return join(root, host, stamp);
}
