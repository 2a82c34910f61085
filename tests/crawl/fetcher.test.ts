// The fetcher against a real server on 127.0.0.1: retries, redirects, timeouts, caps, encodings.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { gzipSync, brotliCompressSync, deflateSync, deflateRawSync } from 'node:zlib';
import { createServer } from 'node:net';
import { startFixtureServer, type FixtureServer } from '../helpers/fixture-server.ts';
import { Fetcher } from '../../src/crawl/fetcher.ts';
import { FetchFailure } from '../../src/crawl/failures.ts';

let server: FixtureServer;
let flaky = 0;
const fetcher = new Fetcher({ userAgent: 'oit-audit-test', timeoutMs: 800, connectTimeoutMs: 500, retries: 2, backoffMs: 20 });

beforeAll(async () => {
  server = await startFixtureServer({
    routes: {
      '/%E0%B8%82%E0%B9%88%E0%B8%B2%E0%B8%A7%20new.html': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html' }).end('<p>encoded</p>'),
      '/ok': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }).end('<p>สวัสดี</p>'),
      '/flaky': (_req, res) => {
        flaky++;
        if (flaky <= 2) res.writeHead(503, { 'retry-after': '0' }).end('busy');
        else res.writeHead(200, { 'content-type': 'text/html' }).end('<p>back</p>');
      },
      '/always-500': (_req, res) => void res.writeHead(500).end('boom'),
      '/gone': (_req, res) => void res.writeHead(404).end('nope'),
      '/r1': (_req, res) => void res.writeHead(301, { location: '/r2' }).end(),
      '/r2': (_req, res) => void res.writeHead(302, { location: '/ok#frag' }).end(),
      '/loop-a': (_req, res) => void res.writeHead(302, { location: '/loop-b' }).end(),
      '/loop-b': (_req, res) => void res.writeHead(302, { location: '/loop-a' }).end(),
      '/slow': () => {
        /* never answers */
      },
      '/slow-body': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        res.write('<p>start');
        /* and then nothing */
      },
      '/huge-declared': (_req, res) => void res.writeHead(200, { 'content-type': 'application/pdf', 'content-length': String(50 * 1024 * 1024) }).end(),
      '/huge-stream': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html' });
        const chunk = Buffer.alloc(64 * 1024, 'a');
        let sent = 0;
        const pump = () => {
          while (sent < 200 && res.write(chunk)) sent++;
          if (sent < 200) res.once('drain', pump);
          else res.end();
        };
        pump();
      },
      '/gzip': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'gzip' }).end(gzipSync('<p>บีบอัด gzip</p>')),
      '/br': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-encoding': 'br' }).end(brotliCompressSync(Buffer.from('<p>บีบอัด brotli</p>'))),
      '/bomb': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(Buffer.alloc(30 * 1024 * 1024))),
      '/deflate': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateSync('<p>zlib deflate</p>')),
      '/deflate-raw': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'deflate' }).end(deflateRawSync('<p>raw deflate</p>')),
      '/corrupt-gzip': (_req, res) => void res.writeHead(200, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(Buffer.from('this is not gzip at all')),
      '/waf-gzip': (_req, res) =>
        void res.writeHead(503, { 'content-type': 'text/html', 'content-encoding': 'gzip' }).end(gzipSync(`<title>Just a moment...</title>${'x'.repeat(200_000)}`)),
      '/waf': (_req, res) => void res.writeHead(403, { server: 'cloudflare', 'content-type': 'text/html' }).end('<title>Just a moment...</title>'),
    },
  });
});
afterAll(async () => {
  await fetcher.close();
  await server.close();
});

async function failureOf(url: string, maxBytes = 1024 * 1024): Promise<FetchFailure> {
  try {
    await fetcher.get({ url, maxBytes });
  } catch (error) {
    expect(error).toBeInstanceOf(FetchFailure);
    return error as FetchFailure;
  }
  throw new Error(`expected ${url} to fail`);
}

