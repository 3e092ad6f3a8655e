// The CLI the tests spawn is the compiled one, dist/cli.js — the file
// package.json's "bin" installs as `docctl`, so what users run. Spawning it
// instead of src/cli.ts through tsx saves each CLI process the transpiling
// of every module it loads (about half of a small command's CPU time), and
// the suite spawns the CLI hundreds of times.
//
// vitest's globalSetup (vitest.config.ts) calls ensureCompiledCli once,
// before any test file: dist/ must hold a .js file at least as new as every
// src/ file, or the whole program is compiled again (tsc, as `npm run
// compile` does), so a test never runs an older CLI than the source it
// reads. In CI, `npm ci` has just compiled it (the "prepare" script): no
// cost. After an edit in src/, the first run pays one compile.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';

// Not from project.ts: that one loads the program's modules, and this file runs before any test.
const REPO = resolve(import.meta.dirname, '..', '..');

export const COMPILED_CLI = join(REPO, 'dist', 'cli.js');

const SRC = join(REPO, 'src');
const DIST = join(REPO, 'dist');

/** src/ files whose compiled .js in dist/ is missing or older than they are. */
export function staleSources(): string[] {
  const stale: string[] = [];
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const path = join(folder, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts')) {
        const compiled = join(DIST, relative(SRC, path)).replace(/\.ts$/, '.js');
        if (!existsSync(compiled) || statSync(compiled).mtimeMs < statSync(path).mtimeMs) stale.push(relative(REPO, path));
      }
    }
  };
  walk(SRC);
  return stale;
}

export function ensureCompiledCli(): void {
  const stale = staleSources();
  if (stale.length === 0) return;
  // Not incremental: tsc's build info knows files by their content, so a source touched but unchanged
  // would not be written again, and would stay "older" than its source here.
  const tsc = spawnSync(process.execPath, [join(REPO, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.build.json', '--incremental', 'false'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  const still = staleSources();
  if (still.length > 0) {
    throw new Error(`the tests spawn dist/cli.js, and compiling src/ did not bring it up to date (${still.slice(0, 3).join(', ')}…):\n${tsc.stdout}${tsc.stderr}`);
  }
  // Type errors do not stop tsc from writing the files: the tests run, and `npm run typecheck` reports them.
  if (tsc.status !== 0) process.stderr.write(`tsc found errors while compiling dist/ for the tests (npm run typecheck):\n${tsc.stdout}`);
}

export default ensureCompiledCli;
