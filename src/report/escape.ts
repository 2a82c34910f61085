// Escaping for every report format. Everything in an AuditResult that came from a crawled site
// (titles, snippets, URLs, failure messages) is untrusted: a hostile page can put markup,
// Markdown syntax or spreadsheet formulas in its title, and the reports must show it as text.

/** C0/C1 control characters other than tab and newline: never useful in a report, sometimes harmful. */
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/g;

/** Remove control characters and cap the length (with an ellipsis), so one huge snippet cannot bloat a report. */
export function cleanText(value: string, maxLength = 2000): string {
  const s = String(value ?? '').replace(CONTROL, '');
  if (s.length <= maxLength) return s;
  return `${s.slice(0, Math.max(0, maxLength - 1))}…`;
}

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
  '`': '&#96;',
};

/** Safe for HTML text and for double- or single-quoted attribute values. */
export function escapeHtml(value: string | number, maxLength?: number): string {
  return cleanText(String(value), maxLength).replace(/[&<>"'`]/g, (c) => HTML_ESCAPES[c]!);
}

const CLICKABLE_PROTOCOLS = new Set(['http:', 'https:']);

/**
 * The URL in a form that may go into an href, or null when it must be shown as text only:
 * anything that is not an absolute http(s) URL (javascript:, data:, vbscript:, file:, relative …).
 */
export function safeHttpUrl(value: string): string | null {
  const raw = cleanText(value, 4000).trim();
  if (!raw) return null;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (!CLICKABLE_PROTOCOLS.has(url.protocol)) return null;
  // URL.href percent-encodes spaces, quotes and angle brackets; credentials have no place in a report
  url.username = '';
  url.password = '';
  return url.href;
}

/** A URL shown to a person: percent-escapes decoded (Thai paths stay readable), still untrusted text. */
export function displayUrl(value: string, maxLength = 200): string {
  let s = cleanText(value, 4000);
  try {
    s = decodeURI(s);
  } catch {
    // keep as is: malformed escapes
  }
  return cleanText(s, maxLength);
}

/**
 * Inline Markdown text: backslash-escape Markdown punctuation, turn HTML-significant characters
 * into entities (so tags show as text) and fold line breaks into spaces (so a value cannot
 * end a table row or start a heading). With lineStart, also escapes what would make the value a
 * heading or list item when it begins a line.
 */
export function escapeMarkdown(value: string, maxLength = 2000, opts: { lineStart?: boolean } = {}): string {
  const inline = cleanText(value, maxLength)
    .replace(/\r\n|\r|\n|\u2028|\u2029/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~]/g, (c) => `\\${c}`);
  if (!opts.lineStart) return inline;
  // what only matters at the start of a line: headings, list markers, setext rules
  return inline.replace(/^(\s*)([#+\-=!])/, '$1\\$2').replace(/^(\s*\d+)([.)])/, '$1\\$2');
}

/**
 * A Markdown link to an http(s) URL, or the URL as escaped text when it must not be clickable.
 * The link target has parentheses and other Markdown-significant characters percent-encoded.
 */
export function markdownLink(url: string, text?: string): string {
  const label = escapeMarkdown(text && text.trim() ? text : displayUrl(url), 200);
  const safe = safeHttpUrl(url);
  if (!safe) return label;
  const target = safe.replace(/[()<>\s|\\]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);
  return `[${label}](${target})`;
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Spreadsheet formula injection: a cell starting with = + - @ (or tab / CR) gets a leading apostrophe. */
export function neutralizeFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/** One RFC 4180 field: formula-neutralised, quoted when it holds a comma, quote or line break. */
export function csvField(value: string | number): string {
  const s = neutralizeFormula(cleanText(String(value), 4000));
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** An id usable in an HTML id attribute and a #fragment: letters, digits and dashes only. */
export function anchorId(prefix: string, id: string): string {
  return `${prefix}-${cleanText(id, 100).replace(/[^A-Za-z0-9-]+/g, '-')}`;
}
