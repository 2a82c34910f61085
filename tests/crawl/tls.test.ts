// A self-signed certificate: a named 'tls' failure by default, crawled with insecureTls (--insecure).
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { crawl } from '../../src/crawl/crawler.ts';

let server: Server;
let url: string;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'oit-tls-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-subj', '/CN=127.0.0.1', '-days', '1',
    '-keyout', join(dir, 'key.pem'), '-out', join(dir, 'cert.pem')], { stdio: 'ignore' });
  server = createServer({ key: readFileSync(join(dir, 'key.pem')), cert: readFileSync(join(dir, 'cert.pem')) }, (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>อบต.ทดสอบ</title></head><body><a href="/contact">ติดต่อเรา</a></body></html>');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `https://127.0.0.1:${(server.address() as AddressInfo).port}/`;
});

afterAll(async () => {
  await new Promise<void>((r) => server.close(() => r()));
  rmSync(dir, { recursive: true, force: true });
});

describe('TLS', () => {
  it('a certificate that does not verify is a named tls failure and the site is unreachable', async () => {
    const snap = await crawl({ startUrl: url, render: 'never', useSitemap: false });
    expect(snap.siteStatus).toBe('unreachable');
    expect(snap.failures[0]?.kind).toBe('tls');
    expect(snap.siteError).toMatch(/tls/i);
  });

  it('insecureTls crawls it anyway', async () => {
    const snap = await crawl({ startUrl: url, render: 'never', useSitemap: false, insecureTls: true, ignoreRobots: true });
    expect(snap.siteStatus).toBe('ok');
    expect(snap.pages[0]?.title).toBe('อบต.ทดสอบ');
  });
});
