// HTTP fetching with undici: connect/header/body timeouts plus an overall deadline, manual
// redirects (chain recorded, loops detected), bodies with a hard byte cap (on the wire and after
// decompression, so a gzip bomb is cut off too), and retries with backoff for transient failures.
import { Agent } from 'undici';
import { bodyWanted, startExchange, type Exchange, type ExchangeHandle } from './http-exchange.ts';
import { FetchFailure, classifyNetworkError, looksBlocked, parseRetryAfter, statusFailure } from './failures.ts';
import { normalizeUrl } from './url.ts';

export interface FetchSettings {
  userAgent: string;
  timeoutMs: number;
  connectTimeoutMs: number;
  retries: number;
  /** per-origin socket limit */
  connectionsPerOrigin?: number;
  /** base of the exponential backoff between retries */
  backoffMs?: number;
  /** accept TLS certificates that do not verify (self-signed, incomplete chain): --insecure */
  insecureTls?: boolean;
}

export interface FetchOk {
  url: string;
  finalUrl: string;
  status: number;
  headers: Record<string, string>;
  contentType: string;
  body: Uint8Array;
  redirects: string[];
  attempts: number;
  lastModified?: string;
  /** Content-Length when the server declared it */
  declaredSize?: number;
}

export interface FetchRequest {
  url: string;
  maxBytes: number;
  /** the cap once the Content-Type is known, instead of maxBytes */
  maxBytesFor?: (contentType: string) => number;
  accept?: string;
  signal?: AbortSignal;
  /** status codes that are returned rather than turned into failures (e.g. 404 for the soft-404 probe) */
  acceptStatus?: (status: number) => boolean;
}

const MAX_REDIRECTS = 10;
const NOTHING = () => undefined;

function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const t = setTimeout(done, ms);
    function done() {
      clearTimeout(t);
      signal?.removeEventListener('abort', done);
      resolve();
    }
    signal?.addEventListener('abort', done, { once: true });
  });
}

export class Fetcher {
  private readonly agent: Agent;
  constructor(private readonly settings: FetchSettings) {
    this.agent = new Agent({
      connect: { timeout: settings.connectTimeoutMs, rejectUnauthorized: !settings.insecureTls },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
      connections: settings.connectionsPerOrigin ?? 8,
      keepAliveTimeout: 4_000,
    });
  }

  /** GET with retries. Throws FetchFailure (never anything else) when no usable response came. */
  async get(req: FetchRequest): Promise<FetchOk> {
    let attempt = 0;
    for (;;) {
      attempt++;
      try {
        const ok = await this.once(req);
        ok.attempts = attempt;
        return ok;
      } catch (error) {
        const failure = req.signal?.aborted ? new FetchFailure('other', 'interrupted') : classifyNetworkError(error);
        if (!failure.retryable || attempt > this.settings.retries || req.signal?.aborted) {
          failure.attempts = attempt;
          throw failure;
        }
        const base = this.settings.backoffMs ?? 300;
        const wait = failure.retryAfterMs ?? base * 2 ** (attempt - 1) * (0.75 + Math.random() * 0.5);
        await sleep(wait, req.signal);
      }
    }
  }

  /** one listener per caller signal (a crawl passes the same one to every request), not one per request */
  private readonly watchers = new WeakMap<AbortSignal, Set<(reason: unknown) => void>>();

  /** call `onAbort` if `signal` aborts before the returned function is called */
  private watch(signal: AbortSignal | undefined, onAbort: (reason: unknown) => void): () => void {
    if (!signal) return NOTHING;
    if (signal.aborted) {
      onAbort(signal.reason);
      return NOTHING;
    }
    const members = this.watchers.get(signal) ?? this.startWatching(signal);
    members.add(onAbort);
    return () => members.delete(onAbort);
  }

  private startWatching(signal: AbortSignal): Set<(reason: unknown) => void> {
    const members = new Set<(reason: unknown) => void>();
    this.watchers.set(signal, members);
    signal.addEventListener('abort', () => [...members].forEach((f) => f(signal.reason)), { once: true });
    return members;
  }

  private async once(req: FetchRequest): Promise<FetchOk> {
    const redirects: string[] = [];
    const seen = new Set<string>([req.url]);
    let current = req.url;
    let handle: ExchangeHandle | null = null;
    let timedOut = false;
    let interruption: Error | null = null;
    // one timer for the whole chain: headers and body timeouts alone let a slow drip run forever
    const timer = setTimeout(() => {
      timedOut = true;
      handle?.abort(new DOMException('request deadline', 'TimeoutError'));
    }, this.settings.timeoutMs);
    const unwatch = this.watch(req.signal, (reason) => {
      interruption = reason instanceof Error ? reason : new Error('interrupted');
      handle?.abort(interruption);
    });
    const headers = {
      'user-agent': this.settings.userAgent,
      accept: req.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
      'accept-language': 'th,en;q=0.8',
      'accept-encoding': 'gzip, deflate, br',
    };
    try {
      for (;;) {
        if (interruption) throw interruption;
        handle = startExchange(this.agent, { url: current, headers, maxBytes: req.maxBytes, ...(req.maxBytesFor ? { maxBytesFor: req.maxBytesFor } : {}), acceptStatus: req.acceptStatus });
        let res: Exchange;
        try {
          res = await handle.done;
        } catch (error) {
          if (error instanceof FetchFailure) {
            error.finalUrl = current;
            error.contentType ??= '';
          }
          throw error;
        }
        const status = res.status;
        if (status >= 300 && status < 400 && res.headers.location) {
          const next = normalizeUrl(res.headers.location, current);
          if (!next) throw new FetchFailure('other', `redirect to an unsupported URL: ${res.headers.location.slice(0, 120)}`, status);
          if (seen.has(next)) throw new FetchFailure('redirect-loop', `redirect loop at ${next}`, status);
          if (redirects.length >= MAX_REDIRECTS) throw new FetchFailure('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`, status);
          seen.add(next);
          redirects.push(next);
          current = next;
          continue;
        }
        if (!bodyWanted(status, req.acceptStatus)) {
          const start = Buffer.from(res.body.buffer, res.body.byteOffset, res.body.length).toString('latin1');
          throw statusFailure(status, looksBlocked(status, res.headers, start), parseRetryAfter(res.headers['retry-after']));
        }
        return {
          url: req.url,
          finalUrl: current,
          status,
          headers: res.headers,
          contentType: res.headers['content-type'] ?? '',
          body: res.body,
          redirects,
          attempts: 1,
          lastModified: res.headers['last-modified'],
          declaredSize: res.declaredSize,
        };
      }
    } catch (error) {
      if (timedOut && !(error instanceof FetchFailure)) {
        throw new FetchFailure('timeout', `no complete answer within ${this.settings.timeoutMs} ms`, undefined, true);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      unwatch();
      // the closures made here share one context with `handle`, and undici keeps a finished
      // request's handler around for a while: without this, each page's socket buffers stayed
      // reachable and a 10,000-page crawl peaked 65 MB higher
      handle = null;
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}
