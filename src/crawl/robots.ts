// robots.txt: obeyed by default; its Crawl-delay raises the per-host delay and its Sitemap:
// lines seed the frontier. A missing or unreadable robots.txt allows everything.
import robotsParser from 'robots-parser';
import type { Fetcher } from './fetcher.ts';
import { TOOL_NAME } from '../version.ts';

export interface RobotsRules {
  url: string;
  found: boolean;
  isAllowed(url: string): boolean;
  /** Crawl-delay in ms, if any (capped at 10 s so a hostile value cannot stall the audit) */
  crawlDelayMs?: number;
  sitemaps: string[];
}

export function parseRobots(robotsUrl: string, body: string, userAgent: string): RobotsRules {
  const robots = robotsParser(robotsUrl, body);
  const agents = [TOOL_NAME, userAgent];
  const delay = robots.getCrawlDelay(TOOL_NAME) ?? robots.getCrawlDelay(userAgent);
  return {
    url: robotsUrl,
    found: true,
    // robots-parser answers undefined for other hosts: those are not governed by this file
    isAllowed: (url) => agents.every((ua) => robots.isAllowed(url, ua) !== false),
    ...(delay !== undefined && Number.isFinite(delay) ? { crawlDelayMs: Math.min(delay * 1000, 10_000) } : {}),
    sitemaps: robots.getSitemaps(),
  };
}

export function allowAll(robotsUrl: string): RobotsRules {
  return { url: robotsUrl, found: false, isAllowed: () => true, sitemaps: [] };
}

/** Fetch and parse <origin>/robots.txt; any failure means "no rules". */
export async function loadRobots(origin: string, fetcher: Fetcher, userAgent: string, signal?: AbortSignal): Promise<RobotsRules> {
  const robotsUrl = new URL('/robots.txt', origin).toString();
  try {
    const res = await fetcher.get({ url: robotsUrl, maxBytes: 512 * 1024, accept: 'text/plain,*/*;q=0.5', signal });
    if (!/text\/plain|^$/i.test(res.contentType.split(';')[0]!.trim()) && /<html/i.test(Buffer.from(res.body.subarray(0, 512)).toString('latin1'))) {
      return allowAll(robotsUrl); // an HTML page served for /robots.txt (soft-404 sites) holds no rules
    }
    return parseRobots(robotsUrl, Buffer.from(res.body).toString('utf8'), userAgent);
  } catch {
    return allowAll(robotsUrl);
  }
}
