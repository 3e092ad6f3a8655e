// A build killed (SIGKILL) at every named point: see kill-harness.ts.
import { describe, expect, it, vi } from 'vitest';
import { defectsWhenKilled, knownDefectsAt, prepareScenario, type Scenario } from './kill-harness.js';

// The run this file makes in its own process records the points it passes instead of stopping.
vi.mock('../../src/fault-points.js', async (importOriginal) => (await import('./fault-pass-recorder.js')).recordingFaultPoints(await importOriginal<object>()));

/**
 * Known limits (measured 2026-11-30 on the minimal fixture plus a draft:
 * one version sealed into the archive, one draft's three editions moved
 * into output/). Every run after a kill succeeds, leaves no temporary file,
 * lock or staging folder, ends exactly as a run without a fault and
 * verifies. What remains is the state between steps: the sealed version
 * folder is renamed into the archive before its register line is appended
 * (the next build registers it), and the draft's files are moved into
 * output/ one by one after the archive is sealed. Each file is whole; the
 * whole is not swapped at once.
 */
// At the points killed: the first pass of each; the last one too in the full sweep (npm run pruebas:cortes).
const KNOWN_DEFECTS: readonly string[] = [
  'archivo:antes-del-registro: mezcla de antes y después',
  'mover:antes: mezcla de antes y después',
  'mover:despues: mezcla de antes y después',
  'mover:antes#3: mezcla de antes y después',
  'mover:despues#3: mezcla de antes y después',
];

describe('a build killed at a named point (SIGKILL)', () => {
  let scenario: Scenario;

  it('passes every point of the build\'s stages: staged drafts, moves, renames, the archive\'s seal and register', { timeout: 900_000 }, async () => {
    scenario = await prepareScenario('build');
    const reached = new Set(scenario.passes.map((p) => p.replace(/#\d+$/, '')));
    expect([...reached].sort()).toEqual(['archivo:antes-de-renombrar', 'archivo:antes-del-registro', 'mover:antes', 'mover:despues', 'preparado:antes-de-escribir', 'preparado:escrito', 'renombrar:antes', 'renombrar:despues']);
  });

  it('is as before or as after, never a mixture; the next build succeeds, cleans up, verifies', { timeout: 3_600_000 }, async () => {
    expect(await defectsWhenKilled(scenario)).toEqual(knownDefectsAt(scenario, KNOWN_DEFECTS));
  });
});
