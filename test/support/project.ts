// Temporary copies of fixture projects, so each test can break one thing and
// look at what docctl says about it — without touching the fixtures.
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { spawnSync } from 'node:child_process';
import { formatProblem } from '../../src/errors.js';
import { prepare } from '../../src/pipeline.js';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const TEMPLATES = join(REPO, 'templates');
export const MINIMAL = join(REPO, 'test', 'fixtures', 'minimal');
export const MINIMAL_DOC = 'entidad-prueba/documentos/GC-P-001.json';

export const SEEDS = join(REPO, 'data');

/**
 * A copy of a data folder in a new temporary folder, as <dir>/data.
 * `archive: false` leaves out each entity's archive (data/<entidad>/archivo/),
 * so a build renders and archives the approved versions anew.
 */
export function copyProject(source: string = MINIMAL, { archive = true }: { archive?: boolean } = {}): string {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-test-'));
  const isArchive = (path: string) => basename(path) === 'archivo' && dirname(dirname(path)) === source;
  cpSync(source, join(dir, 'data'), { recursive: true, filter: (path) => archive || !isArchive(path) });
  return dir;
}

/** Edits a JSON file of a copied project through a function on its parsed value. */
export function editJson(dataDir: string, file: string, edit: (value: Record<string, unknown>) => void): void {
  const path = join(dataDir, file);
  const value = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(value);
  writeFileSync(path, `${JSON.stringify(value, null, 2)}\n`);
}

export function writeRaw(dataDir: string, file: string, content: string | Uint8Array): void {
  writeFileSync(join(dataDir, file), content);
}

/** Problems found in a project, formatted as docctl prints them. */
export function problemsOf(dataDir: string, templatesDir = TEMPLATES): string[] {
  return prepare({ dataDir, templatesDir }).problems.map(formatProblem);
}

export interface CliResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * The command that runs docctl: the compiled CLI, dist/cli.js, what `docctl` is once installed.
 * vitest's globalSetup (support/compiled-cli.ts) compiles it again whenever src/ is newer.
 */
export const CLI = [join(REPO, 'dist', 'cli.js')] as const;

/** Runs the real CLI as a user would, in `cwd` (by default, the repository). */
export function runCli(args: readonly string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): CliResult {
  const result = spawnSync(process.execPath, [...CLI, ...args], {
    cwd: options.cwd ?? REPO,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
