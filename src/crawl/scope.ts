// Scope: which URLs belong to the site being audited. Same site = the start host with or
// without www, on http or https, plus --extra-hosts; then --include / --exclude patterns.
import { siteHost } from './url.ts';

/** Services agencies publish evidence on: recorded as evidence links, never crawled. */
const EXTERNAL_EVIDENCE = [
  'drive.google.com', 'docs.google.com', 'sites.google.com', 'forms.gle', 'goo.gl', 'maps.google.com', 'maps.app.goo.gl',
  'facebook.com', 'fb.com', 'fb.me', 'fb.watch', 'line.me', 'lin.ee', 'youtube.com', 'youtu.be', 'twitter.com', 'x.com',
  'instagram.com', 'tiktok.com', 'onedrive.live.com', '1drv.ms', 'sharepoint.com', 'dropbox.com', 'canva.com',
  'canva.site', 'padlet.com', 'anyflip.com', 'fliphtml5.com', 'itas.nacc.go.th',
];

export function isExternalEvidenceHost(hostname: string): boolean {
  const h = siteHost(hostname);
  return EXTERNAL_EVIDENCE.some((d) => h === d || h.endsWith(`.${d}`));
}

export type ScopeVerdict = 'in' | 'out-of-scope' | 'external-evidence' | 'excluded' | 'not-included';

export class Scope {
  private readonly hosts = new Set<string>();
  private readonly include: RegExp[];
  private readonly exclude: RegExp[];

  constructor(startUrls: string[], extraHosts: string[], include: string[], exclude: string[]) {
    for (const u of startUrls) this.addHostOf(u);
    for (const h of extraHosts) this.hosts.add(siteHost(h.replace(/^https?:\/\//i, '').replace(/[/:].*$/, '')));
    this.include = include.map((p) => new RegExp(p, 'i'));
    this.exclude = exclude.map((p) => new RegExp(p, 'i'));
  }

  addHostOf(url: string): void {
    try {
      this.hosts.add(siteHost(new URL(url).hostname));
    } catch {
      /* not a URL: nothing to add */
    }
  }

  /** the site's hosts, www and bare forms */
  hostList(): string[] {
    return [...this.hosts].flatMap((h) => (/^\d+\.\d+\.\d+\.\d+$|^\[|^localhost$/.test(h) ? [h] : [h, `www.${h}`]));
  }

  isSiteHost(hostname: string): boolean {
    return this.hosts.has(siteHost(hostname));
  }

  classify(url: string, parsed?: URL): ScopeVerdict {
    let host: string;
    try {
      host = (parsed ?? new URL(url)).hostname;
    } catch {
      return 'out-of-scope';
    }
    if (!this.isSiteHost(host)) return isExternalEvidenceHost(host) ? 'external-evidence' : 'out-of-scope';
    if (this.exclude.some((re) => re.test(url))) return 'excluded';
    if (this.include.length && !this.include.some((re) => re.test(url))) return 'not-included';
    return 'in';
  }
}
