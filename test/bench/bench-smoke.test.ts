// The benchmark is not a timed test: CI runs it on a tiny corpus only to keep
// its code working. Nothing here asserts a duration.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/project.js';

describe('npm run bench', () => {
  it('runs on a tiny corpus and writes its figures', { timeout: 600_000 }, () => {
    const result = spawnSync('npm', ['run', 'bench', '--silent'], { cwd: REPO, env: { ...process.env, BENCH_TINY: '1' }, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('docctl bench — ');
    const figures = JSON.parse(readFileSync(join(REPO, 'output', 'bench', 'resultados.json'), 'utf8'));
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['maquina', 'build en frío (semillas)', 'corpus de 5 documentos', 'pares']));
    expect(figures.maquina.node).toBe(process.version);
  });
});
