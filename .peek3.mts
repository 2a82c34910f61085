import { startFixtureServer } from '/work/main/tests/helpers/fixture-server.ts';
import { crawl } from '/work/main/src/crawl/crawler.ts';
const server = await startFixtureServer({ root: '/work/main/tests/fixtures/sites/hash-links' });
const snap = await (crawl as any)({ startUrl: server.url, maxPages: 60 });
console.log('hubs', snap.hubUrls);
const hub = snap.pages.find((p: any) => p.url.includes('ita66'));
console.log(hub.links.slice(5, 12));
await server.close();
