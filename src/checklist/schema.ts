// The checklist format: one YAML file per framework and year, validated here on load.
// Documented for consultants in docs/checklist-format.md — keep the two in step.
import { z } from 'zod';

export const LocalizedText = z.object({
  th: z.string().min(1),
  en: z.string().min(1),
});
export type LocalizedText = z.infer<typeof LocalizedText>;

/**
 * A time window relative to the audited fiscal year N (Buddhist era; FY N = 1 Oct N-1 … 30 Sep N).
 * - current:    FY N
 * - previous:   FY N-1 (annual reports of the year before)
 * - first-half: 1 Oct N-1 … 31 Mar N (the six-month reports)
 */
export const TimeWindow = z.enum(['current', 'previous', 'first-half']);
export type TimeWindow = z.infer<typeof TimeWindow>;

const Keywords = z.array(z.string().min(1)).min(1);

/**
 * Where a check looks: the located page itself, the documents/pages it links to, or both (`any`);
 * `site` adds every crawled page, for what agencies show site-wide (the EIT QR code on the home
 * page, social links in the footer).
 */
export const Scope = z.enum(['page', 'linked', 'any', 'site']).default('any');

const KeywordCheck = z.object({
  kind: z.literal('keyword'),
  /** at least one of these must appear (after Thai normalisation, spaces ignored) */
  any: Keywords,
  /** and every one of these too */
  all: z.array(z.string().min(1)).optional(),
  scope: Scope,
});
const FiscalYearCheck = z.object({
  kind: z.literal('fiscal-year'),
  window: TimeWindow,
  /** a multi-year plan "2566–2570" counts when its range covers the target year */
  allowRange: z.boolean().default(false),
  scope: Scope,
});
const PhoneCheck = z.object({ kind: z.literal('phone'), scope: Scope });
const FaxCheck = z.object({ kind: z.literal('fax'), scope: Scope });
const EmailCheck = z.object({ kind: z.literal('email'), scope: Scope });
const AddressCheck = z.object({ kind: z.literal('address'), scope: Scope });
const MapCheck = z.object({ kind: z.literal('map'), scope: Scope });
const SocialLinkCheck = z.object({
  kind: z.literal('social-link'),
  /** hosts counted as social networks; defaults to the common ones (facebook, line, youtube, x, tiktok, instagram) */
  hosts: z.array(z.string().min(1)).optional(),
  min: z.number().int().min(1).default(1),
  scope: Scope,
});
const LinkToHostCheck = z.object({
  kind: z.literal('link-to-host'),
  hosts: Keywords,
  scope: Scope,
});
const TwoWayChannelCheck = z.object({ kind: z.literal('two-way-channel'), scope: Scope });
const OnlineServiceCheck = z.object({ kind: z.literal('online-service'), scope: Scope });
const CorruptionChannelCheck = z.object({ kind: z.literal('corruption-channel'), scope: Scope });
const DocumentCheck = z.object({
  kind: z.literal('document'),
  /** document kinds accepted; default any document (pdf, doc, xls, ppt, image) */
  types: z.array(z.enum(['pdf', 'doc', 'xls', 'ppt', 'image'])).optional(),
  min: z.number().int().min(1).default(1),
  scope: Scope,
});
const ImageCheck = z.object({
  kind: z.literal('image'),
  /** an image or a document whose alt/name/nearby text has one of these words (e.g. an org chart) */
  any: z.array(z.string().min(1)).optional(),
  min: z.number().int().min(1).default(1),
  scope: Scope,
});
const QrCodeCheck = z.object({
  kind: z.literal('qr-code'),
  /** the decoded QR target must point at one of these hosts (e.g. itas.nacc.go.th) */
  hosts: z.array(z.string().min(1)).optional(),
  scope: Scope,
});
const MinCountCheck = z.object({
  kind: z.literal('min-count'),
  /** what is counted on the located page */
  of: z.enum(['dated-entries', 'documents', 'links', 'images']),
  min: z.number().int().min(1),
  /** with of=dated-entries: only entries dated in this window count */
  window: TimeWindow.optional(),
  scope: Scope,
});
const BilingualCheck = z.object({
  kind: z.literal('bilingual'),
  /** English words that show the English version is there, e.g. "No Gift Policy", "hereby" */
  en: Keywords,
  scope: Scope,
});
const ManualCheck = z.object({
  kind: z.literal('manual'),
  /** why a crawler cannot verify this component */
  reason: LocalizedText,
});

