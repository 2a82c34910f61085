// Crawl options: validated with zod at the boundary; parse() fills in the defaults.
import { z } from 'zod';
import { DEFAULT_USER_AGENT } from '../version.ts';
import { UserError } from '../util/errors.ts';

const regexString = z.string().refine(
  (s) => {
    try {
      new RegExp(s);
      return true;
    } catch {
      return false;
    }
  },
  { message: 'not a valid regular expression' },
);

export const CrawlOptions = z.object({
  startUrl: z.string().refine((s) => /^https?:\/\//i.test(s) && URL.canParse(s), { message: 'must be an http(s) URL' }),
  maxPages: z.number().int().min(1).default(300),
  maxDepth: z.number().int().min(0).default(6),
  concurrency: z.number().int().min(1).max(64).default(4),
  perHostConcurrency: z.number().int().min(1).max(32).default(2),
  /** pause between requests to one host; raised to robots.txt Crawl-delay */
  delayMs: z.number().int().min(0).default(0),
  /** whole request, headers to last byte */
  timeoutMs: z.number().int().min(100).default(20_000),
  connectTimeoutMs: z.number().int().min(100).default(8_000),
  retries: z.number().int().min(0).max(10).default(2),
  maxPageBytes: z.number().int().min(1024).default(5 * 1024 * 1024),
  maxDocumentBytes: z.number().int().min(1024).default(20 * 1024 * 1024),
  pdfMaxPages: z.number().int().min(1).default(6),
  render: z.enum(['never', 'auto', 'always']).default('auto'),
  extraHosts: z.array(z.string()).default([]),
  include: z.array(regexString).default([]),
  exclude: z.array(regexString).default([]),
  ignoreRobots: z.boolean().default(false),
  /** accept TLS certificates that do not verify: many agency sites serve an incomplete chain */
  insecureTls: z.boolean().default(false),
  userAgent: z.string().min(1).default(DEFAULT_USER_AGENT),
  screenshotsDir: z.string().optional(),
  ocr: z.boolean().default(false),
  browserPath: z.string().optional(),
  /** locate words from the checklist: links whose text or URL matches them are fetched first */
  priorityWords: z.array(z.string()).default([]),
  /** cap on screenshots taken (hub and candidate pages) */
  maxScreenshots: z.number().int().min(0).default(30),
  /** pages kept per repetitive URL pattern (news?id=N, /2024/05/…, page=N) before the rest are sampled out */
  samplesPerPattern: z.number().int().min(1).default(5),
  /** fetch sitemap.xml (and robots.txt Sitemap: entries) to seed the frontier */
  useSitemap: z.boolean().default(true),
  /** absolute cap on the whole crawl, so a run can never hang (stoppedBecause 'timeout') */
  maxDurationMs: z.number().int().min(1000).default(20 * 60_000),
});
export type CrawlOptions = z.output<typeof CrawlOptions>;
export type CrawlOptionsInput = z.input<typeof CrawlOptions>;

/** Validate user-supplied options; a bad value is a one-line UserError. */
export function parseCrawlOptions(input: Partial<CrawlOptionsInput> & { startUrl: string }): CrawlOptions {
  const result = CrawlOptions.safeParse(input);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new UserError(`invalid crawl option ${issue.path.join('.') || '(options)'}: ${issue.message}`);
  }
  return result.data;
}
