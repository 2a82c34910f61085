// How to open a URL on this platform. The UI only prints the command: it never starts a
// browser itself (the URL comes from a crawled site).
import { sanitizeForTerminal } from './width.ts';

export function openCommand(url: string, platform: NodeJS.Platform = process.platform): string {
  const clean = sanitizeForTerminal(url);
  if (platform === 'win32') return `start "" "${clean.replace(/"/g, '%22')}"`;
  const quoted = `'${clean.replace(/'/g, `'\\''`)}'`;
  return platform === 'darwin' ? `open ${quoted}` : `xdg-open ${quoted}`;
}