describe('Fetcher', () => {
  it('fetches a page', async () => {
    const r = await fetcher.get({ url: `${server.origin}/ok`, maxBytes: 1024 });
    expect(r.status).toBe(200);
    expect(Buffer.from(r.body).toString('utf8')).toBe('<p>สวัสดี</p>');
    expect(r.attempts).toBe(1);
  });
  it('percent-encodes a URL given with spaces and Thai in its path', async () => {
    const r = await fetcher.get({ url: `${server.origin}/ข่าว new.html`, maxBytes: 1024 });
    expect(Buffer.from(r.body).toString()).toBe('<p>encoded</p>');
  });
  it('retries 5xx with Retry-After and then succeeds', async () => {
    const r = await fetcher.get({ url: `${server.origin}/flaky`, maxBytes: 1024 });
    expect(r.status).toBe(200);
    expect(r.attempts).toBe(3);
    expect(server.hits.get('/flaky')).toBe(3);
  });
  it('gives up on persistent 5xx after the retries, and never retries a 404', async () => {
    const f = await failureOf(`${server.origin}/always-500`);
    expect([f.kind, f.status, f.attempts]).toEqual(['http-5xx', 500, 3]);
    const g = await failureOf(`${server.origin}/gone`);
    expect([g.kind, g.attempts]).toEqual(['http-404', 1]);
    expect(server.hits.get('/gone')).toBe(1);
  });
  it('follows redirects and records the chain', async () => {
    const r = await fetcher.get({ url: `${server.origin}/r1`, maxBytes: 1024 });
    expect(r.finalUrl).toBe(`${server.origin}/ok`);
    expect(r.redirects).toEqual([`${server.origin}/r2`, `${server.origin}/ok`]);
  });
  it('detects a redirect loop', async () => {
    const f = await failureOf(`${server.origin}/loop-a`);
    expect(f.kind).toBe('redirect-loop');
    expect(f.attempts).toBe(1);
  });
  it('times out a silent server and a stalled body, retrying once', async () => {
    const quick = new Fetcher({ userAgent: 'oit-audit-test', timeoutMs: 300, connectTimeoutMs: 300, retries: 1, backoffMs: 10 });
    const t = Date.now();
    for (const path of ['/slow', '/slow-body']) {
      const f = await quick.get({ url: `${server.origin}${path}`, maxBytes: 1024 }).then(
        () => null,
        (e: FetchFailure) => e,
      );
      expect([f?.kind, f?.attempts]).toEqual(['timeout', 2]);
      expect(server.hits.get(path)).toBe(2);
    }
    expect(Date.now() - t).toBeLessThan(4_000);
    await quick.close();
  });
  it('refuses bodies over the cap: declared, streamed, and decompression bombs', async () => {
    const declared = await failureOf(`${server.origin}/huge-declared`);
    expect([declared.kind, declared.declaredSize]).toEqual(['too-large', 50 * 1024 * 1024]);
    expect((await failureOf(`${server.origin}/huge-stream`)).kind).toBe('too-large');
    expect((await failureOf(`${server.origin}/bomb`)).kind).toBe('too-large');
  });
  it('decodes gzip and brotli', async () => {
    expect(Buffer.from((await fetcher.get({ url: `${server.origin}/gzip`, maxBytes: 4096 })).body).toString()).toBe('<p>บีบอัด gzip</p>');
    expect(Buffer.from((await fetcher.get({ url: `${server.origin}/br`, maxBytes: 4096 })).body).toString()).toBe('<p>บีบอัด brotli</p>');
  });
  it('decodes deflate, zlib-wrapped or raw, and names a corrupt compressed body', async () => {
    expect(Buffer.from((await fetcher.get({ url: `${server.origin}/deflate`, maxBytes: 4096 })).body).toString()).toBe('<p>zlib deflate</p>');
    expect(Buffer.from((await fetcher.get({ url: `${server.origin}/deflate-raw`, maxBytes: 4096 })).body).toString()).toBe('<p>raw deflate</p>');
    expect((await failureOf(`${server.origin}/corrupt-gzip`)).kind).toBe('bad-content');
  });
  it('names a WAF challenge "blocked", also when the challenge page is compressed and long', async () => {
    expect((await failureOf(`${server.origin}/waf`)).kind).toBe('blocked');
    const f = await failureOf(`${server.origin}/waf-gzip`);
    expect([f.kind, f.status]).toEqual(['blocked', 503]);
  });
  it('stops a request in flight when the caller aborts, without waiting for the deadline', async () => {
    const controller = new AbortController();
    const t = Date.now();
    const pending = fetcher.get({ url: `${server.origin}/slow`, maxBytes: 1024, signal: controller.signal }).then(
      () => null,
      (e: FetchFailure) => e,
    );
    setTimeout(() => controller.abort(), 50);
    const f = await pending;
    expect(f?.message).toBe('interrupted');
    expect(Date.now() - t).toBeLessThan(700);
  });
  it('names a refused connection', async () => {
    const port = await new Promise<number>((resolve) => {
      const s = createServer();
      s.listen(0, '127.0.0.1', () => {
        const p = (s.address() as { port: number }).port;
        s.close(() => resolve(p));
      });
    });
    const f = await failureOf(`http://127.0.0.1:${port}/`);
    expect(f.kind).toBe('refused');
    expect(f.attempts).toBe(1);
  });
});
