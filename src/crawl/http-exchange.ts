// One HTTP request and its response, on undici's low-level dispatch API: no body stream objects
// (undici's `request` wraps every body in a Readable, which costs more CPU than the rest of a
// small page fetch), a hard byte cap checked as chunks arrive, and decompression after the
// transfer with zlib's own output limit, so a gzip bomb is cut off too. Redirects are not followed
// here: the Fetcher walks the chain itself.
import type { Dispatcher } from 'undici';
import { brotliDecompress, constants, gunzip, inflate, inflateRaw, type ZlibOptions, type BrotliOptions } from 'node:zlib';
import { FetchFailure } from './failures.ts';

export interface ExchangeRequest {
  url: string;
  headers: Record<string, string>;
  maxBytes: number;
  /** the cap once the Content-Type is known (a download script serving a PDF gets the document cap) */
  maxBytesFor?: (contentType: string) => number;
  /** non-2xx statuses whose body is wanted in full (others: only the start, to recognise a WAF page) */
  acceptStatus?: ((status: number) => boolean) | undefined;
}

export interface Exchange {
  status: number;
  headers: Record<string, string>;
  /** decompressed; for statuses not wanted, at most the first PEEK_BYTES; for redirects, empty */
  body: Uint8Array;
  declaredSize?: number;
}

/** a 2xx, or a status the caller asked to have in full (the soft-404 probe wants its 404) */
export function bodyWanted(status: number, acceptStatus: ((status: number) => boolean) | undefined): boolean {
  return (status >= 200 && status < 300) || (acceptStatus?.(status) ?? false);
}

/** enough of an error page to tell a bot wall from a plain error */
const PEEK_BYTES = 64 * 1024;
const EMPTY = new Uint8Array(0);

export interface ExchangeHandle {
  done: Promise<Exchange>;
  abort: (reason: Error) => void;
}

function flatHeaders(h: Record<string, string | string[] | undefined>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const k in h) {
    const v = h[k];
    if (v !== undefined) out[k.toLowerCase()] = Array.isArray(v) ? v.join(', ') : v;
  }
  return out;
}

const PRINTABLE_ASCII = /^[\x21-\x7e]*$/;

