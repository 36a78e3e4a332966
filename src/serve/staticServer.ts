/**
 * A minimal static file server for the built explorer (Node-only infrastructure: used by
 * `isacnet web` and `npm run web`; knows no domain). Serves `root` on
 * localhost with correct MIME types (ES-module workers need text/javascript), `index.html` for
 * directories, no caching, and refuses paths that leave the root.
 */
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';

const MIME: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.map': 'application/json; charset=utf-8',
};

export interface StaticServer {
  server: Server;
  url: string;
  port: number;
  close(): Promise<void>;
}

export async function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const base = path.resolve(root);
  const server = createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      let rel = decodeURIComponent(url.pathname);
      if (rel.endsWith('/')) rel += 'index.html';
      const file = path.resolve(base, `.${rel}`);
      if (file !== base && !file.startsWith(base + path.sep)) {
        res.writeHead(403).end('forbidden');
        return;
      }
      const st = await stat(file).catch(() => null);
      const target = st?.isDirectory() ? path.join(file, 'index.html') : file;
      const body = await readFile(target).catch(() => null);
      if (!body) {
        res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('not found');
        return;
      }
      res.writeHead(200, {
        'content-type': MIME[path.extname(target).toLowerCase()] ?? 'application/octet-stream',
        'cache-control': 'no-cache',
        'x-content-type-options': 'nosniff',
      });
      res.end(req.method === 'HEAD' ? undefined : body);
    } catch {
      res.writeHead(500).end('error');
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', (e: NodeJS.ErrnoException) => {
      // A busy port is the common case: say so and what to do (the shells name their --port flag).
      if (e.code === 'EADDRINUSE') reject(Object.assign(new Error(`port ${port} on ${host} is already in use (another server listens there); choose another port (0 picks a free one)`), { code: 'EADDRINUSE' }));
      else reject(e);
    });
    server.listen(port, host, () => resolve());
  });
  const actual = (server.address() as AddressInfo).port;
  return {
    server,
    port: actual,
    url: `http://${host}:${actual}/`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
