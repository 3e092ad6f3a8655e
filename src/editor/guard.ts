// The editor's defences, applied before any route runs. The editor listens on
// loopback only, but a web page the user has open elsewhere can still make
// the browser send requests to it: a page whose domain resolves to 127.0.0.1
// (DNS rebinding) is caught by the Host check, a cross-site form or fetch by
// the Origin check and the per-session token every state-changing request
// must carry (CSRF). Paths that reach the disk are resolved and refused when
// they leave the data folder, by ".." or by a symbolic link.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { existsSync, lstatSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';

/** The header that carries the session token on every request that changes something. */
export const TOKEN_HEADER = 'x-docctl-token';

/** A draft's JSON and its Markdown files together are far smaller; more is a mistake or an attack. */
export const MAX_BODY_BYTES = 2 * 1024 * 1024;

export const newSessionToken = (): string => randomBytes(32).toString('base64url');

/** "127.0.0.1:PORT" and "localhost:PORT": the only names the editor answers to. */
export const allowedHosts = (port: number): readonly string[] => [`127.0.0.1:${port}`, `localhost:${port}`];

function sameToken(given: string | undefined, token: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);

/** Host, Origin and token, in that order; each refusal says what was wrong in Spanish. */
export function requestGuard(port: () => number, token: string): MiddlewareHandler {
  return async (c, next) => {
    const hosts = allowedHosts(port());
    const host = c.req.header('host');
    if (host === undefined || !hosts.includes(host)) {
      return c.text(`Solicitud rechazada: el editor de docctl solo responde en http://${hosts[0]} (llegó para «${host ?? '(sin Host)'}»).`, 421);
    }
    const origin = c.req.header('origin');
    if (origin !== undefined && !hosts.some((h) => origin === `http://${h}`)) {
      return c.text(`Solicitud rechazada: viene de otra página (${origin}); el editor solo acepta solicitudes de sus propias pantallas.`, 403);
    }
    if (!SAFE_METHODS.has(c.req.method)) {
      if (!sameToken(c.req.header(TOKEN_HEADER), token)) {
        return c.text('Solicitud rechazada: falta la clave de la sesión o no es la de esta sesión del editor. Vuelva a cargar la página.', 403);
      }
      const type = c.req.header('content-type') ?? '';
      if (!type.startsWith('application/json')) {
        return c.text(`Solicitud rechazada: el editor solo acepta datos JSON (llegó «${type || 'sin tipo'}»).`, 415);
      }
    }
    await next();
  };
}

export const sizeGuard = (): MiddlewareHandler =>
  bodyLimit({
    maxSize: MAX_BODY_BYTES,
    onError: (c) => c.text(`Solicitud rechazada: lo enviado pasa de ${MAX_BODY_BYTES / (1024 * 1024)} MB, el límite del editor.`, 413),
  });

/** What a path given by the browser may not be; the message says why. */
export class PathRefused extends Error {}

/**
 * `relativePath` (forward slashes, relative to `base`) resolved inside
 * `dataDir`, or PathRefused: no absolute paths, no "..", no symbolic link on
 * the way, and once real paths are taken it is still inside the data folder.
 */
export function resolveInsideData(dataDir: string, base: string, relativePath: string): string {
  if (relativePath === '' || relativePath.includes('\0')) throw new PathRefused(`la ruta «${relativePath}» está vacía o no es válida`);
  if (isAbsolute(relativePath) || /^[a-zA-Z]:/.test(relativePath)) throw new PathRefused(`la ruta «${relativePath}» es absoluta; debe ser relativa a la carpeta de datos`);
  if (relativePath.split(/[\\/]/).includes('..')) throw new PathRefused(`la ruta «${relativePath}» sale de su carpeta con «..»`);
  const root = realpathSync(dataDir);
  const target = resolve(base, relativePath);
  const inside = (path: string) => {
    const rel = relative(root, path);
    return rel !== '' && !rel.startsWith('..') && !isAbsolute(rel);
  };
  // Every existing step from the data folder down must be a real folder or file, not a link.
  const steps = relative(resolve(dataDir), target).split(sep);
  let walked = resolve(dataDir);
  for (const step of steps) {
    walked = join(walked, step);
    if (!existsSync(walked)) break;
    if (lstatSync(walked).isSymbolicLink()) throw new PathRefused(`la ruta «${relativePath}» pasa por un enlace simbólico; el editor no sigue enlaces`);
  }
  const existing = existsSync(target) ? target : dirname(target);
  const real = existsSync(existing) ? join(realpathSync(existing), existing === target ? '' : relative(existing, target)) : target;
  if (!inside(real)) throw new PathRefused(`la ruta «${relativePath}» queda fuera de la carpeta de datos`);
  return target;
}
