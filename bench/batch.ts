// npm run bench:batch [-- --sites 50 --concurrency 8]
// Serves N generated agency sites on 127.0.0.1 (one listener per site, so each is its own host for
// per-host politeness), audits them all through the batch runner and prints sites/min and peak RSS.
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { parseAgencyList } from '../src/batch/input.ts';
import { runBatch, summarizeBatch, writeBatchSummaries } from '../src/batch/run-batch.ts';
import { startFixtureServer, type FixtureServer } from '../tests/helpers/fixture-server.ts';
import { agencySiteRoutes, miniChecklist, testCrawlOptions, type AgencySiteState } from '../tests/batch/fixture-agency.ts';

const { values } = parseArgs({
  options: { sites: { type: 'string', default: '50' }, concurrency: { type: 'string', default: '8' }, latency: { type: 'string', default: '5' } },
});
const siteCount = Number(values.sites);
const concurrency = Number(values.concurrency);
const outDir = join('bench', '.out', 'batch');

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => {
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
}, 100);

const servers: FixtureServer[] = [];
for (let i = 0; i < siteCount; i++) {
  const state: AgencySiteState = {
    name: `หน่วยงานทดสอบที่ ${i + 1}`,
    contactHasPhone: i % 2 === 0,
    executivesEmpty: i % 5 === 0,
    structureGone: i % 7 === 0,
  };
  servers.push(await startFixtureServer({ routes: agencySiteRoutes(() => state), latencyMs: Number(values.latency) }));
}
const agencies = parseAgencyList(['name,url', ...servers.map((s, i) => `หน่วยงานทดสอบที่ ${i + 1},${s.url}`)].join('\n'), 'bench.csv');

await rm(outDir, { recursive: true, force: true });
await mkdir(outDir, { recursive: true });
const started = performance.now();
let finished = 0;
const run = await runBatch({
  agencies,
  outDir,
  resolveChecklist: async () => miniChecklist,
  fiscalYear: 2568,
  concurrency,
  formats: ['json', 'md', 'html', 'csv'],
  lang: 'th',
  crawl: { ...testCrawlOptions },
  dbPath: join(outDir, 'history.json'),
  agencyTimeoutMs: 180_000,
  onAgencyDone: () => {
    finished++;
    if (finished % 10 === 0) process.stderr.write(`  ${finished}/${siteCount}\n`);
  },
});
const files = await writeBatchSummaries(summarizeBatch(run.outcomes), outDir, { lang: 'th' });
const seconds = (performance.now() - started) / 1000;
clearInterval(sampler);
peakRss = Math.max(peakRss, process.memoryUsage().rss, process.resourceUsage().maxRSS * 1024);
await Promise.all(servers.map((s) => s.close()));

const done = run.outcomes.filter((o) => o.status === 'done').length;
console.log(`batch bench: ${siteCount} sites, concurrency ${concurrency}`);
console.log(`  audited ${done}/${siteCount} (failed ${run.outcomes.filter((o) => o.status === 'failed').length}) in ${seconds.toFixed(1)} s`);
console.log(`  ${((done / seconds) * 60).toFixed(1)} sites/min`);
console.log(`  peak RSS ${(peakRss / 1024 / 1024).toFixed(0)} MB`);
console.log(`  summaries: ${files.join(', ')}`);
if (done !== siteCount) process.exitCode = 1;
