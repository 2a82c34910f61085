// Renders pages in headless Chromium (playwright-core, no bundled browser): one browser, one
// context, a fresh page per render, closed after use. Used by the crawler for JavaScript-built
// pages and for screenshots of evidence pages.
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdir } from 'node:fs/promises';
import { dirname } from 'node:path';
import { CHROMIUM_ARGS, browserLabel } from './launch-args.ts';

export interface RenderResult {
  html: string;
  finalUrl: string;
  status: number;
  title: string;
}

export interface RendererLaunchOptions {
  executablePath: string;
  userAgent: string;
  /** cap for one render: navigation plus waiting for the network to settle */
  timeoutMs: number;
}

/** screenshots taller than this are cut: a 40 000 px news page is no evidence anyone reads */
export const SCREENSHOT_MAX_HEIGHT = 8000;
const VIEWPORT = { width: 1280, height: 900 };
/** how long to wait for 'networkidle' after the DOM is ready, at most */
const NETWORK_IDLE_CAP_MS = 5000;

export class BrowserRenderer {
  private constructor(
    private readonly browser: Browser,
    private readonly context: BrowserContext,
    private readonly timeoutMs: number,
    readonly version: string,
  ) {}

  static async launch(opts: RendererLaunchOptions): Promise<BrowserRenderer> {
    const browser = await chromium.launch({
      executablePath: opts.executablePath,
      headless: true,
      args: [...CHROMIUM_ARGS],
      timeout: Math.max(opts.timeoutMs, 10_000),
      // Playwright's own Ctrl-C handler exits the process with 130 once the browser is closed,
      // cutting short the CLI's graceful stop (audit what was gathered, write the reports). The
      // crawler closes the browser itself; on a hard exit Playwright's 'exit' hook still kills it.
      handleSIGINT: false,
      handleSIGTERM: false,
    });
    try {
      const context = await browser.newContext({
        userAgent: opts.userAgent,
        viewport: VIEWPORT,
        acceptDownloads: false,
        serviceWorkers: 'block',
        locale: 'th-TH',
      });
      // Only the web: no file:, chrome:, ftp: … fetched on behalf of an untrusted page.
      await context.route(
        (url) => url.protocol !== 'http:' && url.protocol !== 'https:',
        (route) => route.abort('blockedbyclient'),
      );
      context.on('page', (page) => {
        page.on('dialog', (dialog) => void dialog.dismiss().catch(() => {}));
      });
      return new BrowserRenderer(browser, context, opts.timeoutMs, browserLabel(opts.executablePath, browser.version()));
    } catch (error) {
      await browser.close().catch(() => {});
      throw error;
    }
  }

  /** false once Chromium has crashed or been closed: the crawler should fall back to HTTP */
  get connected(): boolean {
    return this.browser.isConnected();
  }

  async render(url: string, opts: { screenshotPath?: string } = {}): Promise<RenderResult> {
    const protocol = new URL(url).protocol;
    if (protocol !== 'http:' && protocol !== 'https:') throw new Error(`refusing to render a ${protocol} URL`);
    const page = await this.context.newPage();
    // pages the site opens itself (window.open) are closed at once
    const closePopup = (popup: Page) => void popup.close().catch(() => {});
    page.on('popup', closePopup);
    try {
      const deadline = Date.now() + this.timeoutMs;
      page.setDefaultTimeout(this.timeoutMs);
      const response = await page.goto(url, { waitUntil: 'domcontentloaded', timeout: this.timeoutMs });
      const idleBudget = Math.min(NETWORK_IDLE_CAP_MS, deadline - Date.now());
      if (idleBudget > 0) await page.waitForLoadState('networkidle', { timeout: idleBudget }).catch(() => {});
      if (opts.screenshotPath) await this.screenshot(page, opts.screenshotPath);
      return {
        html: await page.content(),
        finalUrl: page.url(),
        status: response?.status() ?? 0,
        title: await page.title(),
      };
    } finally {
      page.off('popup', closePopup);
      await page.close().catch(() => {});
    }
  }

  private async screenshot(page: Page, path: string): Promise<void> {
    await mkdir(dirname(path), { recursive: true });
    const height = await page.evaluate(() => document.documentElement.scrollHeight).catch(() => VIEWPORT.height);
    await page.screenshot({
      path,
      type: 'png',
      fullPage: true,
      clip: { x: 0, y: 0, width: VIEWPORT.width, height: Math.max(1, Math.min(height, SCREENSHOT_MAX_HEIGHT)) },
    });
  }

  async close(): Promise<void> {
    await this.context.close().catch(() => {});
    await this.browser.close().catch(() => {});
  }
}
