// A real HTTP server on 127.0.0.1 for the demo, tests and benchmarks: serves a fixture site folder and/or
// programmatic routes. Start it on port 0 in beforeAll; never touches anything but loopback.
//
// A site folder may hold `_server.json` to shape how it is served:
//   { "charset": null | "tis-620" | "utf-8",  // charset in Content-Type of .html (null: none sent)
//     "soft404": true,                        // unknown paths answer 200 with the home page
//     "headers": { "/path": { "x-header": "v" } },
//     "status": { "/path": 503 } }            // fixed status for a path
import { createServer, type IncomingMessage, type ServerResponse, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { existsSync, readFileSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';

export type RouteHandler = (req: IncomingMessage, res: ServerResponse) => void | Promise<void>;

export interface StaticSiteServerOptions {
  /** folder served as the site root */
  root?: string;
  /** exact-path routes, checked before files; a key ending in * matches a prefix */
  routes?: Record<string, RouteHandler>;
  /** added latency per response, in ms */
  latencyMs?: number;
  port?: number;
}

export interface StaticSiteServer {
  /** e.g. http://127.0.0.1:41234/ */
  url: string;
  origin: string;
  port: number;
  /** request count per path */
  hits: Map<string, number>;
  close(): Promise<void>;
}

interface SiteServerConfig {
  charset?: string | null;
  soft404?: boolean;
  headers?: Record<string, Record<string, string>>;
  status?: Record<string, number>;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.htm': 'text/html',
  '.css': 'text/css',
  '.js': 'application/javascript',
  '.json': 'application/json',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml',
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.svg': 'image/svg+xml',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

function loadConfig(root: string | undefined): SiteServerConfig {
  if (!root) return {};
  const file = join(root, '_server.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as SiteServerConfig) : {};
}

export async function startStaticSiteServer(options: StaticSiteServerOptions = {}): Promise<StaticSiteServer> {
  const config = loadConfig(options.root);
  const hits = new Map<string, number>();
  const routes = Object.entries(options.routes ?? {});

  const serveFile = async (pathname: string, res: ServerResponse): Promise<boolean> => {
    if (!options.root) return false;
    let rel: string;
    try {
      rel = decodeURIComponent(pathname);
    } catch {
      return false;
    }
    const file = normalize(join(options.root, rel));
    if (!file.startsWith(normalize(options.root) + sep) && file !== normalize(options.root)) return false;
    let target = file;
    try {
      const s = await stat(target);
      if (s.isDirectory()) target = join(target, 'index.html');
      await stat(target);
    } catch {
      return false;
    }
    if (target.endsWith('_server.json') || target.endsWith('labels.yaml')) return false;
    const ext = extname(target).toLowerCase();
    let type = TYPES[ext] ?? 'application/octet-stream';
    if (type === 'text/html') {
      const charset = config.charset === undefined ? 'utf-8' : config.charset;
      if (charset) type += `; charset=${charset}`;
    }
    const body = await readFile(target);
    res.writeHead(config.status?.[pathname] ?? 200, { 'content-type': type, 'content-length': body.length, ...(config.headers?.[pathname] ?? {}) });
    res.end(body);
    return true;
  };

  const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
    hits.set(pathname, (hits.get(pathname) ?? 0) + 1);
    if (options.latencyMs) await new Promise((r) => setTimeout(r, options.latencyMs));
    for (const [key, route] of routes) {
      if (key === pathname || (key.endsWith('*') && pathname.startsWith(key.slice(0, -1)))) {
        await route(req, res);
        return;
      }
    }
    if (config.status?.[pathname] && !options.root) {
      res.writeHead(config.status[pathname]!).end();
      return;
    }
    if (await serveFile(pathname, res)) return;
    if (config.soft404 && (await serveFile('/', res))) return;
    res.writeHead(404, { 'content-type': 'text/html; charset=utf-8' });
    res.end('<html><head><title>404 Not Found</title></head><body><h1>ไม่พบหน้าที่ต้องการ</h1></body></html>');
  };

  const server: Server = createServer((req, res) => {
    handler(req, res).catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/`,
    origin,
    port,
    hits,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
