// Ctrl-C: the first stops the crawl gracefully (what was gathered is audited and written, marked
// incomplete); a second one exits at once after restoring the terminal.
export interface InterruptHandle {
  signal: AbortSignal;
  readonly interrupted: boolean;
  dispose(): void;
}

export function installInterruptHandler(restoreTerminal: () => void): InterruptHandle {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (): void => {
    count++;
    if (count === 1) {
      process.stderr.write('\noit-audit: stopping — auditing what was gathered (Ctrl-C again to quit now)\n');
      controller.abort();
    } else {
      restoreTerminal();
      process.exit(130);
    }
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  return {
    signal: controller.signal,
    get interrupted() {
      return count > 0;
    },
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}
