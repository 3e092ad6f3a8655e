// docctl editor: serves the editor on 127.0.0.1 only (never on the network),
// on a free port unless --puerto says one, prints its address, opens the
// browser only with --abrir, and stops cleanly on Ctrl+C or SIGTERM (open
// connections are closed; nothing is being written between requests).
import { spawn } from 'node:child_process';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { UserError } from '../errors.js';
import { editorApp } from './app.js';
import { newSessionToken } from './guard.js';
import { Workspace, type EditorPaths } from './workspace.js';

export const EDITOR_HOST = '127.0.0.1';

export interface RunningEditor {
  readonly url: string;
  readonly port: number;
  /** Stops listening and closes open connections. */
  close(): Promise<void>;
}

/** Starts the server; the caller decides when to stop it (tests) or waits for a signal (the command). */
export async function startEditor(paths: EditorPaths, port = 0): Promise<RunningEditor> {
  const token = newSessionToken();
  let boundPort = port;
  const app = editorApp(new Workspace(paths), token, () => boundPort);
  const server: ServerType = await new Promise((resolve, reject) => {
    const created = serve({ fetch: app.fetch, hostname: EDITOR_HOST, port }, () => resolve(created));
    created.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new UserError(`--puerto: el puerto ${port} ya está en uso; elija otro o no indique --puerto para usar uno libre`) : error),
    );
  });
  boundPort = (server.address() as AddressInfo).port;
  return {
    url: `http://${EDITOR_HOST}:${boundPort}/`,
    port: boundPort,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        if ('closeAllConnections' in server) server.closeAllConnections();
      }),
  };
}

function openBrowser(url: string): void {
  const command = process.platform === 'darwin' ? 'open' : process.platform === 'win32' ? 'explorer' : 'xdg-open';
  const child = spawn(command, [url], { stdio: 'ignore', detached: true });
  child.on('error', () => process.stderr.write(`No se pudo abrir el navegador (${command}); abra ${url} a mano.\n`));
  child.unref();
}

export function parsePort(value: string | undefined): number {
  if (value === undefined) return 0;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65535) throw new UserError(`--puerto: «${value}» no es un puerto; use un número entre 1 y 65535, p. ej. --puerto 8080`);
  return port;
}

/** The command: runs until Ctrl+C or SIGTERM. */
export async function runEditor(paths: EditorPaths, options: { readonly port?: string | undefined; readonly open?: boolean | undefined }): Promise<number> {
  const editor = await startEditor(paths, parsePort(options.port));
  process.stdout.write(`Editor de docctl en ${editor.url}\nSolo se puede abrir desde este computador. Para detenerlo: Ctrl+C.\n`);
  if (options.open) openBrowser(editor.url);
  await new Promise<void>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      process.stdout.write('Deteniendo el editor…\n');
      void editor.close().then(resolve);
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  process.stdout.write('Editor detenido.\n');
  return 0;
}