function splitUrl(url: string): { origin: string; path: string } {
  // a normalised URL is plain ASCII already; anything else (spaces, Thai, a fragment, an IDN
  // host) goes through URL, which percent-encodes it as undici requires
  const m = PRINTABLE_ASCII.test(url) ? /^(https?:\/\/[^/?#]+)([^#]*)$/i.exec(url) : null;
  if (m) return { origin: m[1]!, path: m[2] || '/' };
  const u = new URL(url);
  return { origin: u.origin, path: `${u.pathname}${u.search}` };
}

type Decompress = (buf: Uint8Array, options: ZlibOptions & BrotliOptions, cb: (e: Error | null, out: Buffer) => void) => void;

function decompressorFor(encoding: string): Decompress | null {
  const e = encoding.trim().toLowerCase();
  if (e === 'gzip' || e === 'x-gzip') return gunzip as Decompress;
  if (e === 'br') return brotliDecompress as Decompress;
  if (e === 'deflate') return inflate as Decompress;
  return null;
}

/**
 * Decompress a whole body with an output cap. `partial`: the compressed bytes were cut short on
 * purpose (an error page peeked at), so an unexpected end is not an error.
 */
function decompress(encoding: string, data: Uint8Array, maxBytes: number, partial: boolean): Promise<Uint8Array> {
  const fn = decompressorFor(encoding);
  if (!fn || data.length === 0) return Promise.resolve(data);
  const options: ZlibOptions & BrotliOptions = { maxOutputLength: maxBytes };
  if (partial) options.finishFlush = fn === (brotliDecompress as Decompress) ? constants.BROTLI_OPERATION_FLUSH : constants.Z_SYNC_FLUSH;
  const run = (f: Decompress) =>
    new Promise<Uint8Array>((resolve, reject) => f(data, options, (error, out) => (error ? reject(error) : resolve(out))));
  return run(fn)
    // "deflate" is meant to be zlib-wrapped, but some servers send raw deflate
    .catch((error: { code?: string }) => (fn === (inflate as Decompress) && error.code === 'Z_DATA_ERROR' ? run(inflateRaw as Decompress) : Promise.reject(error)))
    .catch((error: { code?: string }) => {
      if (error.code === 'ERR_BUFFER_TOO_LARGE') throw new FetchFailure('too-large', `body larger than ${maxBytes} bytes after decompression`);
      throw new FetchFailure('bad-content', 'corrupt compressed body');
    });
}

/** Start one request on `dispatcher`. The promise rejects with the dispatcher's error, the abort reason, or a FetchFailure. */
export function startExchange(dispatcher: Dispatcher, req: ExchangeRequest): ExchangeHandle {
  const exchange = new PendingExchange(req);
  try {
    const { origin, path } = splitUrl(req.url);
    dispatcher.dispatch({ origin, path, method: 'GET', headers: req.headers }, exchange);
  } catch (error) {
    exchange.fail(error);
  }
  return exchange;
}

/**
 * The dispatch handler and the caller's handle in one object: a class, not closures, because
 * this runs once per request and the TypeScript loader wraps every named closure it creates.
 */
class PendingExchange implements Dispatcher.DispatchHandler, ExchangeHandle {
  readonly done: Promise<Exchange>;
  private resolve!: (e: Exchange) => void;
  private reject!: (e: unknown) => void;
  private controller: Dispatcher.DispatchController | null = null;
  private pendingAbort: Error | null = null;
  private settled = false;
  private status = 0;
  private headers: Record<string, string> = {};
  private declared: number | undefined;
  private mode: 'full' | 'peek' | 'drain' = 'full';
  private encoding = '';
  private chunks: Buffer[] = [];
  private received = 0;
  private maxBytes: number;

  constructor(private readonly req: ExchangeRequest) {
    this.maxBytes = req.maxBytes;
    this.done = new Promise<Exchange>((res, rej) => {
      this.resolve = res;
      this.reject = rej;
    });
  }

  fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.reject(error);
  }

  abort(reason: Error): void {
    this.fail(reason);
    if (this.controller) this.controller.abort(reason);
    else this.pendingAbort = reason;
  }

  private exchange(body: Uint8Array): Exchange {
    return { status: this.status, headers: this.headers, body, ...(this.declared !== undefined ? { declaredSize: this.declared } : {}) };
  }

  private finish(): void {
    if (this.settled) return;
    this.settled = true;
    // a single chunk is used as it is (a view into the socket's read buffer, which lives only as
    // long as the body: the fetcher lets go of the exchange when the request ends)
    const raw = this.chunks.length === 0 ? EMPTY : this.chunks.length === 1 ? this.chunks[0]! : Buffer.concat(this.chunks, this.received);
    this.chunks = [];
    if (!this.encoding) {
      this.resolve(this.exchange(raw));
      return;
    }
    const peek = this.mode === 'peek';
    decompress(this.encoding, raw, peek ? PEEK_BYTES * 4 : this.maxBytes, peek).then(
      (body) => this.resolve(this.exchange(body)),
      (error) => {
        if (peek) return this.resolve(this.exchange(EMPTY));
        if (error instanceof FetchFailure) error.contentType = this.headers['content-type'] ?? '';
        this.reject(error);
      },
    );
  }

  onRequestStart(c: Dispatcher.DispatchController): void {
    this.controller = c;
    if (this.pendingAbort) c.abort(this.pendingAbort);
  }

  onResponseStart(c: Dispatcher.DispatchController, statusCode: number, rawHeaders: Record<string, string | string[] | undefined>): void {
    if (statusCode < 200) return; // 1xx informational: the real answer follows
    this.status = statusCode;
    const headers = (this.headers = flatHeaders(rawHeaders));
    let encoding = headers['content-encoding'] ?? '';
    if (encoding.trim().toLowerCase() === 'identity' || !decompressorFor(encoding)) encoding = '';
    this.encoding = encoding;
    if (this.req.maxBytesFor) this.maxBytes = this.req.maxBytesFor(headers['content-type'] ?? '');
    const length = headers['content-length'];
    this.declared = length !== undefined && /^\d+$/.test(length.trim()) ? Number(length) : undefined;
    if (statusCode >= 300 && statusCode < 400 && headers.location) {
      // the caller follows the Location: answer now and let the (usually tiny) body drain
      this.mode = 'drain';
      this.settled = true;
      this.resolve(this.exchange(EMPTY));
      return;
    }
    if (!bodyWanted(statusCode, this.req.acceptStatus)) {
      this.mode = 'peek';
      return;
    }
    if (this.declared !== undefined && this.declared > this.maxBytes && !encoding) {
      const f = new FetchFailure('too-large', `Content-Length ${this.declared} is over the ${this.maxBytes}-byte cap`, statusCode);
      f.declaredSize = this.declared;
      f.contentType = headers['content-type'] ?? '';
      this.fail(f);
      c.abort(f);
    }
  }

  onResponseData(c: Dispatcher.DispatchController, chunk: Buffer): void {
    if (this.mode === 'drain') {
      this.received += chunk.length;
      if (this.received > PEEK_BYTES) c.abort(new Error('redirect body too long'));
      return;
    }
    if (this.settled) return;
    if (this.mode === 'peek') {
      const room = PEEK_BYTES - this.received;
      if (room <= 0) return;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.chunks.push(part);
      this.received += part.length;
      if (this.received >= PEEK_BYTES) {
        this.finish();
        c.abort(new Error('enough of the error page'));
      }
      return;
    }
    this.received += chunk.length;
    // compressed or not, more than the cap on the wire is already too much
    if (this.received > this.maxBytes) {
      const f = new FetchFailure('too-large', `body larger than ${this.maxBytes} bytes`, this.status);
      if (this.declared !== undefined) f.declaredSize = this.declared;
      f.contentType = this.headers['content-type'] ?? '';
      this.fail(f);
      c.abort(f);
      return;
    }
    this.chunks.push(chunk);
  }

  onResponseEnd(): void {
    if (this.mode === 'drain') return;
    this.finish();
  }

  onResponseError(_c: Dispatcher.DispatchController, error: Error): void {
    this.fail(error);
  }
}
