// docctl norma in this process: the refusals of the subcommand and of the
// catalogue's reading that no other test asserts alone (the CLI's flows are
// test/lifecycle/norm-commands.test.ts and norm-edge-cases.test.ts).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runNorma } from '../../src/commands/norma.js';
import { UserError } from '../../src/errors.js';
import { copyProject, TEMPLATES } from '../support/project.js';

function project() {
  const dir = copyProject();
  const dataDir = join(dir, 'data');
  const catalog = join(dataDir, 'normas.json');
  return { options: { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true }, catalog };
}

const none = { tipo: undefined, numero: undefined, año: undefined, detalle: undefined, fecha: undefined, url: undefined, id: undefined, por: undefined };

/** The command refuses with a UserError and the catalogue is byte-identical. */
function refusal(p: ReturnType<typeof project>, run: () => unknown): UserError {
  const before = readFileSync(p.catalog);
  let thrown: unknown;
  try {
    run();
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect(readFileSync(p.catalog)).toEqual(before);
  return thrown as UserError;
}

describe('docctl norma refuses', () => {
  it('without a subcommand, or an unknown one', () => {
    const p = project();
    expect(refusal(p, () => runNorma(p.options, undefined, undefined, none)).message).toBe('falta qué hacer con la norma: docctl norma agregar, derogar o modificar; vea docctl --ayuda');
    expect(refusal(p, () => runNorma(p.options, 'borrar', undefined, none)).message).toBe('docctl norma "borrar" no existe; use agregar, derogar y modificar');
  });

  it('agregar with a positional argument', () => {
    const p = project();
    expect(refusal(p, () => runNorma(p.options, 'agregar', 'Ley 1', none)).message).toBe(
      'argumento de más: "Ley 1"; docctl norma agregar toma todo en opciones: --tipo, --numero, --año, --detalle, [--fecha], [--url], [--id]',
    );
  });

  it('a catalogue that is not JSON: says so, with the file and line', () => {
    const p = project();
    writeFileSync(p.catalog, '{ "normas": [');
    const error = refusal(p, () => runNorma(p.options, 'derogar', 'Decreto 1008 de 2018', { ...none, por: 'Decreto 767 de 2022' }));
    expect(error.message).toBe('no se pudo leer el normograma; corríjalo antes de cambiarlo');
    expect(error.problems.length).toBeGreaterThan(0);
    expect(error.problems[0]!.file).toMatch(/normas\.json$/);
    expect(error.problems[0]!.line).toBe(1);
  });
});