export const Check = z.discriminatedUnion('kind', [
  KeywordCheck,
  FiscalYearCheck,
  PhoneCheck,
  FaxCheck,
  EmailCheck,
  AddressCheck,
  MapCheck,
  SocialLinkCheck,
  LinkToHostCheck,
  TwoWayChannelCheck,
  OnlineServiceCheck,
  CorruptionChannelCheck,
  DocumentCheck,
  ImageCheck,
  QrCodeCheck,
  MinCountCheck,
  BilingualCheck,
  ManualCheck,
]);
export type Check = z.infer<typeof Check>;
export type CheckKind = Check['kind'];
export const CHECK_KINDS = Check.options.map((o) => o.shape.kind.value) as CheckKind[];

export const Component = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and dashes'),
  text: LocalizedText,
  check: Check,
});
export type Component = z.infer<typeof Component>;

export const Locate = z.object({
  /** link texts and page titles agencies really use for this item */
  linkText: Keywords,
  /** URL fragments (slugs) seen for this item, matched case-insensitively against the decoded URL */
  urlPatterns: z.array(z.string().min(1)).default([]),
  /** headings on a page that mark this item's section */
  headings: z.array(z.string().min(1)).default([]),
  /** words that, when present in a candidate's link text or title, disqualify it (e.g. "ทั่วไป") */
  exclude: z.array(z.string().min(1)).default([]),
});
export type Locate = z.infer<typeof Locate>;

export const Item = z.object({
  id: z.string().regex(/^[A-Z][A-Za-z]*\s?\d+$/, 'an id such as O1 or MOIT 1'),
  title: LocalizedText,
  group: z.string().min(1),
  locate: Locate,
  components: z.array(Component).min(1),
  /** the item's time window, for reports ("FY N", "FY N-1", "first six months") */
  window: TimeWindow.optional(),
  /** true when the item's wording or existence is not confirmed by a source */
  unconfirmed: z.boolean().default(false),
  /** a note for assessors, e.g. where the source text itself is flawed */
  note: z.string().optional(),
});
export type Item = z.infer<typeof Item>;

export const Group = z.object({
  id: z.string().min(1),
  title: LocalizedText,
});
export type Group = z.infer<typeof Group>;

export const Checklist = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
    /** the assessment scheme, e.g. "ITA" (NACC) or "MOIT" (Ministry of Public Health) */
    framework: z.string().min(1),
    /** the Buddhist-era fiscal year the checklist was written for */
    fiscalYear: z.number().int().min(2500).max(2700),
    /** bump when items or components change, so history diffs can warn */
    version: z.string().min(1),
    title: LocalizedText,
    status: z.enum(['confirmed', 'draft']),
    sources: z.array(z.string().min(1)).min(1),
    groups: z.array(Group).min(1),
    items: z.array(Item).min(1),
  })
  .superRefine((checklist, ctx) => {
    const groupIds = new Set(checklist.groups.map((g) => g.id));
    const seen = new Set<string>();
    checklist.items.forEach((item, i) => {
      if (seen.has(item.id)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'id'], message: `duplicate item id ${item.id}` });
      }
      seen.add(item.id);
      if (!groupIds.has(item.group)) {
        ctx.addIssue({ code: 'custom', path: ['items', i, 'group'], message: `unknown group "${item.group}"` });
      }
      const componentIds = new Set<string>();
      item.components.forEach((c, j) => {
        if (componentIds.has(c.id)) {
          ctx.addIssue({ code: 'custom', path: ['items', i, 'components', j, 'id'], message: `duplicate component id ${c.id}` });
        }
        componentIds.add(c.id);
      });
    });
  });
export type Checklist = z.infer<typeof Checklist>;
