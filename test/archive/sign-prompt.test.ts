// docctl firmar asks for the certificate's password on the terminal when
// DOCCTL_CLAVE_CERTIFICADO is not set, without echoing it. A real terminal:
// util-linux `script` gives the CLI a pseudo-terminal; the password is typed
// only after the prompt shows, as a person would.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { makePki, P12_PASSWORD, type Pki } from '../support/pki.js';
import { CLI, copyProject, SEEDS } from '../support/project.js';

const CODE = 'GD-M-004';
const VERSION_DIR = ['secretaria-educacion-ejemplo', 'archivo', CODE, 'v5'];

let pki: Pki;
let data: string;
let certificate: string;

beforeAll(() => {
  pki = makePki();
  data = join(copyProject(SEEDS), 'data');
  certificate = pki.signer('Diana Marcela Ríos', 'elaboro.p12');
}, 120_000);

/** Runs `docctl firmar` on a pseudo-terminal, types `keys` once the prompt shows, and returns what the terminal showed. */
function signOnTerminal(keys: string): Promise<{ status: number | null; screen: string }> {
  const command = [process.execPath, ...CLI, 'firmar', CODE, '--rol', 'elaboro', '--certificado', certificate, '--datos', data]
    .map((word) => `'${word.replaceAll("'", "'\\''")}'`)
    .join(' ');
  const environment = { ...process.env };
  delete environment.DOCCTL_CLAVE_CERTIFICADO;
  const child = spawn('script', ['--quiet', '--return', '--command', command, '/dev/null'], { env: environment, stdio: ['pipe', 'pipe', 'pipe'] });
  let screen = '';
  let typed = false;
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`no prompt within 90 s; the terminal showed:\n${screen}`));
    }, 90_000);
    child.stdout.on('data', (chunk: Buffer) => {
      screen += chunk.toString('utf8');
      // A moment after the prompt, so the CLI has switched the terminal to raw mode.
      if (!typed && screen.includes('Contraseña de')) {
        typed = true;
        setTimeout(() => child.stdin.write(keys), 300);
      }
    });
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, screen });
    });
  });
}

describe('docctl firmar on a terminal, without DOCCTL_CLAVE_CERTIFICADO', () => {
  it('Ctrl+C at the prompt cancels: exit 1, "firma cancelada", nothing signed', async () => {
    const { status, screen } = await signOnTerminal('clave\u0003');
    expect(screen).toContain(`Contraseña de ${certificate}: `);
    expect(screen).toContain('firma cancelada; nada se escribió');
    expect(status).toBe(1);
    expect(existsSync(join(data, ...VERSION_DIR, `${CODE}-v5-firma-1-elaboro.pdf`))).toBe(false);
  }, 120_000);

  it('asks for the password without showing it, then signs (backspace corrects a typo)', async () => {
    const { status, screen } = await signOnTerminal(`${P12_PASSWORD}x\u007f\r`);
    expect(screen).toContain(`Contraseña de ${certificate}: `);
    expect(screen).not.toContain(P12_PASSWORD);
    expect(screen).toMatch(/firmó Elaboró \(Diana Marcela Ríos/);
    expect(status).toBe(0);
    expect(existsSync(join(data, ...VERSION_DIR, `${CODE}-v5-firma-1-elaboro.pdf`))).toBe(true);
  }, 120_000);
});
