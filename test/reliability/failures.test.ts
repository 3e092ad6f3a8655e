// Two kinds of failure, and the guards around the output folder: user errors
// exit 1 with a Spanish message; genuine bugs exit 2 with "error interno"
// and a report file; two builds never interleave.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { copyProject, runCli } from '../support/project.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

describe('failures', () => {
  it('reports a genuine bug as "error interno" with exit 2, the stack only in a report file', () => {
    const result = runCli(['check'], { env: { DOCCTL_SIMULAR_ERROR_INTERNO: '1' } });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/^error interno: error interno simulado/);
    expect(result.stderr).not.toMatch(STACK_LINE);
    const report = /Detalles en (\S+);/.exec(result.stderr)?.[1];
    expect(report && existsSync(report)).toBe(true);
    expect(readFileSync(report!, 'utf8')).toMatch(STACK_LINE);
  });

  it('reports a user error with exit 1 and no stack', () => {
    const result = runCli(['construir']);
    expect(result.status).toBe(1);
    // Every command by its Spanish name (cli/commands.ts lists them; helpers add more).
    expect(result.stderr).toMatch(/^docctl: comando desconocido "construir"; los comandos son nuevo, importar, generar, validar, version, aprobar, impacto, .*verificar, listado.* y [a-z]+ \(vea docctl --ayuda\)\n$/);
  });

  it('refuses an unknown option in Spanish', () => {
    const result = runCli(['build', '--sallida', 'x']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('opción no reconocida --sallida');
  });

  it('stops a second build while another holds the output folder', { timeout: 600_000 }, async () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    mkdirSync(output);
    // A live process that is not the build: this test's own sleeping child.
    const holder = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)']);
    try {
      writeFileSync(join(output, '.docctl.lock'), `${holder.pid}\n`);
      const result = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
      expect(result.status).toBe(1);
      expect(result.stderr).toContain(`otra ejecución de docctl (proceso ${holder.pid}) está escribiendo en`);
      expect(result.stderr).toMatch(/borre el candado a mano: rm "\S+\.docctl\.lock"/);
    } finally {
      holder.kill();
    }
  });

  it('takes over a lock left by a build that was killed', { timeout: 600_000 }, () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    mkdirSync(output);
    writeFileSync(join(output, '.docctl.lock'), '999999\n');
    const result = runCli(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.stderr).not.toContain('otra ejecución');
    expect(result.status).toBe(0);
    expect(existsSync(join(output, '.docctl.lock'))).toBe(false);
  });
});
