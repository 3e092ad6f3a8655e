// A build killed (SIGKILL) at every named point: see kill-harness.ts.
import { describe, expect, it, vi } from 'vitest';
import type * as FaultPoints from '../../src/fault-points.js';
import { defectsWhenKilled, prepareScenario, type Scenario } from './kill-harness.js';

// The run this file makes in its own process records the points it passes instead of stopping.
vi.mock('../../src/fault-points.js', async (importOriginal) => {
  const counts = new Map<string, number>();
  const passes = ((globalThis as { docctlFaultPasses?: string[] }).docctlFaultPasses ??= []);
  return {
    ...(await importOriginal<typeof FaultPoints>()),
    passFaultPoint: (name: string) => {
      const count = (counts.get(name) ?? 0) + 1;
      counts.set(name, count);
      passes.push(count === 1 ? name : `${name}#${count}`);
    },
  };
});

/**
 * Known defects (measured 2026-11-30 on the minimal fixture: 4 staged files,
 * 18 renames). A build moves its files into output/ one by one, then seals
 * the manifest, writes the site, then the caches: killed in between, output/
 * holds part of the new build. Every file is whole (atomic writes), nothing
 * is a third version, the next build completes it and verify passes, but the
 * state in between is a mixture. And killed once the version is sealed but
 * before the store of shaped words is written, the next build renders
 * nothing, so it never writes that store: output/ ends without
 * .docctl-palabras.json (a cache; costs time, not content).
 */
const KNOWN_DEFECTS: readonly string[] = [
  'mover:despues: mezcla de antes y después',
  'mover:antes#4: mezcla de antes y después',
  'mover:despues#4: mezcla de antes y después',
  'manifiesto:antes: mezcla de antes y después',
  'manifiesto:despues: mezcla de antes y después',
  'manifiesto:despues: la siguiente ejecución no termina como una sin fallo',
  'renombrar:antes#18: mezcla de antes y después',
  'renombrar:antes#18: la siguiente ejecución no termina como una sin fallo',
];

describe('a build killed at a named point (SIGKILL)', () => {
  let scenario: Scenario;

  it('passes every point of the build\'s stages: staged writes, moves, renames, the manifest', { timeout: 900_000 }, async () => {
    scenario = await prepareScenario('build');
    const reached = new Set(scenario.passes.map((p) => p.replace(/#\d+$/, '')));
    expect([...reached].sort()).toEqual(['manifiesto:antes', 'manifiesto:despues', 'mover:antes', 'mover:despues', 'preparado:antes-de-escribir', 'preparado:escrito', 'renombrar:antes', 'renombrar:despues']);
  });

  it('is as before or as after, never a mixture; the next build succeeds, cleans up, verifies', { timeout: 3_600_000 }, () => {
    expect(defectsWhenKilled(scenario)).toEqual(KNOWN_DEFECTS);
  });
});
