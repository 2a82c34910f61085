// The failure taxonomy: every failed fetch becomes a named outcome, so a report can tell
// "the site is down or blocking us" apart from "the item is missing".
import type { FailureKind } from '../snapshot/schema.ts';

export class FetchFailure extends Error {
  /** attempts made before giving up */
  attempts = 1;
  /** where the response came from after redirects, when there was one */
  finalUrl?: string;
  contentType?: string;
  /** Content-Length the server declared */
  declaredSize?: number;
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status?: number,
    /** worth another attempt (timeouts, resets, 429, 5xx) */
    readonly retryable = false,
    /** seconds asked for by a Retry-After header */
    readonly retryAfterMs?: number,
  ) {
    super(message);
  }
}

function codeOf(error: unknown): string {
  let e: unknown = error;
  for (let i = 0; i < 4 && e && typeof e === 'object'; i++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code === 'string' && code) return code;
    e = (e as { cause?: unknown }).cause;
  }
  return '';
}

/** Map a thrown network error (undici, node:net, node:tls, abort) to a FetchFailure. */
export function classifyNetworkError(error: unknown): FetchFailure {
  if (error instanceof FetchFailure) return error;
  const code = codeOf(error);
  const name = error instanceof Error ? error.name : '';
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  const say = (kind: FailureKind, what: string, retryable: boolean) => new FetchFailure(kind, `${what}${code ? ` (${code})` : ''}`, undefined, retryable);
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN' || code === 'EAI_NODATA') return say('dns', 'host name not found', code === 'EAI_AGAIN');
  if (code === 'ECONNREFUSED') return say('refused', 'connection refused', false);
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET' || code === 'EPIPE' || code === 'UND_ERR_CLOSED') return say('reset', 'connection reset', true);
  if (code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'ETIMEDOUT') return say('timeout', 'connect timed out', true);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT' || name === 'TimeoutError') return say('timeout', 'request timed out', true);
  if (/CERT|TLS|SSL|SELF_SIGNED|UNABLE_TO_VERIFY|ERR_SSL/i.test(code)) return say('tls', 'TLS/certificate error', false);
  if (code === 'EHOSTUNREACH' || code === 'ENETUNREACH') return say('refused', 'host unreachable', true);
  return new FetchFailure('other', message.slice(0, 200) || 'network error', undefined, false);
}

const CHALLENGE = [
  /just a moment\.\.\./i,
  /attention required! \| cloudflare/i,
  /cf-browser-verification|cf_chl_|challenge-platform/i,
  /access denied/i,
  /captcha/i,
  /request unsuccessful\. incapsula/i,
  /the requested url was rejected/i,
  /ddos protection by/i,
  /you have been blocked/i,
  /bot verification|are you a robot|verify you are human/i,
];

/**
 * The same test for a page fetched with 200, read from its bytes: it runs on every page, and
 * building a string of its first 4 KB for a substring search was most of its cost.
 */
export function looksLikeChallengePage(body: Uint8Array): boolean {
  if (body.length >= 20_000) return false;
  const head = Buffer.from(body.buffer, body.byteOffset, Math.min(body.length, 4096));
  if (head.indexOf('cf_chl_') >= 0 || head.indexOf('challenge-platform') >= 0) return true;
  if (head.indexOf('oment...') < 0 && head.indexOf('OMENT...') < 0) return false;
  return looksBlocked(200, {}, head.toString('latin1'));
}

/** a bot wall / WAF challenge page rather than the site's own content */
export function looksBlocked(status: number, headers: Record<string, string | string[] | undefined>, bodyStart: string): boolean {
  if (status === 403 || status === 429 || status === 503) {
    if (headers['cf-mitigated'] || String(headers.server ?? '').toLowerCase().includes('cloudflare')) return true;
    if (CHALLENGE.some((re) => re.test(bodyStart))) return true;
    return status === 403;
  }
  // some WAFs answer 200 with a challenge page (includes() first: this runs on every page fetched)
  if (status === 200 && bodyStart.length < 20_000) {
    if (bodyStart.includes('cf_chl_') || bodyStart.includes('challenge-platform')) return true;
    const moment = bodyStart.search(/moment\.\.\./i);
    return moment >= 0 && /just a moment\.\.\./i.test(bodyStart.slice(Math.max(0, moment - 10), moment + 10));
  }
  return false;
}

/** The failure an HTTP status means (non-2xx, after redirects). */
export function statusFailure(status: number, blocked: boolean, retryAfterMs?: number): FetchFailure {
  if (blocked) return new FetchFailure('blocked', `blocked by the server (HTTP ${status})`, status, status === 429 || status === 503, retryAfterMs);
  if (status === 404 || status === 410) return new FetchFailure('http-404', `HTTP ${status}`, status, false);
  if (status === 429) return new FetchFailure('http-4xx', 'HTTP 429 too many requests', status, true, retryAfterMs);
  if (status === 408) return new FetchFailure('http-4xx', 'HTTP 408', status, true, retryAfterMs);
  if (status >= 500) return new FetchFailure('http-5xx', `HTTP ${status}`, status, true, retryAfterMs);
  return new FetchFailure('http-4xx', `HTTP ${status}`, status, false);
}

/** Retry-After: seconds or an HTTP date → ms (capped at 60 s) */
export function parseRetryAfter(value: string | string[] | undefined, now = Date.now()): number | undefined {
  const v = Array.isArray(value) ? value[0] : value;
  if (!v) return undefined;
  const secs = Number(v);
  const ms = Number.isFinite(secs) ? secs * 1000 : Date.parse(v) - now;
  return Number.isFinite(ms) ? Math.min(Math.max(ms, 0), 60_000) : undefined;
}
