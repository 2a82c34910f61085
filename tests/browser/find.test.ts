import { describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBrowser, SYSTEM_BROWSER_PATHS } from '../../src/crawl/browser/find.ts';

/** a fake executable file in a temporary folder */
function fakeExecutable(...parts: string[]): string {
  const path = join(...parts);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, '#!/bin/sh\n', { mode: 0o755 });
  return path;
}

describe('findBrowser', () => {
  const nowhere = { playwrightCacheDirs: [], systemPaths: [] };

  it('uses an environment override first', () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
    const exe = fakeExecutable(dir, 'my-chrome');
    expect(findBrowser({ OIT_AUDIT_CHROMIUM: exe }, nowhere)).toEqual({ path: exe, source: 'env' });
    expect(findBrowser({ CHROME_PATH: exe }, nowhere)).toEqual({ path: exe, source: 'env' });
    expect(findBrowser({ PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH: exe }, nowhere)).toEqual({ path: exe, source: 'env' });
  });

  it('skips an environment override that points at nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'find-browser-'));
    const system = fakeExecutable(dir, 'usr', 'bin', 'chromium');
    expect(findBrowser({ OIT_AUDIT_CHROMIUM: join(dir, 'missing') }, { playwrightCacheDirs: [], systemPaths: [system] })).toEqual({
      path: system,
      source: 'system',
    });
  });

  it("finds the newest build in Playwright's cache", () => {
    const cache = mkdtempSync(join(tmpdir(), 'ms-playwright-'));
    fakeExecutable(cache, 'chromium-1100', 'chrome-linux', 'chrome');
    const newest = fakeExecutable(cache, 'chromium-1187', 'chrome-linux', 'chrome');
    fakeExecutable(cache, 'firefox-1400', 'firefox', 'firefox');
    expect(findBrowser({}, { playwrightCacheDirs: [cache], systemPaths: [] })).toEqual({ path: newest, source: 'playwright-cache' });
  });

  it("looks in $HOME/.cache/ms-playwright by default", () => {
    const home = mkdtempSync(join(tmpdir(), 'home-'));
    const exe = fakeExecutable(home, '.cache', 'ms-playwright', 'chromium-1200', 'chrome-linux64', 'chrome');
    expect(findBrowser({ HOME: home }, { systemPaths: [] })).toEqual({ path: exe, source: 'playwright-cache' });
  });

  it('falls back to system locations in order', () => {
    const seen: string[] = [];
    const found = findBrowser({}, {
      playwrightCacheDirs: [],
      exists: (path) => {
        seen.push(path);
        return path === '/usr/bin/google-chrome';
      },
    });
    expect(found).toEqual({ path: '/usr/bin/google-chrome', source: 'system' });
    expect(seen.indexOf('/usr/bin/chromium')).toBeLessThan(seen.indexOf('/usr/bin/google-chrome'));
    expect(SYSTEM_BROWSER_PATHS).toContain('/snap/bin/chromium');
  });

  it('returns null when there is no browser anywhere', () => {
    expect(findBrowser({}, { playwrightCacheDirs: [], exists: () => false })).toBeNull();
    const emptyHome = mkdtempSync(join(tmpdir(), 'home-'));
    expect(findBrowser({ HOME: emptyHome }, { exists: () => false })).toBeNull();
  });

  it('finds the Chromium on this machine with the real defaults', () => {
    const found = findBrowser({ HOME: mkdtempSync(join(tmpdir(), 'home-')) });
    expect(found?.source).toBe('system');
    expect(found?.path).toMatch(/chrom/i);
  });
});
