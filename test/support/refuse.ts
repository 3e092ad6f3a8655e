// A refused run changes nothing: check and build both exit 1 with a Spanish
// message and no stack trace, output/ keeps exactly what it had, and data/
// is byte-identical — every file, folder and link as it was. Both commands
// run at once (the machine is shared; they do not write anything to share).
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { REPO, type CliResult } from './project.js';

export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs the real CLI without blocking the test's thread; a run that hangs is killed after `timeoutMs`. */
export function runCliAsync(args: readonly string[], timeoutMs = 300_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli.ts'), ...args], { cwd: REPO });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr });
    });
  });
}

/** Every entry below `dir`, never followed: kind, and the bytes of regular files or the target of links. */
export function snapshotTree(dir: string): Map<string, string> {
  const entries = new Map<string, string>();
  const walk = (folder: string, prefix: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      const key = `${prefix}${name}`;
      const stats = lstatSync(path);
      if (stats.isSymbolicLink()) entries.set(key, `enlace → ${readlinkSync(path)}`);
      else if (stats.isDirectory()) {
        entries.set(key, 'carpeta');
        walk(path, `${key}/`);
      } else if (stats.isFile()) entries.set(key, createHash('sha256').update(readFileSync(path)).digest('hex'));
      else entries.set(key, `especial ${stats.mode.toString(8)}`);
    }
  };
  walk(dir, '');
  return entries;
}

/** Runs check and build on a broken copy; both must refuse and change nothing. Returns check's messages. */
export async function refuse(dir: string): Promise<string> {
  const data = join(dir, 'data');
  const output = join(dir, 'output');
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, 'anterior.txt'), 'lo que ya estaba');
  const before = snapshotTree(data);
  const [check, build] = await Promise.all([runCliAsync(['check', '--datos', data]), runCliAsync(['build', '--datos', data, '--salida', output])]);
  for (const result of [check, build]) {
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toContain('error interno');
  }
  expect(readdirSync(output)).toEqual(['anterior.txt']);
  expect(snapshotTree(data)).toEqual(before);
  return check.stderr;
}
