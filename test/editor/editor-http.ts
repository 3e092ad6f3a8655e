// Requests to a running editor with every header under the test's control
// (fetch would not let a test send a foreign Host), and the session token read
// from a page as the browser reads it.
import { request } from 'node:http';

export interface Reply {
  readonly status: number;
  readonly body: string;
  readonly headers: Record<string, string | string[] | undefined>;
}

export function send(port: number, method: string, path: string, headers: Record<string, string> = {}, body?: string | Buffer): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, headers: { host: `127.0.0.1:${port}`, ...headers } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }));
    });
    req.on('error', reject);
    if (body !== undefined) req.write(body);
    req.end();
  });
}

export async function sessionToken(port: number): Promise<string> {
  const page = await send(port, 'GET', '/');
  const token = /<meta name="docctl-token" content="([^"]+)">/.exec(page.body)?.[1];
  if (!token) throw new Error('the list page carries no session token');
  return token;
}

export const postJson = (port: number, path: string, token: string | undefined, value: unknown, headers: Record<string, string> = {}) =>
  send(port, 'POST', path, { 'content-type': 'application/json', ...(token === undefined ? {} : { 'x-docctl-token': token }), ...headers }, JSON.stringify(value));
