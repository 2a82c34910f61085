// Crawler traps and repetitive sections. Calendars and endless parameter combinations are
// 'trap'; news archives, galleries and paginated lists share a URL pattern (numbers replaced)
// and only a few of each pattern are fetched ('sampled').

const CALENDAR = /calendar|event|ปฏิทิน|schedule|agenda|\bcal\b|month|year|date|day|week/i;
const NUMERIC = /^\d+$/;
const DATE_LIKE = /^\d{4}-\d{1,2}(-\d{1,2})?$|^\d{1,2}-\d{1,2}-\d{4}$|^\d{8}$/;

/** one path segment or parameter value with its numbers replaced by placeholders */
function segmentPattern(s: string): string {
  return DATE_LIKE.test(s) ? '{date}' : NUMERIC.test(s) ? '{n}' : s.replace(/\d+/g, '{n}');
}

/** the URL with ids, page numbers and dates replaced by placeholders */
export function urlPattern(url: string, parsed?: URL): string {
  let u: URL;
  try {
    u = parsed ?? new URL(url);
  } catch {
    return url;
  }
  const path = u.pathname.split('/').map(segmentPattern).join('/');
  const params = [...u.searchParams.keys()].sort();
  const query = params.map((k) => `${k}=${segmentPattern(u.searchParams.get(k) ?? '')}`).join('&');
  return `${u.host.replace(/^www\./, '')}${path}${query ? `?${query}` : ''}`;
}

/** structural traps: endless paths, repeated segments, absurd length */
export function structuralTrap(url: string, parsed?: URL): boolean {
  if (url.length > 512) return true;
  let u: URL;
  try {
    u = parsed ?? new URL(url);
  } catch {
    return false;
  }
  const segments = u.pathname.split('/').filter(Boolean);
  if (segments.length > 12) return true;
  const counts = new Map<string, number>();
  for (const s of segments) {
    const c = (counts.get(s) ?? 0) + 1;
    if (c >= 3) return true;
    counts.set(s, c);
  }
  return [...u.searchParams.keys()].length > 12;
}

export type SampleVerdict = 'ok' | 'sampled' | 'trap';

/** Counts URLs per pattern; past the limit further ones are sampled out (calendars: trapped). */
export class PatternSampler {
  private readonly counts = new Map<string, number>();
  constructor(private readonly perPattern: number) {}

  /** `parsed`: the same URL already parsed, when the caller has it */
  check(url: string, parsed?: URL): SampleVerdict {
    if (structuralTrap(url, parsed)) return 'trap';
    const pattern = urlPattern(url, parsed);
    if (!pattern.includes('{')) return 'ok';
    const calendar = CALENDAR.test(pattern) && (pattern.includes('{date}') || /(month|year|date|day|week)=\{n\}/i.test(pattern));
    const limit = calendar ? Math.min(3, this.perPattern) : this.perPattern;
    const n = (this.counts.get(pattern) ?? 0) + 1;
    this.counts.set(pattern, n);
    if (n <= limit) return 'ok';
    return calendar ? 'trap' : 'sampled';
  }
}
