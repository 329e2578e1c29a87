import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css', '.js': 'text/javascript', '.json': 'application/json',
  '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml',
  '.wasm': 'application/wasm', '.pf_meta': 'application/octet-stream', '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream', '.pagefind': 'application/octet-stream',
};

/** Serves a built site from `root` under `base` (e.g. /xxgk/jxgk/) on 127.0.0.1, like a plain static host. */
export async function serveStatic(root: string, base = '/'): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  return serveSites([{ root, base }]);
}

/** Several sites on one host, each under its own path (a portal and its shards); the longest base wins. */
export async function serveSites(sites: { root: string; base: string }[]): Promise<{ url: string; server: Server; close(): Promise<void> }> {
  const byLength = [...sites].sort((a, b) => b.base.length - a.base.length);
  const server = createServer((req, res) => {
    const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
    const site = byLength.find((s) => path.startsWith(s.base));
    if (!site) {
      res.writeHead(404).end('not under base');
      return;
    }
    const { root, base } = site;
    let file = normalize(join(root, path.slice(base.length)));
    if (!file.startsWith(normalize(root))) {
      res.writeHead(403).end();
      return;
    }
    if (existsSync(file) && statSync(file).isDirectory()) file = join(file, 'index.html');
    if (!existsSync(file)) {
      res.writeHead(404, { 'content-type': TYPES['.html']! });
      createReadStream(join(root, '404.html')).pipe(res);
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
    createReadStream(file).pipe(res);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}${sites[0]!.base}`, server, close: () => new Promise((r) => server.close(() => r())) };
}
