// A static file server on 127.0.0.1 (random port) for browser tests: serves
// a folder as a web server would, so relative links are tested for real.
import { createServer, type Server } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, sep } from 'node:path';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.pdf': 'application/pdf',
  '.svg': 'image/svg+xml',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

export interface StaticServer {
  readonly url: string;
  /** Every path requested, with its status. */
  readonly log: { path: string; status: number }[];
  close(): Promise<void>;
}

export async function serveFolder(root: string, mount = '/'): Promise<StaticServer> {
  const log: { path: string; status: number }[] = [];
  const server: Server = createServer((request, response) => {
    void (async () => {
      const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
      let status = 404;
      let body: Buffer | string = 'no encontrado';
      let type = 'text/plain; charset=utf-8';
      if (path.startsWith(mount)) {
        let file = normalize(join(root, path.slice(mount.length)));
        if (file === root || file.startsWith(root + sep)) {
          try {
            if ((await stat(file)).isDirectory()) file = join(file, 'index.html');
            body = await readFile(file);
            status = 200;
            type = TYPES[extname(file)] ?? 'application/octet-stream';
          } catch {
            status = 404;
          }
        }
      }
      log.push({ path, status });
      response.writeHead(status, { 'content-type': type });
      response.end(body);
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (!address || typeof address === 'string') throw new Error('no address');
  return {
    url: `http://127.0.0.1:${address.port}${mount}`,
    log,
    close: () => new Promise<void>((resolve, reject) => server.close((error) => (error ? reject(error) : resolve()))),
  };
}
