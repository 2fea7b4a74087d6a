/**
 * A tiny static file server on node:http, for the browser example and its test (loopback by default).
 */
import { once } from 'node:events';
import { readFile } from 'node:fs/promises';
import { type Server, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, sep } from 'node:path';

/** Content types of the files the example ships. */
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};

/** A running static server: its base URL (ending in `/`) and how to stop it. */
export interface StaticServer {
  readonly url: string;
  close(): Promise<void>;
}

/** The file under `root` a request path names (`/` → `index.html`), or `undefined` if it would escape `root`. */
export function fileFor(root: string, pathname: string): string | undefined {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^[/\\]+/, '') || 'index.html';
  if (relative.split(/[/\\]/).includes('..')) return undefined;
  const file = join(root, relative);
  return file.startsWith(root.endsWith(sep) ? root : root + sep) ? file : undefined;
}

/**
 * Serves the files of `root` on `host:port` (default 127.0.0.1 and a free port): 200 with the file, 404
 * otherwise; GET and HEAD only (405).
 *
 * @example
 * const site = await serveStatic('/tmp/onebot-rx-browser-example'); console.log(site.url); await site.close();
 */
export async function serveStatic(root: string, port = 0, host = '127.0.0.1'): Promise<StaticServer> {
  const server: Server = createServer((request, response) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      response.writeHead(405).end();
      return;
    }
    const file = fileFor(root, new URL(request.url ?? '/', 'http://localhost').pathname);
    if (file === undefined) {
      response.writeHead(404).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, { 'Content-Type': CONTENT_TYPES[extname(file)] ?? 'application/octet-stream' });
        response.end(request.method === 'HEAD' ? undefined : body);
      },
      () => response.writeHead(404).end(),
    );
  });
  server.listen(port, host);
  await once(server, 'listening');
  const { port: bound } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${bound}/`,
    close: async () => {
      server.closeAllConnections();
      server.close();
      await once(server, 'close');
    },
  };
}
