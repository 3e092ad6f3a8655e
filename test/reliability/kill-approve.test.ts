// An approval killed (SIGKILL) at every named point: see kill-harness.ts.
import { FAULT_POINTS } from '../../src/fault-points.js';
import { describe, expect, it, vi } from 'vitest';
import { defectsWhenKilled, knownDefectsAt, prepareScenario, type Scenario } from './kill-harness.js';

// The run this file makes in its own process records the points it passes instead of stopping.
vi.mock('../../src/fault-points.js', async (importOriginal) => (await import('./fault-pass-recorder.js')).recordingFaultPoints(await importOriginal<object>()));

/**
 * Known limits (measured 2026-11-30 on the minimal fixture). Approve seals
 * the version into the archive, registers it, writes the data file, then the
 * site (commands/approve.ts): every run after a kill succeeds — approve
 * again, or the build approve asks for once the data says approved — ends
 * exactly as an approval without a fault, leaves nothing behind and
 * verifies. What remains is the state between those steps, each step whole:
 * a sealed version not yet registered, the archive and register written
 * but not the data file, the data file but not the site.
 */
// At the points killed: the first pass of each; the last one too in the full sweep (npm run pruebas:cortes).
const KNOWN_DEFECTS: readonly string[] = [
  'archivo:antes-del-registro: mezcla de antes y después',
  'renombrar:antes: mezcla de antes y después',
  'renombrar:despues: mezcla de antes y después',
  'aprobar:antes-de-editar-datos: mezcla de antes y después',
  'aprobar:datos-editados: mezcla de antes y después',
  'aprobar:antes-del-sitio: mezcla de antes y después',
];

describe('an approval killed at a named point (SIGKILL)', () => {
  let scenario: Scenario;

  it('passes every point of its own: renames, the archive\'s seal and register, the data file, the site', { timeout: 900_000 }, async () => {
    scenario = await prepareScenario('approve');
    const reached = new Set(scenario.passes.map((p) => p.replace(/#\d+$/, '')));
    // Approve renders in memory and seals straight into the archive: no draft staging (the build's
    // points, kill-build.test.ts); anular's points are its own command's (approve-crash.test.ts).
    const own = FAULT_POINTS.filter((name) => !/^(anular|preparado|mover):/.test(name));
    expect(own.filter((name) => !reached.has(name))).toEqual([]);
  });

  it('is as before or as after, never a mixture; the next approve succeeds, cleans up, verifies', { timeout: 3_600_000 }, async () => {
    expect(await defectsWhenKilled(scenario)).toEqual(knownDefectsAt(scenario, KNOWN_DEFECTS));
  });
});
