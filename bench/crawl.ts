// Crawl benchmark: oit-audit's crawler against the physical limit (a raw undici `request` of
// every page at the same concurrency), on a generated Thai site served on 127.0.0.1.
//
//   npm run bench:crawl                          # 2,000 pages, 3 interleaved runs each, medians compared
//   npm run bench:crawl -- --repeat 1            # one run each
//   npm run bench:crawl -- --pages 10000         # the RSS target is for 10k pages
//   npm run bench:crawl -- --latency 100 --hub   # hub-style site: pages/seconds until every O-item is located
//
// The server and each measurement run in their own processes, so CPU time and peak RSS belong to
// the thing measured and nothing else.
import { fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { request, Agent } from 'undici';
import type { SiteSnapshot } from '../src/snapshot/schema.ts';

const SELF = fileURLToPath(import.meta.url);

interface Args {
  pages: number;
  concurrency: number;
  latency: number;
  hub: boolean;
  /** interleaved crawler/raw runs whose medians are compared */
  repeat: number;
  role: 'main' | 'server' | 'crawler' | 'raw';
  url: string;
}

function parseArgs(argv: string[]): Args {
  const get = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  return {
    pages: Number(get('pages') ?? 2000),
    concurrency: Number(get('concurrency') ?? 8),
    latency: Number(get('latency') ?? 0),
    hub: argv.includes('--hub'),
    repeat: Math.max(1, Number(get('repeat') ?? 3)),
    role: (get('role') as Args['role']) ?? 'main',
    url: get('url') ?? '',
  };
}

// ── the generated site ───────────────────────────────────────────────────────────────────────
const WORDS = ['khao', 'prachasamphan', 'kitchakam', 'borikan', 'prachachon', 'phaen', 'ngan', 'khrongkan', 'sukhaphap', 'kanseuksa',
  'singwaetlom', 'setthakit', 'sangkhom', 'watthanatham', 'kila', 'thongthiao', 'kaset', 'nam', 'thanon', 'faifa',
  'ngoppraman', 'phatsadu', 'jatsue', 'jatjang', 'rabiap', 'kotmai', 'prakat', 'khamsang', 'rainggan', 'sarup',
  'phonngan', 'tidtam', 'pramoen', 'khunnatham', 'khwamprongsai', 'borihan', 'bukkhon', 'samak', 'thuk', 'rongrian'];
const SECTIONS = ['news', 'activity', 'service', 'plan', 'procurement', 'report', 'law', 'about'];
const THAI = 'องค์การบริหารส่วนตำบลได้ดำเนินโครงการพัฒนาคุณภาพชีวิตของประชาชนในพื้นที่ อย่างต่อเนื่องตามแผนพัฒนาท้องถิ่น ประจำปีงบประมาณ พ.ศ. 2568 เพื่อให้เกิดความโปร่งใสและตรวจสอบได้ ';

function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function pagePath(i: number): string {
  if (i === 0) return '/';
  const w = (k: number) => WORDS[k % WORDS.length]!;
  return `/${SECTIONS[i % SECTIONS.length]}/${w(i)}-${w(Math.floor(i / 40))}-${w(Math.floor(i / 1600))}${i >= 64000 ? `-${w(Math.floor(i / 64000))}` : ''}.html`;
}

function buildSite(n: number, hub: boolean): Map<string, string> {
  const site = new Map<string, string>();
  const random = rng(42);
  for (let i = 0; i < n; i++) {
    const links: string[] = [];
    for (const child of [2 * i + 1, 2 * i + 2]) if (child < n) links.push(pagePath(child));
    while (links.length < 25) links.push(pagePath(Math.floor(random() * n)));
    const size = 5_000 + Math.floor(random() * 10_000);
    const paragraphs: string[] = [];
    for (let len = 0; len < size; len += THAI.length * 3 + 20) paragraphs.push(`<p>${THAI.repeat(1)}</p>`);
    const menu = hub && i === 0 ? '<li><a href="/ita/">ITA 2568 การเปิดเผยข้อมูลสาธารณะ</a></li>' : '';
    site.set(
      pagePath(i),
      `<!doctype html><html lang="th"><head><meta charset="utf-8"><title>หน้า ${i}</title></head><body>` +
        `<nav><ul>${menu}<li><a href="/">หน้าแรก</a></li></ul></nav><h1>ข่าวประชาสัมพันธ์ ${i}</h1>${paragraphs.join('')}` +
        `<ul>${links.map((l, k) => `<li><a href="${l}">อ่านต่อ ${k}</a></li>`).join('')}</ul></body></html>`,
    );
  }
  if (hub) {
    const rows = Array.from({ length: 43 }, (_, k) => `<tr><td>O${k + 1}</td><td>รายการที่ ${k + 1}</td><td><a href="/ita/item-${WORDS[k % 40]}-${k < 40 ? 'a' : 'b'}.html">[คลิก]</a></td></tr>`);
    site.set('/ita/', `<!doctype html><html><head><meta charset="utf-8"><title>ITA</title></head><body><h1>การเปิดเผยข้อมูลสาธารณะ (OIT)</h1><table>${rows.join('')}</table></body></html>`);
    for (let k = 0; k < 43; k++) site.set(`/ita/item-${WORDS[k % 40]}-${k < 40 ? 'a' : 'b'}.html`, `<html><body><h1>O${k + 1}</h1><p>${THAI}</p></body></html>`);
  }
  return site;
}

// ── roles ────────────────────────────────────────────────────────────────────────────────────
async function serve(args: Args): Promise<void> {
  const site = buildSite(args.pages, args.hub);
  const bodies = new Map([...site].map(([k, v]) => [k, Buffer.from(v)]));
  const server = createServer((req, res) => {
    const body = bodies.get((req.url ?? '/').split('?')[0]!);
    const send = () => {
      if (!body) res.writeHead(404).end();
      else res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-length': body.length }).end(body);
    };
    if (args.latency) setTimeout(send, args.latency);
    else send();
  });
  server.keepAliveTimeout = 30_000;
  server.listen(0, '127.0.0.1', () => {
    const { port } = server.address() as AddressInfo;
    process.send!({ url: `http://127.0.0.1:${port}/`, paths: [...bodies.keys()], bytes: [...bodies.values()].reduce((a, b) => a + b.length, 0) });
  });
}

interface Measure {
  pages: number;
  seconds: number;
  cpuMs: number;
  peakRssMb: number;
  extra?: Record<string, unknown>;
}

function measure<T>(fn: () => Promise<T>): Promise<{ result: T; seconds: number; cpuMs: number; peakRssMb: number }> {
  // memoryUsage.rss() reads one number; memoryUsage() also walks the heap spaces, which the
  // sampler would otherwise charge to whatever is being measured
  let peak = process.memoryUsage.rss();
  const timer = setInterval(() => (peak = Math.max(peak, process.memoryUsage.rss())), 25);
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  return fn().then((result) => {
    const seconds = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    clearInterval(timer);
    peak = Math.max(peak, process.memoryUsage.rss());
    return { result, seconds, cpuMs: (cpu.user + cpu.system) / 1000, peakRssMb: peak / 1024 / 1024 };
  });
}

/** the hub predicate the audit would use: every O1–O43 seen on hub rows */
function allItemsLocated(s: SiteSnapshot): boolean {
  const seen = new Set<number>();
  for (const hub of s.hubUrls) {
    const page = s.pages.find((p) => p.finalUrl === hub);
    for (const l of page?.links ?? []) {
      const m = /O(\d{1,2})/.exec(l.context);
      if (m) seen.add(Number(m[1]));
    }
  }
  for (let k = 1; k <= 43; k++) if (!seen.has(k)) return false;
  // and each item page itself fetched
  const fetched = new Set(s.pages.map((p) => p.finalUrl));
  return s.hubUrls.every((hub) => (s.pages.find((p) => p.finalUrl === hub)?.links ?? []).filter((l) => /O\d/.test(l.context)).every((l) => fetched.has(l.url)));
}

async function runCrawler(args: Args): Promise<Measure> {
  // loaded here, not at the top: the raw baseline and the server must not carry the crawler's modules
  const { crawl } = await import('../src/crawl/crawler.ts');
  const m = await measure(() =>
    crawl(
      { startUrl: args.url, maxPages: args.pages + 100, maxDepth: 100, render: 'never', concurrency: args.concurrency, perHostConcurrency: args.concurrency, useSitemap: false },
      args.hub ? { shouldStop: allItemsLocated, checkEvery: 5 } : {},
    ),
  );
  return {
    pages: m.result.pages.length,
    seconds: m.seconds,
    cpuMs: m.cpuMs,
    peakRssMb: m.peakRssMb,
    extra: { failures: m.result.failures.length, skipped: m.result.skipped.length, stoppedBecause: m.result.provenance.stoppedBecause, hubs: m.result.hubUrls.length },
  };
}

async function runRaw(args: Args, paths: string[]): Promise<Measure> {
  const agent = new Agent({ connections: args.concurrency });
  let next = 0;
  let pages = 0;
  const m = await measure(async () => {
    await Promise.all(
      Array.from({ length: args.concurrency }, async () => {
        while (next < paths.length) {
          const url = new URL(paths[next++]!, args.url).toString();
          const res = await request(url, { dispatcher: agent });
          await res.body.arrayBuffer();
          pages++;
        }
      }),
    );
  });
  await agent.close();
  return { pages, seconds: m.seconds, cpuMs: m.cpuMs, peakRssMb: m.peakRssMb };
}

function child(role: 'server' | 'crawler' | 'raw', args: Args, extra: string[] = []): ChildProcess {
  return fork(SELF, ['--role', role, '--pages', String(args.pages), '--concurrency', String(args.concurrency), '--latency', String(args.latency), ...(args.hub ? ['--hub'] : []), ...extra], {
    execArgv: process.execArgv,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
}

function once<T>(proc: ChildProcess): Promise<T> {
  return new Promise((resolve, reject) => {
    proc.once('message', (m) => resolve(m as T));
    proc.once('exit', (code) => reject(new Error(`child exited with ${code}`)));
  });
}

async function main(args: Args): Promise<void> {
  const server = child('server', args);
  const site = await once<{ url: string; paths: string[]; bytes: number }>(server);
  console.log(`site: ${site.paths.length} pages, ${(site.bytes / site.paths.length / 1024).toFixed(1)} KB/page avg, latency ${args.latency} ms, concurrency ${args.concurrency}, node ${process.version}`);
  const run = async (role: 'crawler' | 'raw') => {
    const proc = child(role, args, ['--url', site.url]);
    if (role === 'raw') proc.send({ paths: site.paths });
    return once<Measure>(proc);
  };
  const line = (name: string, m: Measure) =>
    console.log(
      `${name.padEnd(9)} pages ${String(m.pages).padStart(6)}  ${(m.pages / m.seconds).toFixed(0).padStart(5)} pages/s  ${m.seconds.toFixed(2).padStart(6)} s  CPU ${(m.cpuMs / m.pages).toFixed(2)} ms/page  peak RSS ${m.peakRssMb.toFixed(0)} MB${m.extra ? `  ${JSON.stringify(m.extra)}` : ''}`,
    );
  try {
    if (!args.hub) {
      // the server is a Node process with a cold JIT too: warm it with one unmeasured raw pass, so
      // neither measured run pays for the server's warm-up (the first one measured used to)
      const warm = await run('raw');
      console.log(`server warm-up (not measured): ${warm.pages} pages in ${warm.seconds.toFixed(2)} s`);
    }
    if (args.hub) {
      const crawler = await run('crawler');
      line('crawler', crawler);
      console.log(`hub: every O-item located after ${crawler.pages} pages in ${crawler.seconds.toFixed(2)} s (${String(crawler.extra?.stoppedBecause)})`);
      return;
    }
    // a shared 2-core machine drifts by ±20 % between runs: interleave the two, repeat, and
    // compare medians (each run is a fresh process, so every one of them is a cold start)
    const crawlers: Measure[] = [];
    const raws: Measure[] = [];
    for (let r = 1; r <= args.repeat; r++) {
      const crawler = await run('crawler');
      line(`crawler${args.repeat > 1 ? ` ${r}` : ''}`, crawler);
      const raw = await run('raw');
      line(`raw${args.repeat > 1 ? ` ${r}` : ''}`, raw);
      crawlers.push(crawler);
      raws.push(raw);
    }
    const median = (ms: Measure[], f: (m: Measure) => number) => {
      const v = ms.map(f).sort((a, b) => a - b);
      return v.length % 2 ? v[(v.length - 1) / 2]! : (v[v.length / 2 - 1]! + v[v.length / 2]!) / 2;
    };
    const rate = (m: Measure) => m.pages / m.seconds;
    if (args.repeat > 1) {
      for (const [name, ms] of [['crawler', crawlers], ['raw', raws]] as const) {
        console.log(
          `${`${name} median`.padEnd(15)} ${median(ms, rate).toFixed(0).padStart(5)} pages/s  CPU ${median(ms, (m) => m.cpuMs / m.pages).toFixed(2)} ms/page  peak RSS ${median(ms, (m) => m.peakRssMb).toFixed(0)} MB`,
        );
      }
    }
    console.log(`ratio: ${(median(crawlers, rate) / median(raws, rate)).toFixed(2)}${args.repeat > 1 ? ` (median of ${args.repeat} interleaved runs each; per run ${crawlers.map((c, i) => (rate(c) / rate(raws[i]!)).toFixed(2)).join(', ')})` : ''}`);
  } finally {
    server.kill();
  }
}

const args = parseArgs(process.argv.slice(2));
if (args.role === 'main') await main(args);
else if (args.role === 'server') await serve(args);
else if (args.role === 'crawler') {
  const result = await runCrawler(args);
  process.send!(result, () => process.exit(0));
} else {
  process.once('message', async (m: { paths: string[] }) => {
    const result = await runRaw(args, m.paths);
    process.send!(result, () => process.exit(0));
  });
}
