// The crawl: guided, best-first, polite. It gathers facts into a SiteSnapshot and judges nothing.
// Order of work: robots.txt → start page (site reachable? blocked?) → soft-404 probe → sitemap
// seeds → a best-first frontier where hub pages and links matching hub/checklist words go first,
// repetitive sections are sampled and traps cut, every skipped URL recorded once with its reason.
import PQueue from 'p-queue';
import { join } from 'node:path';
import type { CrawlEvent } from './events.ts';
import type { Document, Failure, Page, SiteSnapshot, SkipReason, StopReason } from '../snapshot/schema.ts';
import { SNAPSHOT_SCHEMA_VERSION } from '../snapshot/schema.ts';
import { TOOL_NAME, TOOL_VERSION } from '../version.ts';
import { oneLine } from '../util/errors.ts';
import { parseCrawlOptions, type CrawlOptions, type CrawlOptionsInput } from './options.ts';
import { Fetcher, type FetchOk } from './fetcher.ts';
import { FetchFailure, looksBlocked, looksLikeChallengePage } from './failures.ts';
import { extractPage, needsBrowser, type ExtractedPage } from './extract.ts';
import { normalizeUrl, urlKey } from './url.ts';
import { Scope } from './scope.ts';
import { allowAll, loadRobots, type RobotsRules } from './robots.ts';
import { loadSitemapUrls } from './sitemap.ts';
import { isHubPage, mentionsHub } from './hub.ts';
import { parseHtmlPage, type ParsedPage } from './parse-page.ts';
import { PatternSampler } from './traps.ts';
import { fingerprint, looksLikeNotFound, probeUrl, type NotFoundFingerprint } from './soft404.ts';
import { Frontier, type FrontierEntry } from './frontier.ts';
import { findBrowser } from './browser/find.ts';
import type { BrowserRenderer } from './browser/renderer.ts';
import { documentsModule, isDocumentType, isHtmlType, linkDocumentKind, qrModule, rendererModule } from './leaves.ts';

export interface CrawlHooks {
  onEvent?: (e: CrawlEvent) => void;
  /** abort → stop gracefully and return what was gathered (stoppedBecause 'interrupted') */
  signal?: AbortSignal;
  /** polled every `checkEvery` pages; true → stop early ('early-stop') */
  shouldStop?: (partial: SiteSnapshot) => boolean;
  checkEvery?: number;
}

const PRIORITY = { hubLink: 1000, frame: 900, hubWord: 800, priorityWord: 500, startLinks: 50, sitemap: 5, depthPenalty: 10 } as const;
const MAX_SKIPPED = 20_000;
const MAX_QR_FETCHES = 60;
const QR_MAX_BYTES = 2 * 1024 * 1024;
const QR_HINT = /qr|คิวอาร์|eit|ita/i;
/** a link from an image to the NACC's assessment system (the EIT QR code usually links there too) */
const QR_LINK_HINT = /itas\.nacc\.go\.th|nacc\.go\.th|eit|qr/i;
/** square images without a hint that are decoded per page: logos and photos are square too */
const MAX_SQUARE_PER_PAGE = 4;

