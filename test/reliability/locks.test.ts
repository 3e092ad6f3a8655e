// The output folder and its lock (issue 16, item 11): what is not a folder
// or not a file where docctl expects one is a user error; a lock records
// host, PID and the process's start time, so a PID now used by another
// program is a stale lock; a stale lock is taken over by exactly one of the
// builds racing for it; every lock message says how to clear it by hand.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { acquireBuildLock, parseLock, processStartTicks } from '../../src/publish/build-lock.js';
import { LOCK_FILE } from '../../src/publish/output-paths.js';
import { copyProject, REPO } from '../support/project.js';
import { runCliAsync, STACK_LINE } from '../support/refuse.js';

const SLOW = { timeout: 900_000 };

function sleeper(): ChildProcess {
  return spawn(process.execPath, ['-e', 'setTimeout(() => {}, 600000)']);
}

function freshOutput(): string {
  const output = join(mkdtempSync(join(tmpdir(), 'docctl-candado-')), 'output');
  mkdirSync(output);
  return output;
}

function expectUserError(run: () => unknown, message: RegExp): void {
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect((thrown as UserError).message).toMatch(message);
}

describe('the lock file', () => {
  it('records host, PID and the start time of the process (field 22 of /proc/<pid>/stat)', () => {
    const output = freshOutput();
    const release = acquireBuildLock(output);
    const owner = parseLock(readFileSync(join(output, LOCK_FILE), 'utf8'));
    expect(owner).toMatchObject({ pid: process.pid, equipo: hostname(), inicioProceso: processStartTicks(process.pid) });
    expect(owner?.inicioProceso).toMatch(/^\d+$/);
    release();
    expect(readdirSync(output)).toEqual([]);
  });

  it('stands while its process runs, and the message says how to clear it by hand', () => {
    const output = freshOutput();
    const holder = sleeper();
    try {
      const owner = { pid: holder.pid, equipo: hostname(), inicioProceso: processStartTicks(holder.pid!), creado: '2026-01-01T00:00:00.000Z' };
      writeFileSync(join(output, LOCK_FILE), JSON.stringify(owner));
      expectUserError(
        () => acquireBuildLock(output),
        new RegExp(`otra ejecución de docctl \\(proceso ${holder.pid}\\) está escribiendo en \\S+ \\(desde 2026-01-01T00:00:00.000Z\\); espere a que termine y vuelva a intentarlo, o, si está seguro de que ninguna ejecución de docctl está en curso, borre el candado a mano: rm "\\S+/\\.docctl\\.lock"`),
      );
    } finally {
      holder.kill();
    }
  });

  it('is stale when its PID now belongs to a process started later (another start time)', () => {
    const output = freshOutput();
    const holder = sleeper();
    try {
      writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: holder.pid, equipo: hostname(), inicioProceso: '1' }));
      const release = acquireBuildLock(output);
      expect(parseLock(readFileSync(join(output, LOCK_FILE), 'utf8'))?.pid).toBe(process.pid);
      release();
    } finally {
      holder.kill();
    }
  });

  it('of an older docctl (a bare PID) is stale when that PID started after the lock was written', () => {
    const output = freshOutput();
    const holder = sleeper();
    try {
      const lock = join(output, LOCK_FILE);
      writeFileSync(lock, `${holder.pid}\n`);
      const anHourAgo = new Date(Date.now() - 3_600_000);
      utimesSync(lock, anHourAgo, anHourAgo);
      acquireBuildLock(output)();
    } finally {
      holder.kill();
    }
  });

  it('whose content is not a lock (garbage) is taken over', () => {
    const output = freshOutput();
    writeFileSync(join(output, LOCK_FILE), 'basura\u0000');
    acquireBuildLock(output)();
    expect(existsSync(join(output, LOCK_FILE))).toBe(false);
  });

  it('that is a symbolic link is not followed, and the message says what to remove', () => {
    const output = freshOutput();
    symlinkSync('/etc/passwd', join(output, LOCK_FILE));
    expectUserError(() => acquireBuildLock(output), /el candado \S+\.docctl\.lock no es un archivo normal \(es un enlace simbólico\); si está seguro de que ninguna ejecución de docctl está en curso, borre el candado a mano: rm "/);
  });

  it('from another host is reported with that host, not judged from here', SLOW, async () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    mkdirSync(output);
    writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: 1, equipo: 'servidor-calidad', inicioProceso: '42', creado: '2026-11-29T20:00:00.000Z' }));
    const result = await runCliAsync(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(
      /el candado \S+\.docctl\.lock lo tomó docctl en otro equipo, «servidor-calidad» \(proceso 1, desde 2026-11-29T20:00:00\.000Z\), y desde este no se puede saber si esa ejecución sigue en curso; espere a que termine, o si está seguro de que ninguna ejecución de docctl está en curso, borre el candado a mano: rm "/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });

  it('that is a folder is a user error saying how to remove it', SLOW, async () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    mkdirSync(join(output, LOCK_FILE), { recursive: true });
    const result = await runCliAsync(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^docctl: el candado \S+\.docctl\.lock es una carpeta, no un archivo; si ninguna ejecución de docctl está en curso, bórrela a mano: rm -r "\S+\.docctl\.lock"$/m);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(readdirSync(output)).toEqual([LOCK_FILE]);
  });

  it('left stale is taken over by exactly one of six processes racing for it', SLOW, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'docctl-carrera-'));
    const output = join(dir, 'output');
    mkdirSync(output);
    writeFileSync(join(output, LOCK_FILE), JSON.stringify({ pid: 999_999, equipo: hostname(), inicioProceso: '1' }));
    const racers = Array.from({ length: 6 }, (_, id) => {
      const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'test', 'support', 'lock-racer.ts'), dir, String(id)], { cwd: REPO });
      let stdout = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      return new Promise<string>((resolve) => child.on('close', () => resolve(stdout)));
    });
    // Start them together once every one is ready.
    while (readdirSync(dir).filter((name) => name.startsWith('listo-')).length < 6) await new Promise((resolve) => setTimeout(resolve, 50));
    writeFileSync(join(dir, 'ya'), '');
    const outcomes = await Promise.all(racers);
    const winners = outcomes.filter((out) => out.startsWith('tomado '));
    expect(winners, outcomes.join('')).toHaveLength(1);
    const winner = /tomado (\d+)/.exec(winners[0]!)![1];
    for (const out of outcomes.filter((o) => !o.startsWith('tomado '))) expect(out).toContain(`ocupado: otra ejecución de docctl (proceso ${winner}) está escribiendo en`);
    expect(readdirSync(output)).toEqual([]);
  });
});

describe('an output folder that is not a folder, and files that are folders', () => {
  it('"output" being a file', SLOW, async () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    writeFileSync(output, 'soy un archivo');
    const result = await runCliAsync(['build', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^docctl: la carpeta de salida \S+output es un archivo, no una carpeta; muévalo o bórrelo, o indique otra carpeta con --salida$/m);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(readFileSync(output, 'utf8')).toBe('soy un archivo');
  });

  it('the listado maestro\'s file being a folder', SLOW, async () => {
    const dir = copyProject();
    const output = join(dir, 'output');
    mkdirSync(join(output, 'listado-maestro.csv'), { recursive: true });
    const result = await runCliAsync(['listado', '--datos', join(dir, 'data'), '--salida', output]);
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).toMatch(/^docctl: no se pudo escribir \S+listado-maestro\.csv: hay una carpeta donde debería haber un archivo \(EISDIR\); no quedó ningún archivo a medias$/m);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
