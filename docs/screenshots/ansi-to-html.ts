// Turns the text of `tmux capture-pane -e -p` (SGR colour codes only) into HTML spans, so a terminal
// screen can be screenshotted by a browser. Only what tmux emits is handled: SGR (ESC [ … m); other
// escape sequences are dropped.

export interface AnsiStyle {
  fg?: string;
  bg?: string;
  bold?: boolean;
  dim?: boolean;
  italic?: boolean;
  underline?: boolean;
  inverse?: boolean;
}

/** a dark terminal palette (colours 0–15), close to common terminal defaults */
export const PALETTE_16 = [
  '#1e1e1e', '#e06c75', '#98c379', '#e5c07b', '#61afef', '#c678dd', '#56b6c2', '#d4d4d4',
  '#5c6370', '#ff7b86', '#b5e890', '#ffd68a', '#82c4ff', '#de9bf0', '#7fd4df', '#ffffff',
];
export const DEFAULT_FG = '#d4d4d4';
export const DEFAULT_BG = '#1e1e1e';

/** xterm 256-colour palette entry as #rrggbb */
export function xterm256(n: number): string {
  if (n < 16) return PALETTE_16[n]!;
  if (n < 232) {
    const i = n - 16;
    const level = (v: number): number => (v === 0 ? 0 : 55 + v * 40);
    return rgb(level(Math.floor(i / 36)), level(Math.floor(i / 6) % 6), level(i % 6));
  }
  const g = 8 + (n - 232) * 10;
  return rgb(g, g, g);
}

function rgb(r: number, g: number, b: number): string {
  return `#${[r, g, b].map((v) => Math.max(0, Math.min(255, v)).toString(16).padStart(2, '0')).join('')}`;
}

/** applies one SGR parameter list to a style (mutates and returns it) */
export function applySgr(style: AnsiStyle, params: number[]): AnsiStyle {
  if (params.length === 0) params = [0];
  for (let i = 0; i < params.length; i++) {
    const p = params[i]!;
    if (p === 0) {
      for (const k of Object.keys(style) as (keyof AnsiStyle)[]) delete style[k];
    } else if (p === 1) style.bold = true;
    else if (p === 2) style.dim = true;
    else if (p === 3) style.italic = true;
    else if (p === 4) style.underline = true;
    else if (p === 7) style.inverse = true;
    else if (p === 22) {
      delete style.bold;
      delete style.dim;
    } else if (p === 23) delete style.italic;
    else if (p === 24) delete style.underline;
    else if (p === 27) delete style.inverse;
    else if (p >= 30 && p <= 37) style.fg = PALETTE_16[p - 30];
    else if (p === 39) delete style.fg;
    else if (p >= 40 && p <= 47) style.bg = PALETTE_16[p - 40];
    else if (p === 49) delete style.bg;
    else if (p >= 90 && p <= 97) style.fg = PALETTE_16[p - 90 + 8];
    else if (p >= 100 && p <= 107) style.bg = PALETTE_16[p - 100 + 8];
    else if (p === 38 || p === 48) {
      const key = p === 38 ? 'fg' : 'bg';
      if (params[i + 1] === 5 && params[i + 2] !== undefined) {
        style[key] = xterm256(params[i + 2]!);
        i += 2;
      } else if (params[i + 1] === 2 && params[i + 4] !== undefined) {
        style[key] = rgb(params[i + 2]!, params[i + 3]!, params[i + 4]!);
        i += 4;
      }
    }
  }
  return style;
}

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function styleToCss(style: AnsiStyle): string {
  let fg = style.fg ?? DEFAULT_FG;
  let bg = style.bg;
  if (style.inverse) {
    [fg, bg] = [bg ?? DEFAULT_BG, fg];
  }
  const css: string[] = [`color:${fg}`];
  if (bg) css.push(`background:${bg}`);
  if (style.bold) css.push('font-weight:bold');
  if (style.dim) css.push('opacity:0.6');
  if (style.italic) css.push('font-style:italic');
  if (style.underline) css.push('text-decoration:underline');
  return css.join(';');
}

// ESC [ params m  — or any other CSI / two-character escape, which is dropped
const ESCAPE = /\u001b\[([0-9;:]*)([A-Za-z])|\u001b[^[]/g;

/** one HTML line per terminal line; the style carries over line ends, as in a terminal */
export function ansiToHtmlLines(text: string): string[] {
  const style: AnsiStyle = {};
  const lines = text.replace(/\r/g, '').split('\n');
  return lines.map((line) => {
    let html = '';
    let last = 0;
    const emit = (chunk: string): void => {
      if (!chunk) return;
      const css = styleToCss(style);
      html += css === `color:${DEFAULT_FG}` ? escapeHtml(chunk) : `<span style="${css}">${escapeHtml(chunk)}</span>`;
    };
    for (const m of line.matchAll(ESCAPE)) {
      emit(line.slice(last, m.index));
      last = m.index! + m[0].length;
      if (m[2] === 'm') applySgr(style, (m[1] ?? '').split(/[;:]/).filter((s) => s !== '').map(Number));
    }
    emit(line.slice(last));
    return html;
  });
}

/** a standalone page showing the screen as a terminal window */
export function terminalPage(ansi: string, opts: { title: string; columns: number; fontSize?: number }): string {
  const lines = ansiToHtmlLines(ansi);
  while (lines.length > 1 && lines[lines.length - 1] === '') lines.pop();
  const fontSize = opts.fontSize ?? 15;
  return `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #f3f3f3; }
  #window { display: inline-block; margin: 16px; border-radius: 8px; overflow: hidden;
            box-shadow: 0 4px 18px rgba(0,0,0,.28); background: ${DEFAULT_BG}; }
  #bar { height: 28px; background: #323232; display: flex; align-items: center; padding: 0 10px;
         font: 13px "DejaVu Sans", sans-serif; color: #bbb; }
  #bar i { width: 12px; height: 12px; border-radius: 50%; display: inline-block; margin-right: 7px; }
  #bar span { flex: 1; text-align: center; margin-right: 57px; }
  #term { padding: 10px 14px 12px; color: ${DEFAULT_FG}; white-space: pre;
          /* Thai from Tlwg Typist: as wide per cell as DejaVu Sans Mono; Tlwg Mono draws ั and ำ one cell too far right in Chromium */
          font: ${fontSize}px/1.35 "DejaVu Sans Mono", "Tlwg Typist", monospace;
          width: ${opts.columns}ch; }
  #term div { min-height: 1.35em; }
</style></head><body>
<div id="window">
  <div id="bar"><i style="background:#ff5f56"></i><i style="background:#ffbd2e"></i><i style="background:#27c93f"></i><span>${escapeHtml(opts.title)}</span></div>
  <div id="term">${lines.map((l) => `<div>${l}</div>`).join('')}</div>
</div>
</body></html>`;
}
