// Chromium flags for a headless, quiet browser on a closed network. Without the
// background-networking flags Chromium keeps trying to reach Google hosts (DEPENDENCIES §2); as root
// it needs --no-sandbox. playwright's chromium.launch() already gives every launch a fresh
// temporary user-data-dir and removes it on close, so no --user-data-dir flag here.
export const CHROMIUM_ARGS: readonly string[] = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--no-default-browser-check',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-default-apps',
  '--disable-extensions',
  '--disable-breakpad',
  '--disable-domain-reliability',
  '--metrics-recording-only',
  '--mute-audio',
  '--disable-dev-shm-usage',
];

/** "Chromium 156.0.8078.79" or "Chrome 131.0…" from the executable path and browser.version() */
export function browserLabel(executablePath: string, version: string): string {
  const name = /chromium/i.test(executablePath) ? 'Chromium' : /chrome/i.test(executablePath) ? 'Chrome' : 'Chromium';
  return `${name} ${version}`;
}
