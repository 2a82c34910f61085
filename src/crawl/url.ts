// URL normalisation and dedupe keys. Two forms: the URL we fetch (keeps the trailing slash a
// server may insist on) and the key we dedupe on (ignores it, and the other cosmetic variants).

/** query parameters that only track visitors or carry sessions: never part of a page's identity */
const DROP_PARAM = /^(utm_[a-z_]+|fbclid|gclid|dclid|msclkid|yclid|mc_cid|mc_eid|_ga|_gl|phpsessid|jsessionid|sid|sessionid|session_id|cfid|cftoken|aspsessionid[a-z]*)$/i;
/** ;jsessionid=… path parameters (Java servlet containers) */
const PATH_SESSION = /;(jsessionid|phpsessid|sid)=[^/?#]*/gi;

function upperPercent(s: string): string {
  return s.replace(/%[0-9a-f]{2}/gi, (m) => m.toUpperCase());
}

/**
 * Resolve `href` against `base` and normalise it: http(s) only, no fragment, no default port,
 * no tracking or session parameters, spaces and Thai in the path percent-encoded (upper-case hex).
 * Returns null for other schemes (mailto:, javascript:, tel: …) and unparseable input.
 */
export function normalizeUrl(href: string, base?: string): string | null {
  const raw = href.trim().replace(/[\t\n\r]/g, '');
  if (!raw) return null;
  let u: URL;
  try {
    u = base ? new URL(raw, base) : new URL(raw);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  // each URL setter re-serialises the whole URL: only touch what needs changing
  if (u.hash) u.hash = '';
  if (u.username) u.username = '';
  if (u.password) u.password = '';
  if (u.hostname.endsWith('.')) u.hostname = u.hostname.slice(0, -1);
  if (u.pathname.includes(';')) u.pathname = u.pathname.replace(PATH_SESSION, '');
  if (u.search) {
    const kept = [...u.searchParams].filter(([k]) => !DROP_PARAM.test(k));
    if (kept.length !== [...u.searchParams].length) {
      u.search = kept.length ? new URLSearchParams(kept).toString() : '';
    }
  }
  let out = u.href;
  if (out.endsWith('?')) out = out.slice(0, -1);
  return out.includes('%') ? upperPercent(out) : out;
}

const RESOLVED_CAP = 5_000;
/** authority ("http://host:port") → path-absolute href → result */
const byAuthority = new Map<string, Map<string, string | null>>();
/** absolute http(s) href → result */
const absolute = new Map<string, string | null>();

/**
 * A copy of `s` that does not point into a larger string. Attribute values and text from the
 * HTML parser are slices of the whole page source; keeping one alive (in a cache, in the
 * snapshot) keeps the whole page source alive with it.
 */
export function ownCopy(s: string): string {
  return s.length < 13 ? s : (' ' + s).slice(1);
}

function memo(map: Map<string, string | null>, href: string, base: string): string | null {
  let r = map.get(href);
  if (r === undefined) {
    r = normalizeUrl(href, base);
    if (map.size >= RESOLVED_CAP) map.clear();
    map.set(ownCopy(href), r);
  }
  return r;
}

/**
 * A memoised normalizeUrl(href, base) for the links of one page. The answer for an absolute
 * http(s) href does not depend on the base, and for a path-absolute one ("/news/x.html", the
 * common case on a site) only on the base's scheme and authority: those are remembered across
 * pages; any other relative href is remembered for this page only.
 */
export function urlResolver(base: string): (href: string) => string | null {
  let sameAuthority: Map<string, string | null> | null = null;
  if (/^https?:\/\//i.test(base)) {
    const slash = base.indexOf('/', base.indexOf('//') + 2);
    const authority = slash < 0 ? base : base.slice(0, slash);
    sameAuthority = byAuthority.get(authority) ?? null;
    if (!sameAuthority) {
      if (byAuthority.size >= 50) byAuthority.clear();
      byAuthority.set(authority, (sameAuthority = new Map()));
    }
  }
  const local = new Map<string, string | null>();
  return (href) => {
    const c0 = href.charCodeAt(0);
    if (c0 === 47 /* / */ && sameAuthority) return memo(sameAuthority, href, base);
    if ((c0 === 104 || c0 === 72) /* h */ && /^https?:\/\//i.test(href)) return memo(absolute, href, base);
    return memo(local, href, base);
  };
}

/** The dedupe key: normalised URL, scheme and www folded, trailing slash and param order ignored. */
export function urlKey(url: string, parsed?: URL): string {
  let u: URL;
  try {
    u = parsed ?? new URL(url);
  } catch {
    return url;
  }
  const host = u.host.replace(/^www\./, '');
  let path = u.pathname;
  if (path.length > 1 && path.endsWith('/')) path = path.slice(0, -1);
  path = path.replace(/\/(index|default)\.(html?|php|aspx?|jsp)$/i, '') || '/';
  const params = [...u.searchParams].sort(([a, av], [b, bv]) => (a === b ? av.localeCompare(bv) : a.localeCompare(b)));
  const query = params.length ? `?${new URLSearchParams(params).toString()}` : '';
  const key = `${host}${path}${query}`;
  return key.includes('%') ? upperPercent(key) : key;
}

/** host without a leading www., lower-case */
export function siteHost(hostname: string): string {
  return hostname.toLowerCase().replace(/^www\./, '');
}

/** lower-case file extension of the URL's path ('' if none) */
export function pathExtension(url: string, parsed?: URL): string {
  try {
    const m = /\.([a-z0-9]{1,5})$/i.exec((parsed ?? new URL(url)).pathname);
    return m ? m[1]!.toLowerCase() : '';
  } catch {
    return '';
  }
}
