// `npm run demo`: serve the bundled demo agency site (an อบต.) on 127.0.0.1 and scan it.
// No internet needed: every resource the scan fetches is on the loopback server.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { startStaticSiteServer } from '../src/devserver/static-site-server.ts';

const root = fileURLToPath(new URL('..', import.meta.url));
const site = join(root, 'tests', 'fixtures', 'sites', 'demo-abt');
const server = await startStaticSiteServer({ root: site });
process.stderr.write(`demo: serving the demo อบต. website at ${server.url}\n`);

const args = [
  join(root, 'cli', 'bin.mjs'),
  'scan',
  server.url,
  '--checklist', 'ita-2566',
  '--fiscal-year', '2566',
  '--out', join('reports', 'demo'),
  '--db', join('reports', 'demo-history.json'),
  ...process.argv.slice(2),
];
const child = spawn(process.execPath, args, { stdio: 'inherit' });
// the child handles Ctrl-C itself (partial reports); the parent only keeps the server up until it ends
process.on('SIGINT', () => {});
child.on('exit', async (code, signal) => {
  await server.close();
  process.exit(code ?? (signal ? 130 : 1));
});
