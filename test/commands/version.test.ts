// docctl version, in this process: each refusal alone with its message (the
// data file unchanged), and what opening a draft writes.
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output.js';
import { runVersion } from '../../src/commands/version.js';
import { UserError } from '../../src/errors.js';
import { copyProject, editJson, MINIMAL_DOC, TEMPLATES } from '../support/project.js';

type Json = Record<string, unknown>;
type Doc = Json & { versiones: Json[] };

function project(edit: (doc: Doc) => void = () => {}) {
  const dir = copyProject();
  const dataDir = join(dir, 'data');
  editJson(dataDir, MINIMAL_DOC, (value) => edit(value as Doc));
  const file = join(dataDir, MINIMAL_DOC);
  const options = { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
  return { file, options, text: () => readFileSync(file, 'utf8') };
}

const output = captureOutput();

function expectRefusal(setup: ReturnType<typeof project>, code: string | undefined, reason: string | undefined, message: string) {
  const before = setup.text();
  let thrown: unknown;
  try {
    runVersion(setup.options, code, reason);
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect((thrown as Error).message).toBe(message);
  expect(setup.text()).toBe(before);
}

describe('version refuses, each reason alone', () => {
  it('without a code', () => {
    expectRefusal(project(), undefined, 'Motivo', 'falta el código del documento: docctl version <CÓDIGO> --motivo "…"');
  });

  it('without --motivo', () => {
    expectRefusal(project(), 'GC-P-001', undefined, 'falta --motivo: docctl version GC-P-001 --motivo "por qué cambia el documento"');
  });

  it('with a blank --motivo', () => {
    expectRefusal(project(), 'GC-P-001', ' \t', '--motivo no puede estar vacío: diga por qué se abre la nueva versión, p. ej. --motivo "Actualización por el Decreto 767 de 2022"');
  });

  it('while a draft is open', () => {
    const setup = project((doc) => doc.versiones.push({ numero: 2, estado: 'borrador', descripcion: 'Cambio en curso' }));
    expectRefusal(setup, 'GC-P-001', 'Otro cambio', 'GC-P-001 ya tiene un borrador abierto (versión 2: "Cambio en curso"); apruébelo con docctl aprobar GC-P-001 --acta "…" o siga editándolo');
  });

  it('a code no document has, with a hint when one is close', () => {
    expectRefusal(project(), 'GC-P-010', 'Cambio', 'no hay ningún documento con el código "GC-P-010"; ¿quiso decir "GC-P-001"?');
    expectRefusal(project(), 'ZZZ', 'Cambio', 'no hay ningún documento con el código "ZZZ"');
  });

  it('a code in an entity other than the one named with --entidad', () => {
    const setup = project();
    const before = setup.text();
    expect(() => runVersion(setup.options, 'GC-P-001', 'Cambio', 'otra-entidad')).toThrow(/^no hay ningún documento con el código "GC-P-001" en otra-entidad/);
    expect(setup.text()).toBe(before);
  });

  it('a code two entities use, unless --entidad says which', () => {
    const setup = project();
    cpSync(join(setup.options.dataDir, 'entidad-prueba'), join(setup.options.dataDir, 'otra-entidad'), { recursive: true });
    expectRefusal(setup, 'GC-P-001', 'Cambio', 'el código GC-P-001 existe en varias entidades (entidad-prueba, otra-entidad); indique cuál con --entidad');
    expect(runVersion(setup.options, 'GC-P-001', 'Cambio', 'otra-entidad')).toBe(0);
    expect(setup.text()).not.toContain('borrador');
    expect(readFileSync(join(setup.options.dataDir, 'otra-entidad', 'documentos', 'GC-P-001.json'), 'utf8')).toContain('"estado": "borrador"');
  });

  it('when the data has errors, printing them', () => {
    const setup = project((doc) => (doc.versiones[0]!.fecha = '2021-13-01'));
    const before = setup.text();
    expect(runVersion(setup.options, 'GC-P-001', 'Cambio')).toBe(1);
    expect(output.stderr.join('')).toMatch(/versiones\[0\]\.fecha: "2021-13-01" no es una fecha válida del calendario\n[\s\S]*Corrija los errores antes de abrir una versión\.\n$/);
    expect(setup.text()).toBe(before);
  });
});

describe('version opens a draft', () => {
  it('numbered after the last of three versions, inserted as the last entry of the file', () => {
    const setup = project((doc) => doc.versiones.push({ numero: 2, fecha: '2022-01-01', descripcion: 'Segunda' }, { numero: 3, fecha: '2023-01-01', descripcion: 'Tercera' }));
    const before = setup.text();
    expect(runVersion(setup.options, 'GC-P-001', 'Cuarta')).toBe(0);
    const after = setup.text();
    expect((JSON.parse(after) as Doc).versiones.map((v) => v.numero)).toEqual([1, 2, 3, 4]);
    // Nothing but one insertion: the text before it and after it is the old text.
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
    expect(prefix + suffix).toBe(before.length);
    expect(after.slice(prefix, after.length - suffix)).toMatch(/"numero": 4,\s*"estado": "borrador",\s*"descripcion": "Cuarta"/);
  });

  it('numbered after the last version (not after the count), with the reason trimmed, adding nothing else', () => {
    const setup = project((doc) => doc.versiones.push({ numero: 3, fecha: '2022-01-01', descripcion: 'Tercera' }));
    const before = JSON.parse(setup.text()) as Doc;
    expect(runVersion(setup.options, 'GC-P-001', '  Actualización por el Decreto 767 de 2022 ')).toBe(0);
    const after = JSON.parse(setup.text()) as Doc;
    expect(after).toEqual({ ...before, versiones: [...before.versiones, { numero: 4, estado: 'borrador', descripcion: 'Actualización por el Decreto 767 de 2022' }] });
    expect(output.stdout.join('')).toBe(
      `Se abrió la versión 4 (borrador) de GC-P-001 en ${setup.file}.\n` +
        'Edite el contenido, complete elaboro / reviso / aprobo de la versión y apruébela con: docctl aprobar GC-P-001 --acta "…"\n',
    );
  });

  it('starting its signature page from the signers of the last version', () => {
    const signers = [
      { nombre: 'Marta Díaz', cargo: 'Directora' },
      { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' },
    ];
    const setup = project((doc) =>
      doc.versiones.push(
        { numero: 2, fecha: '2022-01-01', descripcion: 'Segunda', firmantes: [{ nombre: 'Otra Persona', cargo: 'Asesora' }] },
        { numero: 3, fecha: '2023-01-01', descripcion: 'Tercera', firmantes: signers },
      ),
    );
    expect(runVersion(setup.options, 'GC-P-001', 'Cuarta')).toBe(0);
    expect((JSON.parse(setup.text()) as Doc).versiones.at(-1)).toEqual({ numero: 4, estado: 'borrador', descripcion: 'Cuarta', firmantes: signers });
  });
});
