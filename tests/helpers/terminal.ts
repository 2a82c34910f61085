// Driving the real CLI in tmux: quoting a command line and waiting for a screen to show something.

/** one POSIX-shell word per argument */
export function shellQuote(args: readonly string[]): string {
  return args.map((a) => `'${a.replace(/'/g, `'\\''`)}'`).join(' ');
}

/** poll `capture()` until it matches `re`, or fail with the last screen in the message */
export async function waitForScreen(capture: () => string, re: RegExp, timeoutMs: number, pollMs = 200): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const screen = capture();
    if (re.test(screen)) return screen;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${re}; screen:\n${screen}`);
    await new Promise((r) => setTimeout(r, pollMs));
  }
}
