// `docctl editor` as a person starts it: the real CLI prints its address on
// 127.0.0.1, serves the list, and stops cleanly (exit 0) on SIGTERM, as on
// Ctrl+C. A bad --puerto is a user error, not a stack trace.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePort } from '../../src/editor/server.js';
import { UserError } from '../../src/errors.js';
import { CLI, copyProject, MINIMAL } from '../support/project.js';

describe('docctl editor (the command)', () => {
  it('prints its address on 127.0.0.1, serves the list and stops cleanly on SIGTERM', async () => {
    const dir = copyProject(MINIMAL);
    const child = spawn(process.execPath, [...CLI, 'editor', '--datos', join(dir, 'data')], { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    await expect.poll(() => stdout, { timeout: 60_000, interval: 200 }).toMatch(/Editor de docctl en http:\/\/127\.0\.0\.1:\d+\//);
    const url = /http:\/\/127\.0\.0\.1:\d+\//.exec(stdout)![0];
    const list = await fetch(url);
    expect(list.status).toBe(200);
    expect(await list.text()).toContain('GC-P-001');
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(stdout).toContain('Editor detenido.');
    expect(stderr).toBe('');
  }, 90_000);

  it('takes --puerto as a port number and refuses anything else in Spanish', () => {
    expect(parsePort(undefined)).toBe(0);
    expect(parsePort('8080')).toBe(8080);
    for (const bad of ['0', '65536', '80a', '-1', '']) expect(() => parsePort(bad), bad).toThrow(UserError);
    expect(() => parsePort('abc')).toThrow(/«abc» no es un puerto; use un número entre 1 y 65535/);
  });
});
