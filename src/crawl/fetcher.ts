// HTTP fetching with undici: connect/header/body timeouts plus an overall deadline, manual
// redirects (chain recorded, loops detected), streamed bodies with a hard byte cap (applied after
// decompression, so a gzip bomb is cut off too), and retries with backoff for transient failures.
import { Agent, request, type Dispatcher } from 'undici';
import { createGunzip, createBrotliDecompress, createInflate, type Gunzip } from 'node:zlib';
import { Readable } from 'node:stream';
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
  accept?: string;
  signal?: AbortSignal;
  /** status codes that are returned rather than turned into failures (e.g. 404 for the soft-404 probe) */
  acceptStatus?: (status: number) => boolean;
}

const MAX_REDIRECTS = 10;

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(h)) if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  return out;
}

function decoderFor(encoding: string): Gunzip | ReturnType<typeof createBrotliDecompress> | ReturnType<typeof createInflate> | null {
  const e = encoding.trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return createGunzip();
  if (e === 'br') return createBrotliDecompress();
  if (e === 'deflate') return createInflate();
  return null;
}

/** read a body stream into memory, decompressing, and abort once it passes maxBytes */
async function readCapped(body: Readable, encoding: string, maxBytes: number): Promise<Uint8Array> {
  const decoder = decoderFor(encoding);
  const stream: Readable = decoder ? body.pipe(decoder) : body;
  if (decoder) body.on('error', (e) => decoder.destroy(e));
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream) {
      const buf = chunk as Buffer;
      total += buf.length;
      if (total > maxBytes) throw new FetchFailure('too-large', `body larger than ${maxBytes} bytes`);
      chunks.push(buf);
    }
  } catch (error) {
    body.destroy();
    stream.destroy();
    if (error instanceof FetchFailure) throw error;
    if ((error as { code?: string }).code?.startsWith('Z_')) throw new FetchFailure('bad-content', 'corrupt compressed body');
    throw error;
  }
  return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, total);
}

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

  private async once(req: FetchRequest): Promise<FetchOk> {
    // one controller and one timer per request: AbortSignal.timeout + AbortSignal.any cost more
    // CPU than the rest of the request bookkeeping together
    const controller = new AbortController();
    const signal = controller.signal;
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort(new DOMException('request deadline', 'TimeoutError'));
    }, this.settings.timeoutMs);
    const outer = req.signal;
    const onOuterAbort = () => controller.abort(outer?.reason);
    if (outer) {
      if (outer.aborted) onOuterAbort();
      else outer.addEventListener('abort', onOuterAbort, { once: true });
    }
    const redirects: string[] = [];
    const seen = new Set<string>([req.url]);
    let current = req.url;
    try {
      for (;;) {
        const res: Dispatcher.ResponseData = await request(current, {
          dispatcher: this.agent,
          method: 'GET',
          signal,
          headers: {
            'user-agent': this.settings.userAgent,
            accept: req.accept ?? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8',
            'accept-language': 'th,en;q=0.8',
            'accept-encoding': 'gzip, deflate, br',
          },
        });
        const headers = flatHeaders(res.headers);
        const status = res.statusCode;
        if (status >= 300 && status < 400 && headers.location) {
          res.body.resume();
          const next = normalizeUrl(headers.location, current);
          if (!next) throw new FetchFailure('other', `redirect to an unsupported URL: ${headers.location.slice(0, 120)}`, status);
          if (seen.has(next)) throw new FetchFailure('redirect-loop', `redirect loop at ${next}`, status);
          if (redirects.length >= MAX_REDIRECTS) throw new FetchFailure('too-many-redirects', `more than ${MAX_REDIRECTS} redirects`, status);
          seen.add(next);
          redirects.push(next);
          current = next;
          continue;
        }
        const declared = headers['content-length'] ? Number(headers['content-length']) : undefined;
        const okStatus = (status >= 200 && status < 300) || (req.acceptStatus?.(status) ?? false);
        if (!okStatus) {
          // read a little of the body to tell a WAF challenge from a plain error page
          let start = '';
          try {
            start = Buffer.from(await readCapped(res.body as unknown as Readable, headers['content-encoding'] ?? '', 64 * 1024)).toString('latin1');
          } catch {
            /* an unreadable error body says nothing more */
          }
          const blocked = looksBlocked(status, headers, start);
          throw statusFailure(status, blocked, parseRetryAfter(headers['retry-after']));
        }
        if (declared !== undefined && declared > req.maxBytes && !headers['content-encoding']) {
          res.body.destroy();
          const f = new FetchFailure('too-large', `Content-Length ${declared} is over the ${req.maxBytes}-byte cap`, status);
          f.declaredSize = declared;
          f.finalUrl = current;
          f.contentType = headers['content-type'] ?? '';
          throw f;
        }
        let body: Uint8Array;
        try {
          // a declared length within the cap and no compression: HTTP/1.1 framing ends the body at
          // exactly that length, so the plain reader (what a raw fetch uses) needs no byte counting
          body =
            declared !== undefined && declared <= req.maxBytes && !headers['content-encoding'] && !headers['transfer-encoding']
              ? Buffer.from(await res.body.arrayBuffer())
              : await readCapped(res.body as unknown as Readable, headers['content-encoding'] ?? '', req.maxBytes);
        } catch (error) {
          if (error instanceof FetchFailure) {
            error.finalUrl = current;
            error.contentType = headers['content-type'] ?? '';
            error.declaredSize = declared;
          }
          throw error;
        }
        return {
          url: req.url,
          finalUrl: current,
          status,
          headers,
          contentType: headers['content-type'] ?? '',
          body,
          redirects,
          attempts: 1,
          lastModified: headers['last-modified'],
          declaredSize: declared,
        };
      }
    } catch (error) {
      if (timedOut && !(error instanceof FetchFailure)) {
        throw new FetchFailure('timeout', `no complete answer within ${this.settings.timeoutMs} ms`, undefined, true);
      }
      throw error;
    } finally {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onOuterAbort);
    }
  }

  async close(): Promise<void> {
    await this.agent.close().catch(() => undefined);
  }
}
