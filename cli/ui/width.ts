// Terminal display width: Thai combining marks take no column, CJK/emoji take two. Every
// column in the UI is padded and cut by display width, never by string length.
import stringWidth from 'string-width';

// C0/C1 controls and ANSI escape sequences. Crawled text must never move the cursor or
// recolour the terminal, so it goes through sanitizeForTerminal before any layout.
const ANSI_SEQUENCE = /\u001b\[[0-?]*[ -/]*[@-~]|\u001b\][^\u0007\u001b]*(?:\u0007|\u001b\\)|\u001b[@-Z\\-_]/g;
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** strip escape sequences and control characters; turn tabs and line breaks into spaces */
export function sanitizeForTerminal(text: string): string {
  return text.replace(ANSI_SEQUENCE, '').replace(CONTROL, '').replace(/[\t\n\r]+/g, ' ');
}

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

// string-width folds SARA AM (ำ, and Lao ຳ) into the grapheme before it and counts nothing for
// it, but terminals (wcwidth, tmux, VTE) give it a column of its own: "น้ำ" is 2 columns wide.
const SPACING_AM = /[\u0e33\u0eb3]/g;
const HAS_SPACING_AM = /[\u0e33\u0eb3]/;

function graphemeWidth(grapheme: string): number {
  const base = stringWidth(grapheme);
  if (grapheme.length < 2) return base;
  const extra = (grapheme.slice(1).match(SPACING_AM) ?? []).length;
  return base + extra;
}

/** columns the text takes in a terminal */
export function displayWidth(text: string): number {
  if (!HAS_SPACING_AM.test(text)) return stringWidth(text);
  let width = 0;
  for (const { segment } of segmenter.segment(text)) width += graphemeWidth(segment);
  return width;
}

/** cut to at most `width` columns, ending with `ellipsis` when something was cut; never splits a grapheme */
export function truncateToWidth(text: string, width: number, ellipsis = '…'): string {
  if (width <= 0) return '';
  if (displayWidth(text) <= width) return text;
  const room = width - displayWidth(ellipsis);
  if (room < 0) return '';
  let out = '';
  let used = 0;
  for (const { segment } of segmenter.segment(text)) {
    const w = displayWidth(segment);
    if (used + w > room) break;
    out += segment;
    used += w;
  }
  return out + ellipsis;
}

export function padEndToWidth(text: string, width: number): string {
  return text + ' '.repeat(Math.max(0, width - displayWidth(text)));
}

export function padStartToWidth(text: string, width: number): string {
  return ' '.repeat(Math.max(0, width - displayWidth(text))) + text;
}

/** truncate then pad: exactly `width` columns */
export function fitToWidth(text: string, width: number): string {
  return padEndToWidth(truncateToWidth(text, width), width);
}

/** word-wrap to lines of at most `width` columns (long words are cut by grapheme) */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  const push = (): void => {
    lines.push(line.trimEnd());
    line = '';
  };
  for (const word of text.split(/(\s+)/)) {
    if (word === '') continue;
    if (displayWidth(line + word) <= width) {
      line += word;
      continue;
    }
    if (/^\s+$/.test(word)) {
      push();
      continue;
    }
    if (line.trim() !== '') push();
    let rest = word;
    while (displayWidth(rest) > width) {
      const head = truncateToWidth(rest, width, '');
      if (head === '') break;
      lines.push(head);
      rest = rest.slice(head.length);
    }
    line = rest;
  }
  if (line.trim() !== '' || lines.length === 0) push();
  return lines;
}

/** cut out the middle, keeping the start and the end: URLs are read by host and by last segment */
export function truncateMiddle(text: string, width: number, ellipsis = '…'): string {
  if (displayWidth(text) <= width) return text;
  if (width <= displayWidth(ellipsis) + 2) return truncateToWidth(text, width, ellipsis);
  const graphemes = [...segmenter.segment(text)].map((s) => s.segment);
  const room = width - displayWidth(ellipsis);
  const headRoom = Math.ceil(room * 0.55);
  let head = '';
  let used = 0;
  for (const g of graphemes) {
    const w = displayWidth(g);
    if (used + w > headRoom) break;
    head += g;
    used += w;
  }
  let tail = '';
  let tailUsed = 0;
  for (let i = graphemes.length - 1; i >= 0; i--) {
    const w = displayWidth(graphemes[i]!);
    if (used + tailUsed + w > room) break;
    tail = graphemes[i]! + tail;
    tailUsed += w;
  }
  return head + ellipsis + tail;
}
