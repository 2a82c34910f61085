// social-link: links to the agency's social network accounts — not share buttons.
import type { CheckModule } from './context.ts';
import { notFound, passed, targetsOf } from './helpers.ts';
import { hostMatches, hostOf } from '../snapshot-index.ts';

export const DEFAULT_SOCIAL_HOSTS = [
  'facebook.com', 'fb.com', 'fb.me', 'line.me', 'lin.ee', 'youtube.com', 'youtu.be', 'x.com', 'twitter.com',
  'tiktok.com', 'instagram.com',
];

/** share / like buttons and plugins point at a social site without being the agency's account */
const SHARE_BUTTON = /sharer(\.php)?|\/share(\.php)?(\?|\/|$)|share\?url=|\/intent\/(tweet|post)|\/R\/msg\/text|\/plugins\/(like|share_button|comments)|dialog\/(share|feed)|addthis|sharethis/i;

/** a URL that is an account (or a page plugin showing one), normalised for counting; undefined if not */
export function socialAccount(url: string, hosts: string[]): string | undefined {
  const host = hostOf(url);
  if (!host || !hosts.some((h) => hostMatches(host, h))) return undefined;
  if (SHARE_BUTTON.test(url)) return undefined;
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  // facebook.com/plugins/page.php?href=<account>: the embedded account
  if (/\/plugins\/page\.php/.test(u.pathname)) {
    const href = u.searchParams.get('href');
    return href ? socialAccount(href, hosts) ?? undefined : undefined;
  }
  const path = u.pathname.replace(/\/+$/, '');
  if (path === '' && !hostMatches(host, 'lin.ee')) return undefined; // the network's home page, not an account
  const id = u.searchParams.get('id');
  return `${host}${path.toLowerCase()}${id ? `?id=${id}` : ''}`;
}

export const socialLinkCheck: CheckModule<'social-link'> = {
  kind: 'social-link',
  readsText: false,
  run(check, ctx) {
    const hosts = check.hosts ?? DEFAULT_SOCIAL_HOSTS;
    const sources = ctx.sources(check.scope);
    const accounts = new Map<string, { url: string; on: string }>();
    for (const s of sources) {
      const urls = [...targetsOf(s).map((t) => t.url), ...(s.kind === 'external' ? [s.url] : [])];
      for (const url of urls) {
        const account = socialAccount(url, hosts);
        if (account && !accounts.has(account)) accounts.set(account, { url, on: s.url });
      }
    }
    const found = [...accounts.values()];
    if (found.length >= check.min) {
      return passed(
        { th: `พบลิงก์โซเชียลมีเดีย ${found.length} บัญชี`, en: `found ${found.length} social network account link(s)` },
        found[0]!.on,
        found.slice(0, 4).map((f) => f.url).join(' '),
      );
    }
    const detail = found.length === 0
      ? { th: 'ไม่พบลิงก์ไปยังบัญชีโซเชียลมีเดียของหน่วยงาน', en: 'no link to the agency\'s social network accounts' }
      : { th: `พบลิงก์โซเชียลมีเดียเพียง ${found.length} บัญชี (ต้องมีอย่างน้อย ${check.min})`, en: `only ${found.length} social account link(s), at least ${check.min} needed` };
    return notFound(sources, detail, false);
  },
};
