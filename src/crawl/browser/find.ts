// Where is a Chromium/Chrome on this machine? Environment variables first, then Playwright's
// browser cache, then the usual system locations. Pure apart from the injectable `exists` check.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

export type BrowserSource = 'env' | 'playwright-cache' | 'system';
export interface FoundBrowser {
  path: string;
  source: BrowserSource;
}

export const BROWSER_ENV_VARS = ['OIT_AUDIT_CHROMIUM', 'OIT_CHROMIUM', 'CHROME_PATH', 'PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH'] as const;

export const SYSTEM_BROWSER_PATHS: readonly string[] = [
  '/usr/bin/chromium',
  '/usr/lib/chromium/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
  'C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe',
  'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe',
];

/** executables inside one `chromium-NNNN` folder of Playwright's cache, per platform */
const PLAYWRIGHT_EXECUTABLES = [
  ['chrome-linux', 'chrome'],
  ['chrome-linux64', 'chrome'],
  ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
  ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
  ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
  ['chrome-win', 'chrome.exe'],
  ['chrome-win64', 'chrome.exe'],
];

export interface FindBrowserDeps {
  /** is there an executable file at this path? */
  exists?: (path: string) => boolean;
  /** folders holding Playwright's `chromium-*` builds */
  playwrightCacheDirs?: readonly string[];
  /** lists a directory; [] when it cannot be read */
  listDir?: (path: string) => string[];
  systemPaths?: readonly string[];
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

function listDirSafe(path: string): string[] {
  try {
    return existsSync(path) ? readdirSync(path) : [];
  } catch {
    return [];
  }
}

export function defaultPlaywrightCacheDirs(env: NodeJS.ProcessEnv): string[] {
  const dirs: string[] = [];
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') dirs.push(env.PLAYWRIGHT_BROWSERS_PATH);
  const home = env.HOME ?? env.USERPROFILE ?? homedir();
  if (home) {
    dirs.push(join(home, '.cache', 'ms-playwright'));
    dirs.push(join(home, 'Library', 'Caches', 'ms-playwright'));
  }
  if (env.LOCALAPPDATA) dirs.push(join(env.LOCALAPPDATA, 'ms-playwright'));
  return dirs;
}

/** newest build first: chromium-1200 before chromium-1187 */
function byBuildDescending(a: string, b: string): number {
  const num = (s: string) => Number(/(\d+)$/.exec(s)?.[1] ?? 0);
  return num(b) - num(a);
}

export function findBrowser(env: NodeJS.ProcessEnv = process.env, deps: FindBrowserDeps = {}): FoundBrowser | null {
  const exists = deps.exists ?? isFile;
  const listDir = deps.listDir ?? listDirSafe;

  for (const name of BROWSER_ENV_VARS) {
    const value = env[name]?.trim();
    if (value && exists(value)) return { path: value, source: 'env' };
  }

  for (const cacheDir of deps.playwrightCacheDirs ?? defaultPlaywrightCacheDirs(env)) {
    const builds = listDir(cacheDir)
      .filter((entry) => /^chromium-\d+$/.test(entry))
      .sort(byBuildDescending);
    for (const build of builds) {
      for (const parts of PLAYWRIGHT_EXECUTABLES) {
        const candidate = join(cacheDir, build, ...parts);
        if (exists(candidate)) return { path: candidate, source: 'playwright-cache' };
      }
    }
  }

  for (const candidate of deps.systemPaths ?? SYSTEM_BROWSER_PATHS) {
    if (exists(candidate)) return { path: candidate, source: 'system' };
  }
  return null;
}
