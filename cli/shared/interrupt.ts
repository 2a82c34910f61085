// Ctrl-C: the first stops the crawl gracefully (what was gathered is audited and written, marked
// incomplete); a second one exits at once after restoring the terminal.
export interface InterruptHandle {
  signal: AbortSignal;
  readonly interrupted: boolean;
  dispose(): void;
}

/** default notice: its own line on stderr, after the "^C" the terminal echoed */
function writeNotice(message: string): void {
  process.stderr.write(`\n${message}\n`);
}

/**
 * `notify` prints the "stopping" notice; a live terminal view passes its own, so the line does not
 * land in the middle of a frame that the next redraw would erase.
 */
export function installInterruptHandler(restoreTerminal: () => void, notify: (message: string) => void = writeNotice): InterruptHandle {
  const controller = new AbortController();
  let count = 0;
  const onSignal = (): void => {
    count++;
    if (count === 1) {
      notify('oit-audit: stopping — auditing what was gathered (Ctrl-C again to quit now)');
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
