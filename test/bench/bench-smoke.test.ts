// The benchmark is not a timed test: CI runs it on a tiny corpus only to keep
// its code working. Nothing here asserts a duration.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO } from '../support/project.js';

const RESULTS = join(REPO, 'output', 'bench', 'resultados.json');
const bench = (env: NodeJS.ProcessEnv = {}) => spawnSync('npm', ['run', 'bench', '--silent'], { cwd: REPO, env: { ...process.env, BENCH_TINY: '1', ...env }, encoding: 'utf8' });

describe('npm run bench', () => {
  it('runs on a tiny corpus and writes its figures', { timeout: 600_000 }, () => {
    rmSync(RESULTS, { force: true });
    const result = bench();
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toContain('docctl bench — ');
    const figures = JSON.parse(readFileSync(RESULTS, 'utf8'));
    expect(Object.keys(figures)).toEqual(expect.arrayContaining(['maquina', 'build en frío (semillas)', 'corpus de 5 documentos', 'pares']));
    expect(figures.maquina.node).toBe(process.version);
    expect(figures.maquina.cargaMedia).toHaveLength(3);
    // Typst is a devDependency: its ratio is always measured; pandoc and LibreOffice say when they are missing.
    expect(figures.pares.typst.caliente.nosotrosSobreTypst).toBeGreaterThan(0);
    expect(result.stdout).toMatch(/PDF de la política, nosotros \/ Typst: caliente/);
    expect(result.stdout).toMatch(/pandoc|Markdown → DOCX/);
  });

  it('fails, naming the build, when a build it times fails, and writes no figures', { timeout: 600_000 }, () => {
    rmSync(RESULTS, { force: true });
    // Every docctl process the bench starts ends in an internal error (cli.ts).
    const result = bench({ DOCCTL_SIMULAR_ERROR_INTERNO: '1' });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toMatch(/falló un build medido: docctl build (--datos \S+ )?--salida \S+ terminó con código 2/);
    expect(result.stderr).toContain('error interno simulado (DOCCTL_SIMULAR_ERROR_INTERNO)');
    expect(existsSync(RESULTS)).toBe(false);
  });
});
