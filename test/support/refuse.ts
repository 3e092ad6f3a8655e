// A refused run changes nothing: check and build both exit 1 with a Spanish
// message and no stack trace, output/ keeps exactly what it had, and data/
// is byte-identical — every file, folder and link as it was.
// `refuse` runs the real CLI, both commands at once (they write nothing to
// share): for what is about processes — an input that could block or exhaust
// one (a FIFO, a device, a decompression bomb) must be refused by a run that
// ends — and to prove the exit code end to end. `refuseInProcess` calls the
// same two commands in this process, as cli.ts does, for a refusal that is
// about the rule and its message: the same code, without two processes.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';
import { findCommand } from '../../src/cli/commands.js';
import { resolveOptions } from '../../src/commands/options.js';
import { printProblems } from '../../src/commands/report.js';
import { todayInColombia } from '../../src/dates.js';
import { UserError } from '../../src/errors.js';
import { CLI, REPO, type CliResult } from './project.js';

export const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;

/** Runs the real CLI without blocking the test's thread; a run that hangs is killed after `timeoutMs`. */
export function runCliAsync(args: readonly string[], timeoutMs = 300_000): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [...CLI, ...args], { cwd: REPO });
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

/**
 * `docctl <name> --datos <data> [--salida <output>]` in this process: the command's entry in
 * cli/commands.ts run as cli.ts runs it, its stdout and stderr kept, a user error written and
 * given exit 1 as cli.ts does. Any other error is not caught: the test fails on it, as the CLI
 * would report an internal error (exit 2).
 */
export async function runCommandInProcess(name: 'check' | 'build', data: string, output?: string): Promise<CliResult> {
  const command = findCommand(name)!;
  const options = { ...resolveOptions({ datos: data, salida: output }), today: todayInColombia(), force: false, threads: undefined };
  let stdout = '';
  let stderr = '';
  const [writeOut, writeErr] = [process.stdout.write, process.stderr.write];
  process.stdout.write = (chunk: string | Uint8Array) => ((stdout += String(chunk)), true);
  process.stderr.write = (chunk: string | Uint8Array) => ((stderr += String(chunk)), true);
  try {
    const status = await command.run({ options, values: {}, args: [], entity: undefined });
    return { status, stdout, stderr };
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    stderr += `docctl: ${error.message}\n`;
    printProblems(error.problems, (line) => (stderr += `${line}\n`));
    return { status: 1, stdout, stderr };
  } finally {
    process.stdout.write = writeOut;
    process.stderr.write = writeErr;
  }
}

/** Runs check and build on a broken copy (the real CLI); both must refuse and change nothing. Returns check's messages. */
export async function refuse(dir: string): Promise<string> {
  return refuseWith(dir, (data, output) => Promise.all([runCliAsync(['check', '--datos', data]), runCliAsync(['build', '--datos', data, '--salida', output])]));
}

/** As `refuse`, with check and build called in this process, one after the other. Not for describe.concurrent: it captures this process's output. */
export async function refuseInProcess(dir: string): Promise<string> {
  return refuseWith(dir, async (data, output) => [await runCommandInProcess('check', data), await runCommandInProcess('build', data, output)]);
}

async function refuseWith(dir: string, run: (data: string, output: string) => Promise<CliResult[]>): Promise<string> {
  const data = join(dir, 'data');
  const output = join(dir, 'output');
  mkdirSync(output, { recursive: true });
  writeFileSync(join(output, 'anterior.txt'), 'lo que ya estaba');
  const before = snapshotTree(data);
  const [check, build] = await run(data, output);
  for (const result of [check!, build!]) {
    expect(result.status, result.stderr).toBe(1);
    expect(result.stderr).not.toMatch(STACK_LINE);
    expect(result.stderr).not.toContain('error interno');
  }
  expect(readdirSync(output)).toEqual(['anterior.txt']);
  expect(snapshotTree(data)).toEqual(before);
  return check!.stderr;
}
