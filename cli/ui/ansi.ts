// Minimal SGR colouring for the plain-text output (Ink colours its own output).
const CODES: Record<string, [number, number]> = {
  green: [32, 39],
  yellow: [33, 39],
  red: [31, 39],
  cyan: [36, 39],
  gray: [90, 39],
  bold: [1, 22],
  dim: [2, 22],
};

export function paint(text: string, style: string, enabled: boolean): string {
  const code = CODES[style];
  if (!enabled || !code || text === '') return text;
  return `\u001b[${code[0]}m${text}\u001b[${code[1]}m`;
}

/** colour is on unless NO_COLOR is set (any value), or the stream is not a terminal and FORCE_COLOR is not set */
export function colorEnabled(env: NodeJS.ProcessEnv, stream: { isTTY?: boolean } | undefined): boolean {
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  if (env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false') return true;
  return Boolean(stream?.isTTY);
}
