// An approval killed (SIGKILL) at every named point: see kill-harness.ts.
import { FAULT_POINTS } from '../../src/fault-points.js';
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
 * Known defects (measured 2026-11-30 on the minimal fixture, issue 16). Approve
 * edits the data file, then builds (which archives and writes the site): it
 * is not all-or-nothing across data/, the archive and the site. Killed after
 * its edit of the data, data/ says approved while output/ does not, and
 * running approve again says there is no draft. Killed before that edit's
 * rename, the temporary file stays in data/, which nothing cleans (the build
 * cleans only output/). The archive branch's rewrite of approve is to empty
 * this list.
 */
const NOT_DRAFT = 'la siguiente ejecución falla: docctl: GC-P-001 no tiene un borrador abierto; ábralo primero con docctl version GC-P-001 --motivo "…"';
const KNOWN_DEFECTS: readonly string[] = [
  'renombrar:antes: quedan data/entidad-prueba/documentos/.GC-P-001.json.tmp-…',
  'renombrar:despues: mezcla de antes y después',
  `renombrar:despues: ${NOT_DRAFT}`,
  'aprobar:datos-editados: mezcla de antes y después',
  `aprobar:datos-editados: ${NOT_DRAFT}`,
  'preparado:antes-de-escribir: mezcla de antes y después',
  `preparado:antes-de-escribir: ${NOT_DRAFT}`,
  'preparado:escrito: mezcla de antes y después',
  `preparado:escrito: ${NOT_DRAFT}`,
  'preparado:antes-de-escribir#4: mezcla de antes y después',
  `preparado:antes-de-escribir#4: ${NOT_DRAFT}`,
  'preparado:escrito#4: mezcla de antes y después',
  `preparado:escrito#4: ${NOT_DRAFT}`,
  'mover:antes: mezcla de antes y después',
  `mover:antes: ${NOT_DRAFT}`,
  'mover:despues: mezcla de antes y después',
  `mover:despues: ${NOT_DRAFT}`,
  'mover:antes#4: mezcla de antes y después',
  `mover:antes#4: ${NOT_DRAFT}`,
  'mover:despues#4: mezcla de antes y después',
  `mover:despues#4: ${NOT_DRAFT}`,
  'manifiesto:antes: mezcla de antes y después',
  `manifiesto:antes: ${NOT_DRAFT}`,
  'manifiesto:despues: mezcla de antes y después',
  `manifiesto:despues: ${NOT_DRAFT}`,
  'renombrar:antes#16: mezcla de antes y después',
  `renombrar:antes#16: ${NOT_DRAFT}`,
];

describe('an approval killed at a named point (SIGKILL)', () => {
  let scenario: Scenario;

  it('passes every point of the list (build and approve together pass them all)', { timeout: 900_000 }, async () => {
    scenario = await prepareScenario('approve');
    const reached = new Set(scenario.passes.map((p) => p.replace(/#\d+$/, '')));
    // anular's points belong to its own command (approve-crash.test.ts kills it there).
    expect(FAULT_POINTS.filter((name) => !name.startsWith('anular:') && !reached.has(name))).toEqual([]);
  });

  it('is as before or as after, never a mixture; the next approve succeeds, cleans up, verifies', { timeout: 3_600_000 }, () => {
    expect(defectsWhenKilled(scenario)).toEqual(KNOWN_DEFECTS);
  });
});