/** URL.host of a normalised http(s) URL (no user info), without parsing the URL again */
function hostOf(url: string): string {
  const m = /^https?:\/\/([^/?#@\\]*)[/?#]/i.exec(url);
  return m ? m[1]!.toLowerCase() : new URL(url).host;
}

/** Crawl a site from `options.startUrl`. Never throws for site problems: they end up in the snapshot. */
export async function crawl(input: Partial<CrawlOptionsInput> & { startUrl: string }, hooks: CrawlHooks = {}): Promise<SiteSnapshot> {
  const options = parseCrawlOptions(input);
  return new CrawlRun(options, hooks).run();
}

class CrawlRun {
  private readonly startedAt = new Date().toISOString();
  private readonly fetcher: Fetcher;
  private readonly frontier = new Frontier();
  private readonly seen = new Set<string>();
  private readonly seenExact = new Set<string>();
  private readonly skippedKeys = new Set<string>();
  private readonly sampler: PatternSampler;
  private readonly priorityWords: string[];
  private readonly hostQueues = new Map<string, PQueue>();
  private readonly controller = new AbortController();

  private scope!: Scope;
  private robots!: RobotsRules;
  private notFound: NotFoundFingerprint | null = null;
  private renderer: BrowserRenderer | null = null;
  private rendererState: 'unknown' | 'ready' | 'missing' | 'failed' = 'unknown';
  private rendererLaunch: Promise<BrowserRenderer | null> | null = null;
  private screenshots = 0;
  private qrFetches = 0;
  private startKey = '';

  private readonly pages: Page[] = [];
  private readonly documents: Document[] = [];
  private readonly failures: Failure[] = [];
  private readonly skipped: SiteSnapshot['skipped'] = [];
  private readonly hubUrls: string[] = [];
  private soft404 = false;
  private finalStartUrl: string | undefined;
  private stopReason: StopReason | null = null;
  private inFlight = 0;
  private pageFetchesStarted = 0;
  private documentFetchesStarted = 0;
  private lastCheckAt = 0;

  constructor(
    private readonly options: CrawlOptions,
    private readonly hooks: CrawlHooks,
  ) {
    this.fetcher = new Fetcher({
      userAgent: options.userAgent,
      timeoutMs: options.timeoutMs,
      connectTimeoutMs: options.connectTimeoutMs,
      retries: options.retries,
      connectionsPerOrigin: Math.max(options.perHostConcurrency, 2),
      insecureTls: options.insecureTls,
    });
    this.sampler = new PatternSampler(options.samplesPerPattern);
    this.priorityWords = options.priorityWords.map((w) => w.toLowerCase().replace(/\s+/g, '')).filter((w) => w.length >= 2);
  }

  private emit(e: CrawlEvent): void {
    try {
      this.hooks.onEvent?.(e);
    } catch {
      /* a listener's bug must not end the crawl */
    }
  }

  async run(): Promise<SiteSnapshot> {
    const onAbort = () => this.stop('interrupted');
    if (this.hooks.signal?.aborted) this.stop('interrupted');
    this.hooks.signal?.addEventListener('abort', onAbort, { once: true });
    const deadline = setTimeout(() => this.stop('timeout'), this.options.maxDurationMs);
    this.emit({ type: 'crawl:start', startUrl: this.options.startUrl, maxPages: this.options.maxPages, render: this.options.render });
    try {
      const startUrl = normalizeUrl(this.options.startUrl)!;
      this.startKey = urlKey(startUrl);
      this.scope = new Scope([startUrl], this.options.extraHosts, this.options.include, this.options.exclude);
      this.robots = this.options.ignoreRobots ? allowAll(new URL('/robots.txt', startUrl).toString()) : await loadRobots(startUrl, this.fetcher, this.options.userAgent, this.controller.signal);
      if (this.robots.crawlDelayMs && this.robots.crawlDelayMs > this.options.delayMs) this.options.delayMs = this.robots.crawlDelayMs;

      const reachable = await this.crawlStart(startUrl);
      if (reachable && !this.stopReason) {
        await this.probeSoft404();
        await this.seedFromSitemaps();
        await this.loop();
      }
    } finally {
      clearTimeout(deadline);
      this.hooks.signal?.removeEventListener('abort', onAbort);
      await this.renderer?.close().catch(() => undefined);
      if (this.options.ocr) await (await import('./ocr.ts')).closeOcr().catch(() => undefined);
      await this.fetcher.close();
    }
    for (const entry of this.frontier.drain()) {
      const reason: SkipReason = this.stopReason === 'interrupted' ? 'interrupted' : this.stopReason === 'early-stop' ? 'early-stop' : 'budget';
      this.skip(entry.url, reason, entry.referrer);
    }
    const snapshot = this.snapshot(this.stopReason ?? 'complete');
    this.emit({
      type: 'crawl:done',
      pages: snapshot.pages.length,
      documents: snapshot.documents.length,
      failures: snapshot.failures.length,
      skipped: snapshot.skipped.length,
      stoppedBecause: snapshot.provenance.stoppedBecause,
    });
    return snapshot;
  }

  private stop(reason: StopReason): void {
    if (this.stopReason) return;
    this.stopReason = reason;
    if (reason === 'interrupted' || reason === 'timeout') this.controller.abort();
  }

  private snapshot(stoppedBecause: StopReason): SiteSnapshot {
    const failure = this.siteFailure;
    return {
      schemaVersion: SNAPSHOT_SCHEMA_VERSION,
      startUrl: this.options.startUrl,
      ...(this.finalStartUrl ? { finalStartUrl: this.finalStartUrl } : {}),
      hosts: this.scope?.hostList() ?? [],
      siteStatus: failure ? (failure.kind === 'blocked' ? 'blocked' : 'unreachable') : 'ok',
      ...(failure ? { siteError: `${failure.kind}: ${oneLine(failure.message)}` } : {}),
      soft404: this.soft404,
      hubUrls: this.hubUrls,
      pages: this.pages,
      documents: this.documents,
      failures: this.failures,
      skipped: this.skipped,
      provenance: {
        tool: { name: TOOL_NAME, version: TOOL_VERSION },
        options: { ...this.options },
        userAgent: this.options.userAgent,
        browser: this.renderer?.version ?? null,
        startedAt: this.startedAt,
        finishedAt: new Date().toISOString(),
        stoppedBecause: failure ? 'unreachable' : stoppedBecause,
        robots: { url: this.robots?.url ?? '', found: this.robots?.found ?? false, obeyed: !this.options.ignoreRobots, sitemaps: this.robots?.sitemaps ?? [] },
      },
    };
  }

  private siteFailure: Failure | null = null;

  // ── start page ────────────────────────────────────────────────────────────────────────────
  private async crawlStart(startUrl: string): Promise<boolean> {
    this.seen.add(urlKey(startUrl));
    const entry: FrontierEntry = { url: startUrl, depth: 0, priority: Infinity, document: false, candidate: true };
    if (!this.robots.isAllowed(startUrl)) {
      this.skip(startUrl, 'robots');
      return false;
    }
    this.pageFetchesStarted = 1;
    return this.process(entry, true);
  }

  private async probeSoft404(): Promise<void> {
    const origin = this.finalStartUrl ?? this.options.startUrl;
    try {
      const res = await this.fetcher.get({ url: probeUrl(origin), maxBytes: this.options.maxPageBytes, acceptStatus: () => false, signal: this.controller.signal });
      if (!isHtmlType(res.contentType) && (await documentsModule()).documentKindOf(res.finalUrl, res.contentType) !== null) return;
      const page = parseHtmlPage(res.body, res.contentType, res.finalUrl).extracted;
      this.soft404 = true;
      this.notFound = fingerprint(page.title, page.text);
    } catch {
      /* a real 404 (or any failure) is what a healthy server answers */
    }
  }

  private async seedFromSitemaps(): Promise<void> {
    if (!this.options.useSitemap) return;
    const origin = this.finalStartUrl ?? this.options.startUrl;
    const candidates = this.robots.sitemaps.length ? this.robots.sitemaps : [new URL('/sitemap.xml', origin).toString()];
    const urls = await loadSitemapUrls(candidates.filter((u) => this.scope.classify(u) === 'in'), this.fetcher, this.controller.signal);
    for (const raw of urls) {
      const url = normalizeUrl(raw);
      if (url) this.consider(url, { depth: 1, referrer: undefined, text: '', context: '', fromHub: false, frame: false, base: PRIORITY.sitemap, fromCandidate: false });
    }
  }

  // ── main loop ─────────────────────────────────────────────────────────────────────────────
  private async loop(): Promise<void> {
    const workers = Array.from({ length: this.options.concurrency }, () => this.worker());
    await Promise.all(workers);
  }

  private wakeups: Array<() => void> = [];
  private wake(): void {
    const w = this.wakeups;
    this.wakeups = [];
    for (const f of w) f();
  }

  private async worker(): Promise<void> {
    for (;;) {
      if (this.stopReason) return;
      const entry = this.nextEntry();
      if (!entry) {
        if (this.inFlight === 0) {
          if (this.frontier.size > 0) this.stop('budget');
          return;
        }
        await new Promise<void>((resolve) => this.wakeups.push(resolve));
        continue;
      }
      this.inFlight++;
      try {
        await this.process(entry, false);
      } catch (error) {
        this.fail({ url: entry.url, kind: 'other', message: oneLine(error), referrer: entry.referrer, attempts: 1 });
      } finally {
        this.inFlight--;
        this.wake();
      }
      this.maybeCheckStop();
    }
  }

  /** the best entry the budget still allows: documents have their own cap (same number as pages) */
  private nextEntry(): FrontierEntry | undefined {
    const deferred: FrontierEntry[] = [];
    let picked: FrontierEntry | undefined;
    for (let e = this.frontier.pop(); e; e = this.frontier.pop()) {
      const over = e.document ? this.documentFetchesStarted >= this.options.maxPages : this.pageFetchesStarted >= this.options.maxPages;
      if (over) {
        deferred.push(e);
        continue;
      }
      picked = e;
      break;
    }
    for (const d of deferred) this.frontier.push(d);
    if (picked) {
      if (picked.document) this.documentFetchesStarted++;
      else this.pageFetchesStarted++;
    }
    return picked;
  }

  private maybeCheckStop(): void {
    const every = this.hooks.checkEvery ?? 10;
    if (!this.hooks.shouldStop || this.stopReason) return;
    if (this.pages.length - this.lastCheckAt < every) return;
    this.lastCheckAt = this.pages.length;
    try {
      if (this.hooks.shouldStop(this.snapshot('early-stop'))) this.stop('early-stop');
    } catch {
      /* a failing predicate never stops the crawl */
    }
  }

  private hostQueue(url: string): PQueue {
    const host = hostOf(url);
    let q = this.hostQueues.get(host);
    if (!q) {
      const delay = this.options.delayMs;
      q = delay > 0 ? new PQueue({ concurrency: 1, interval: delay, intervalCap: 1 }) : new PQueue({ concurrency: this.options.perHostConcurrency });
      this.hostQueues.set(host, q);
    }
    return q;
  }

  private async politeGet(url: string, maxBytes: number, accept?: string, maxBytesFor?: (contentType: string) => number): Promise<FetchOk> {
    const req = { url, maxBytes, accept, signal: this.controller.signal, ...(maxBytesFor ? { maxBytesFor } : {}) };
    // each crawl worker fetches one thing at a time, so with no delay and a per-host limit at or
    // above the crawl's concurrency a host queue could never hold anything back: skip its cost
    if (this.options.delayMs === 0 && this.options.perHostConcurrency >= this.options.concurrency) return this.fetcher.get(req);
    return this.hostQueue(url).add(() => this.fetcher.get(req)) as Promise<FetchOk>;
  }

  // ── one URL ───────────────────────────────────────────────────────────────────────────────
  /** Fetch and record one entry. Returns false when it failed (the start page's failure ends the crawl). */
  private async process(entry: FrontierEntry, isStart: boolean): Promise<boolean> {
    if (!entry.document && this.hooks.onEvent) this.emit({ type: 'page:start', url: entry.url, depth: entry.depth });
    const maxBytes = entry.document ? this.options.maxDocumentBytes : this.options.maxPageBytes;
    let res: FetchOk;
    try {
      res = await this.politeGet(entry.url, maxBytes, entry.document ? '*/*' : undefined, entry.document ? undefined : this.pageCap);
    } catch (error) {
      if (this.controller.signal.aborted) {
        this.skip(entry.url, 'interrupted', entry.referrer);
        return false;
      }
      const f = error instanceof FetchFailure ? error : new FetchFailure('other', oneLine(error));
      if (f.kind === 'too-large' && (entry.document || isDocumentType(f.contentType ?? ''))) this.recordTooLargeDocument(entry, f);
      const failure: Failure = { url: entry.url, kind: f.kind, message: f.message, attempts: f.attempts, ...(f.status ? { status: f.status } : {}), ...(entry.referrer ? { referrer: entry.referrer } : {}) };
      this.fail(failure);
      if (isStart) this.siteFailure = failure;
      return false;
    }
    if (isStart) {
      this.finalStartUrl = res.finalUrl;
      this.scope.addHostOf(res.finalUrl);
    }
    const blocked =
      res.status === 200 ? looksLikeChallengePage(res.body) : res.body.length < 20_000 && looksBlocked(res.status, res.headers, Buffer.from(res.body.buffer, res.body.byteOffset, Math.min(res.body.length, 4096)).toString('latin1'));
    if (blocked) {
      const failure: Failure = { url: entry.url, kind: 'blocked', status: res.status, message: 'a bot wall / challenge page answered', attempts: res.attempts, ...(entry.referrer ? { referrer: entry.referrer } : {}) };
      this.fail(failure);
      if (isStart) this.siteFailure = failure;
      return false;
    }

    // a redirect into an already-crawled page: nothing new
    if (!isStart && res.redirects.length) {
      const key = urlKey(res.finalUrl);
      if (key !== urlKey(entry.url)) {
        if (this.seen.has(key) && this.fetchedKeys.has(key)) {
          this.skip(entry.url, 'duplicate', entry.referrer);
          return true;
        }
        this.seen.add(key);
        if (!entry.offSite && this.scope.classify(res.finalUrl) !== 'in' && !entry.document) {
          this.skip(res.finalUrl, 'out-of-scope', entry.url);
          return true;
        }
      }
    }
    this.fetchedKeys.add(entry.key !== undefined && res.redirects.length === 0 ? entry.key : urlKey(res.finalUrl));

    if (!isHtmlType(res.contentType) || entry.document) {
      const { documentKindOf, sniffDocumentKind } = await documentsModule();
      const kind = isHtmlType(res.contentType) ? null : documentKindOf(res.finalUrl, res.contentType);
      if ((kind ?? sniffDocumentKind(res.body)) !== null) {
        await this.recordDocument(entry, res);
        return true;
      }
    }
    if (!/html|xml/i.test(res.contentType) && res.contentType !== '') {
      return true; // css, js, json …: nothing for the audit
    }
    await this.recordPage(entry, res, isStart);
    return true;
  }

  private readonly fetchedKeys = new Set<string>();

  /** a link that looked like a page may answer with a file (download.php?id=7 → PDF): it gets the document cap */
  private readonly pageCap = (contentType: string): number =>
    isDocumentType(contentType) ? Math.max(this.options.maxDocumentBytes, this.options.maxPageBytes) : this.options.maxPageBytes;

  private async recordPage(entry: FrontierEntry, res: FetchOk, isStart: boolean): Promise<void> {
    const parsed: ParsedPage = parseHtmlPage(res.body, res.contentType, res.finalUrl);
    let extracted = parsed.extracted;
    let hub = parsed.hub;
    let via: Page['via'] = 'http';
    let finalUrl = res.finalUrl;
    let status = res.status;
    let screenshot: string | undefined;

    const wantRender = this.options.render === 'always' || (this.options.render === 'auto' && needsBrowser(extracted));
    // --render never means no browser at all, screenshots included
    const wantScreenshot = this.options.render !== 'never' && Boolean(this.options.screenshotsDir) && this.screenshots < this.options.maxScreenshots && (entry.candidate || hub);
    if (wantRender || wantScreenshot) {
      const renderer = await this.browser();
      if (renderer) {
        const shotPath = wantScreenshot ? this.screenshotPath(res.finalUrl) : undefined;
        if (shotPath) this.screenshots++;
        try {
          const rendered = await renderer.render(res.finalUrl, shotPath ? { screenshotPath: join(this.options.screenshotsDir!, shotPath) } : {});
          if (shotPath) screenshot = shotPath;
          if (wantRender) {
            extracted = extractPage(rendered.html, rendered.finalUrl);
            if (!extracted.title && rendered.title) extracted.title = rendered.title;
            hub = isHubPage(extracted);
            via = 'browser';
            finalUrl = normalizeUrl(rendered.finalUrl) ?? finalUrl;
            status = rendered.status || status;
          }
        } catch (error) {
          if (shotPath) this.screenshots--;
          this.fail({ url: res.finalUrl, kind: 'render-error', message: oneLine(error), attempts: 1, ...(entry.referrer ? { referrer: entry.referrer } : {}) });
        }
      }
    }

    if (!isStart && this.notFound && urlKey(finalUrl) !== this.startKey && looksLikeNotFound(this.notFound, extracted.title, extracted.text)) {
      this.fail({ url: entry.url, kind: 'soft-404', status, message: 'answers like the site’s not-found page', attempts: 1, ...(entry.referrer ? { referrer: entry.referrer } : {}) });
      return;
    }

    if (hub && !this.hubUrls.includes(finalUrl)) {
      this.hubUrls.push(finalUrl);
      this.emit({ type: 'hub:found', url: finalUrl });
    }

    const images = extracted.images;
    if (entry.candidate || hub) await this.decodeQrImages(images);

    const page: Page = {
      url: entry.url,
      finalUrl,
      status,
      contentType: res.contentType,
      charset: parsed.charset,
      title: extracted.title,
      headings: extracted.headings,
      text: extracted.text,
      links: extracted.links,
      images,
      iframes: extracted.iframes,
      forms: extracted.forms,
      depth: entry.depth,
      via,
      redirects: res.redirects,
      ...(res.lastModified ? { lastModified: res.lastModified } : {}),
      ...(screenshot ? { screenshot } : {}),
      ...(entry.referrer ? { referrer: entry.referrer } : {}),
    };
    this.pages.push(page);
    if (!entry.offSite) this.enqueueLinks(page, extracted, entry, hub);
    if (this.hooks.onEvent) this.emit({ type: 'page:done', url: entry.url, status, via, pagesDone: this.pages.length, queued: this.frontier.size, documentsDone: this.documents.length });
  }

  private screenshotPath(url: string): string {
    const safe = url.replace(/^https?:\/\//, '').replace(/[^a-zA-Z0-9._-]+/g, '_').slice(0, 80);
    return `${String(this.screenshots + 1).padStart(3, '0')}-${safe}.png`;
  }

  private async browser(): Promise<BrowserRenderer | null> {
    if (this.rendererState === 'ready') return this.renderer;
    if (this.rendererState === 'missing' || this.rendererState === 'failed') return null;
    this.rendererLaunch ??= (async () => {
      const found = this.options.browserPath ? { path: this.options.browserPath } : findBrowser(process.env);
      if (!found) {
        this.rendererState = 'missing';
        this.emit({ type: 'browser:missing', message: 'no Chromium/Chrome found (set OIT_AUDIT_CHROMIUM): continuing over HTTP only' });
        return null;
      }
      try {
        const { BrowserRenderer } = await rendererModule();
        this.renderer = await BrowserRenderer.launch({ executablePath: found.path, userAgent: this.options.userAgent, timeoutMs: this.options.timeoutMs });
        this.rendererState = 'ready';
        return this.renderer;
      } catch (error) {
        this.rendererState = 'failed';
        this.emit({ type: 'browser:missing', message: `browser at ${found.path} did not start (${oneLine(error)}): continuing over HTTP only` });
        return null;
      }
    })();
    return this.rendererLaunch;
  }

  private async decodeQrImages(images: Page['images']): Promise<void> {
    let squares = 0;
    for (const image of images) {
      if (this.qrFetches >= MAX_QR_FETCHES) return;
      // named or linked like a QR code, or shaped like one (an upload named "IMG_0412.png" with no alt)
      const hinted = QR_HINT.test(`${image.alt} ${image.src}`) || (image.href !== undefined && QR_LINK_HINT.test(image.href));
      if (!hinted && !(image.square && squares++ < MAX_SQUARE_PER_PAGE)) continue;
      if (this.scope.classify(image.src) === 'out-of-scope' && !/qr/i.test(image.src)) continue;
      this.qrFetches++;
      try {
        const res = await this.politeGet(image.src, QR_MAX_BYTES, 'image/*');
        if (!/^image\//i.test(res.contentType) && (await documentsModule()).sniffDocumentKind(res.body) !== 'image') continue;
        const codes = await (await qrModule()).decodeQrCodes(res.body);
        if (codes[0]) image.qr = codes[0];
      } catch {
        /* an unreadable image is no evidence either way */
      }
    }
  }

  private async recordDocument(entry: FrontierEntry, res: FetchOk): Promise<void> {
    const { documentKindOf, extractDocument } = await documentsModule();
    let extracted: Awaited<ReturnType<typeof extractDocument>>;
    try {
      extracted = await extractDocument(res.body, { url: res.finalUrl, contentType: res.contentType, pdfMaxPages: this.options.pdfMaxPages, ocr: this.options.ocr });
    } catch (error) {
      extracted = { kind: documentKindOf(res.finalUrl, res.contentType) ?? 'other', text: '', textStatus: 'error', qr: [], note: oneLine(error) };
    }
    const doc: Document = {
      url: entry.url,
      finalUrl: res.finalUrl,
      status: res.status,
      contentType: res.contentType,
      kind: extracted.kind,
      size: res.body.length,
      ...(res.lastModified ? { lastModified: res.lastModified } : {}),
      text: extracted.text,
      textStatus: extracted.textStatus,
      ...(extracted.pages !== undefined ? { pages: extracted.pages } : {}),
      qr: extracted.qr,
      ...(entry.referrer ? { referrer: entry.referrer } : {}),
    };
    this.documents.push(doc);
    this.emit({ type: 'document:done', url: entry.url, kind: doc.kind, textStatus: doc.textStatus, documentsDone: this.documents.length });
  }

  private recordTooLargeDocument(entry: FrontierEntry, f: FetchFailure): void {
    const url = f.finalUrl ?? entry.url;
    this.documents.push({
      url: entry.url,
      finalUrl: url,
      status: f.status ?? 200,
      contentType: f.contentType ?? '',
      kind: linkDocumentKind(url) ?? (/pdf/i.test(f.contentType ?? '') ? 'pdf' : 'other'),
      ...(f.declaredSize !== undefined && Number.isFinite(f.declaredSize) ? { size: f.declaredSize } : {}),
      text: '',
      textStatus: 'too-large',
      qr: [],
      ...(entry.referrer ? { referrer: entry.referrer } : {}),
    });
  }

  // ── links → frontier ──────────────────────────────────────────────────────────────────────
  private enqueueLinks(page: Page, extracted: ExtractedPage, entry: FrontierEntry, hub: boolean): void {
    for (const link of extracted.links) {
      // most links on a page were seen before in exactly this form: nothing to build for them
      if (this.seenExact.has(link.url) || !/^https?:/i.test(link.url)) continue;
      const frame = link.source === 'frame' || link.source === 'iframe' || link.source === 'meta-refresh';
      this.consider(link.url, {
        depth: frame ? entry.depth : entry.depth + 1,
        referrer: page.finalUrl,
        text: link.text,
        context: link.context,
        fromHub: hub,
        frame,
        base: entry.depth === 0 ? PRIORITY.startLinks : 0,
        fromCandidate: entry.candidate || hub,
      });
    }
  }

  private consider(
    url: string,
    how: { depth: number; referrer: string | undefined; text: string; context: string; fromHub: boolean; frame: boolean; base: number; fromCandidate: boolean },
  ): void {
    // most links on a page were seen before in exactly this form: skip the URL parse for them
    if (this.seenExact.has(url)) return;
    this.seenExact.add(url);
    // parsed once here for every check below (each would parse it again)
    let parsed: URL | undefined;
    try {
      parsed = new URL(url);
    } catch {
      parsed = undefined;
    }
    const key = urlKey(url, parsed);
    if (this.seen.has(key)) return;
    const verdict = this.scope.classify(url, parsed);
    const docKind = linkDocumentKind(url, parsed);
    const isDocument = docKind !== null && docKind !== 'image';
    if (verdict === 'external-evidence' || verdict === 'excluded' || verdict === 'not-included') {
      this.seen.add(key);
      this.skip(url, verdict, how.referrer);
      return;
    }
    const offSite = verdict === 'out-of-scope';
    if (offSite && !(isDocument && how.fromCandidate)) {
      this.seen.add(key);
      this.skip(url, 'out-of-scope', how.referrer);
      return;
    }
    if (docKind === 'image') {
      return; // images are recorded on their page; QR candidates are fetched there
    }
    if (!offSite && !this.robots.isAllowed(url)) {
      this.seen.add(key);
      this.skip(url, 'robots', how.referrer);
      return;
    }
    if (how.depth > this.options.maxDepth) {
      this.seen.add(key);
      this.skip(url, 'depth', how.referrer);
      return;
    }
    const words = `${how.text} ${how.context}`;
    const hubWord = mentionsHub(how.text, url);
    const priorityWord = this.matchesPriorityWords(words, url, parsed);
    const important = how.fromHub || how.frame || hubWord || priorityWord;
    if (!important) {
      const verdict2 = this.sampler.check(url, parsed);
      if (verdict2 !== 'ok') {
        this.seen.add(key);
        this.skip(url, verdict2, how.referrer);
        return;
      }
    }
    this.seen.add(key);
    const priority =
      how.base +
      (how.fromHub ? PRIORITY.hubLink : 0) +
      (how.frame ? PRIORITY.frame : 0) +
      (hubWord ? PRIORITY.hubWord : 0) +
      (priorityWord ? PRIORITY.priorityWord : 0) -
      how.depth * PRIORITY.depthPenalty;
    this.frontier.push({
      url,
      key,
      depth: how.depth,
      priority,
      ...(how.referrer ? { referrer: how.referrer } : {}),
      document: isDocument,
      ...(offSite ? { offSite: true } : {}),
      candidate: how.fromHub || hubWord || priorityWord,
    });
    this.wake();
  }

  private matchesPriorityWords(text: string, url: string, parsed?: URL): boolean {
    if (!this.priorityWords.length) return false;
    const compact = text.toLowerCase().replace(/\s+/g, '');
    let path = url.toLowerCase();
    try {
      path = decodeURIComponent((parsed ?? new URL(url)).pathname).toLowerCase();
    } catch {
      /* keep the raw URL */
    }
    return this.priorityWords.some((w) => compact.includes(w) || path.includes(w));
  }

  private skip(url: string, reason: SkipReason, referrer?: string): void {
    const key = `${reason}\u0000${urlKey(url)}`;
    if (this.skippedKeys.has(key)) return;
    this.skippedKeys.add(key);
    if (this.skipped.length < MAX_SKIPPED) this.skipped.push({ url, reason, ...(referrer ? { referrer } : {}) });
    this.emit({ type: 'url:skipped', url, reason });
  }

  private fail(f: Failure): void {
    this.failures.push(f);
    this.emit({ type: 'url:failed', url: f.url, kind: f.kind, message: f.message });
  }
}
