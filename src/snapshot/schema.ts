// The contract between crawl and audit. The crawler produces a SiteSnapshot; the audit reads
// only this. Saved as gzip JSON next to every report so `rescore` can re-audit offline.
import { z } from 'zod';

export const SNAPSHOT_SCHEMA_VERSION = 1;

/** Where a link was found in the HTML. */
export const LinkSource = z.enum(['a', 'area', 'frame', 'iframe', 'onclick', 'meta-refresh', 'form']);

export const Link = z.object({
  /** absolute, normalised URL (or the raw href for non-http schemes such as javascript: or "#") */
  url: z.string(),
  /** the link's own text: inner text, else image alt, else title/aria-label */
  text: z.string(),
  /** the text of the enclosing table row / list item / paragraph (capped), e.g. a hub row "O1 โครงสร้าง" */
  context: z.string().default(''),
  /** the nearest heading above the link */
  heading: z.string().default(''),
  source: LinkSource.default('a'),
});
export type Link = z.infer<typeof Link>;

export const Image = z.object({
  src: z.string(),
  alt: z.string().default(''),
  /** the link wrapping the image, if any */
  href: z.string().optional(),
  /** decoded QR payload when the image is a QR code */
  qr: z.string().optional(),
  /** its width/height attributes or inline style make a square of 80–600 px: the shape a QR code is shown in */
  square: z.boolean().optional(),
  /** OCR text when --ocr read this image */
  ocrText: z.string().optional(),
});
export type Image = z.infer<typeof Image>;

export const Iframe = z.object({ src: z.string(), title: z.string().default('') });
export type Iframe = z.infer<typeof Iframe>;

export const Form = z.object({
  action: z.string(),
  method: z.string().default('get'),
  /** names / labels / placeholders of the form's fields */
  fields: z.array(z.string()).default([]),
  hasTextarea: z.boolean().default(false),
  /** the form's text (legend, labels, submit button) */
  text: z.string().default(''),
});
export type Form = z.infer<typeof Form>;

export const Page = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string().default(''),
  charset: z.string().optional(),
  title: z.string().default(''),
  headings: z.array(z.string()).default([]),
  /** visible text, Thai-normalised, capped */
  text: z.string().default(''),
  links: z.array(Link).default([]),
  images: z.array(Image).default([]),
  iframes: z.array(Iframe).default([]),
  forms: z.array(Form).default([]),
  depth: z.number().int().min(0),
  via: z.enum(['http', 'browser']),
  /** redirect chain from url to finalUrl (excluding url itself) */
  redirects: z.array(z.string()).default([]),
  lastModified: z.string().optional(),
  /** path of a screenshot relative to the report folder, when a browser took one */
  screenshot: z.string().optional(),
  /** the URL that first linked here */
  referrer: z.string().optional(),
});
export type Page = z.infer<typeof Page>;

export const DocumentKind = z.enum(['pdf', 'doc', 'xls', 'ppt', 'image', 'other']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const DocumentTextStatus = z.enum([
  'ok', // text extracted
  'no-text', // parsed but no text layer: probably a scan
  'ocr', // text came from OCR (--ocr)
  'not-extracted', // a kind we do not read (doc, xls …)
  'too-large', // over the size cap; only headers recorded
  'error', // could not be parsed
]);

export const Document = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string().default(''),
  kind: DocumentKind,
  size: z.number().int().min(0).optional(),
  lastModified: z.string().optional(),
  /** extracted text of the first pages, Thai-normalised, capped */
  text: z.string().default(''),
  textStatus: DocumentTextStatus,
  pages: z.number().int().optional(),
  /** decoded QR payloads found in an image document */
  qr: z.array(z.string()).default([]),
  referrer: z.string().optional(),
});
export type Document = z.infer<typeof Document>;

export const FailureKind = z.enum([
  'dns',
  'refused',
  'reset',
  'tls',
  'timeout',
  'http-4xx',
  'http-404',
  'http-5xx',
  'blocked', // WAF / bot wall / 403 challenge
  'soft-404',
  'redirect-loop',
  'too-many-redirects',
  'too-large',
  'bad-content',
  'render-error',
  'other',
]);
export type FailureKind = z.infer<typeof FailureKind>;

export const Failure = z.object({
  url: z.string(),
  kind: FailureKind,
  status: z.number().int().optional(),
  message: z.string().default(''),
  referrer: z.string().optional(),
  attempts: z.number().int().default(1),
});
export type Failure = z.infer<typeof Failure>;

export const SkipReason = z.enum([
  'out-of-scope',
  'robots',
  'budget',
  'depth',
  'duplicate',
  'trap',
  'sampled', // repetitive section (news archive, calendar, gallery) sampled, not crawled whole
  'excluded', // --exclude pattern
  'not-included', // did not match --include
  'too-large',
  'external-evidence', // Google Drive, Facebook …: recorded as evidence links, not crawled
  'unsupported-scheme',
  'early-stop',
  'interrupted',
]);
export type SkipReason = z.infer<typeof SkipReason>;

export const Skipped = z.object({
  url: z.string(),
  reason: SkipReason,
  referrer: z.string().optional(),
});
export type Skipped = z.infer<typeof Skipped>;

export const StopReason = z.enum(['complete', 'budget', 'early-stop', 'interrupted', 'unreachable', 'timeout']);
export type StopReason = z.infer<typeof StopReason>;

export const Provenance = z.object({
  tool: z.object({ name: z.string(), version: z.string() }),
  options: z.record(z.string(), z.unknown()).default({}),
  userAgent: z.string(),
  /** e.g. "Chromium 156.0.8078.79", or null when no browser was used */
  browser: z.string().nullable().default(null),
  startedAt: z.string(),
  finishedAt: z.string(),
  stoppedBecause: StopReason,
  robots: z
    .object({ url: z.string(), found: z.boolean(), obeyed: z.boolean(), sitemaps: z.array(z.string()).default([]) })
    .optional(),
});
export type Provenance = z.infer<typeof Provenance>;

export const SiteStatus = z.enum([
  'ok',
  'unreachable', // the start URL could not be fetched at all (dns, refused, tls, timeout …)
  'blocked', // a WAF or bot wall answered instead of the site
]);

export const SiteSnapshot = z.object({
  schemaVersion: z.literal(SNAPSHOT_SCHEMA_VERSION),
  startUrl: z.string(),
  /** where the start URL ended after redirects */
  finalStartUrl: z.string().optional(),
  /** hosts treated as the same site */
  hosts: z.array(z.string()).default([]),
  siteStatus: SiteStatus,
  /** the failure that made the site unreachable or blocked */
  siteError: z.string().optional(),
  /** the server answers 200 for made-up paths: path existence proves nothing */
  soft404: z.boolean().default(false),
  /** the ITA/OIT hub pages found, best first */
  hubUrls: z.array(z.string()).default([]),
  pages: z.array(Page),
  documents: z.array(Document).default([]),
  failures: z.array(Failure).default([]),
  skipped: z.array(Skipped).default([]),
  provenance: Provenance,
});
export type SiteSnapshot = z.infer<typeof SiteSnapshot>;
