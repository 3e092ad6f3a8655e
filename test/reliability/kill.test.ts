// A build killed with SIGKILL at any moment leaves every file in output/
// and in the archive (data/<entidad>/archivo/, sealed while the seeds are
// archived anew from a copy without it) either complete or as it was, and
// the next build cleans up any leftovers. Every PDF left behind must pass
// qpdf --check and every DOCX must unzip.
import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { copyProject, REPO, runCli, SEEDS } from '../support/project.js';

function filesBelow(dir: string): string[] {
  let out: string[] = [];
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  for (const name of entries) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(filesBelow(path));
    else out.push(path);
  }
  return out;
}

function assertComplete(output: string): void {
  for (const file of filesBelow(output)) {
    const name = file.split('/').at(-1)!;
    // Temporary files, the lock, the cache and a version folder still being sealed: not documents.
    if (name.startsWith('.') || file.includes('/.preparando-')) continue;
    if (name.endsWith('.pdf')) execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    else if (name.endsWith('.docx')) expect(Object.keys(unzipSync(readFileSync(file)))).toContain('word/document.xml');
    else if (name.endsWith('.json')) JSON.parse(readFileSync(file, 'utf8'));
  }
}

function buildKilledAfter(ms: number, data: string, output: string): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO, 'src', 'cli.ts'), 'build', '--datos', data, '--salida', output, '--silencio'], { cwd: REPO, stdio: 'ignore' });
    const timer = setTimeout(() => child.kill('SIGKILL'), ms);
    child.on('exit', () => {
      clearTimeout(timer);
      resolve();
    });
  });
}

describe('a build killed with SIGKILL', () => {
  it('never leaves a partial output, and the next build cleans up', { timeout: 600_000 }, async () => {
    // How long a whole build takes here, to spread the kills over it.
    const probe = copyProject(SEEDS, { archive: false });
    const started = Date.now();
    expect(runCli(['build', '--datos', join(probe, 'data'), '--salida', join(probe, 'output'), '--silencio']).status).toBe(0);
    const full = Date.now() - started;

    for (const fraction of [0.5, 0.85, 0.95, 1.02]) {
      const dir = copyProject(SEEDS, { archive: false });
      const data = join(dir, 'data');
      const output = join(dir, 'output');
      await buildKilledAfter(Math.round(full * fraction), data, output);
      assertComplete(output);
      assertComplete(data);
      const rebuild = runCli(['build', '--datos', data, '--salida', output, '--silencio']);
      expect(rebuild.status, rebuild.stderr).toBe(0);
      assertComplete(output);
      const leftovers = [...filesBelow(output), ...filesBelow(data)].filter((f) => /^\.(.*\.tmp-|docctl\.lock)/.test(f.split('/').at(-1)!) || f.includes('/.preparando-'));
      expect(leftovers).toEqual([]);
      expect(runCli(['verify', '--datos', data]).status).toBe(0);
    }
  });
});
