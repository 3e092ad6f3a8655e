// Every rule `docctl check` enforces, triggered alone on a copy of the valid
// fixture: the one problem it gives names the file, the field and says what
// is wrong, in Spanish. Structured Problems, not printed lines, so a rule
// that points at the wrong field fails even when its words are right.
// (validation-rules.test.ts holds the older tests of the printed form.)
import { deflateSync } from 'node:zlib';
import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { loadProject } from '../../src/load/load-project.js';
import { validateProject } from '../../src/validate/validate-project.js';
import { copyProject, editJson, MINIMAL_DOC } from '../support/project.js';
import { pngChunk } from '../write/pdf/png-fixture.js';

type Json = Record<string, unknown>;
type Doc = Json & { versiones: Json[]; secciones: Json[]; normas: string[]; glosario: Json[] };
type Catalog = { normas: Json[] };

interface Edits {
  readonly doc?: (doc: Doc) => void;
  readonly catalog?: (catalog: Catalog) => void;
  readonly entity?: (entity: Json) => void;
  /** Anything else on the copied data folder. */
  readonly data?: (data: string) => void;
  readonly today?: string;
}

const DOC_FILE = /\/data\/entidad-prueba\/documentos\/GC-P-001\.json$/;
const CATALOG_FILE = /\/data\/normas\.json$/;
const ENTITY_FILE = /\/data\/entidad-prueba\/entidad\.json$/;

/** The data folder the last problemsAfter checked. */
let lastData = '';

/** The problems of a copy of the minimal fixture after the given edits. */
function problemsAfter(edits: Edits): Problem[] {
  const data = join(copyProject(), 'data');
  lastData = data;
  if (edits.doc) editJson(data, MINIMAL_DOC, (value) => edits.doc!(value as Doc));
  if (edits.catalog) editJson(data, 'normas.json', (value) => edits.catalog!(value as unknown as Catalog));
  if (edits.entity) editJson(data, 'entidad-prueba/entidad.json', edits.entity);
  edits.data?.(data);
  // The load and validate stages only: rules are theirs, and a test that
  // also renders would cost every mutant of `npm run mutacion` more time.
  return validateProject(loadProject(data), edits.today).problems;
}

/** What a reader needs from a problem: how bad, which file, which field, what it says; and that it has a line. */
function described(problem: Problem) {
  return { severity: problem.severity, file: problem.file, field: problem.field, message: problem.message };
}

/** The single problem the edits cause, with a line number when it is in a JSON file. */
function onlyProblem(edits: Edits) {
  const problems = problemsAfter(edits);
  expect(problems.map((p) => `${p.field}: ${p.message}`)).toHaveLength(1);
  return problems[0]!;
}

function expectOnly(edits: Edits, expected: { severity?: 'error' | 'advertencia'; file?: RegExp; field: string | undefined; message: unknown }) {
  const problem = onlyProblem(edits);
  expect(described(problem)).toEqual({
    severity: expected.severity ?? 'error',
    file: expect.stringMatching(expected.file ?? DOC_FILE),
    field: expected.field,
    message: expected.message,
  });
  if (expected.field !== undefined) expect(problem.line).toBeGreaterThan(1);
  return problem;
}

/** The line of the first `needle` in `text` from `from` on. */
const lineOf = (text: string, needle: string, from = 0) => text.slice(0, text.indexOf(needle, from)).split('\n').length;

const approved = (numero: number, fecha: string, extra: Json = {}) => ({ numero, fecha, descripcion: `Versión ${numero}`, ...extra });
const draft = (numero: number, extra: Json = {}) => ({ numero, estado: 'borrador', descripcion: 'Cambio en curso', ...extra });

describe('the norm catalog (catalogRules)', () => {
  it('refuses an id used twice, pointing at the second one', () => {
    expectOnly(
      { catalog: (c) => c.normas.push({ ...c.normas[0], detalle: 'Repetida' }) },
      { file: CATALOG_FILE, field: 'normas[3].id', message: '"ley-1712-2014" ya está en normas[0]; cada id debe ser único' },
    );
  });

  it('names the first position of a repeated id even when it repeats three times', () => {
    const problems = problemsAfter({ catalog: (c) => c.normas.push({ ...c.normas[2] }, { ...c.normas[2] }) });
    expect(problems.map(described)).toEqual([
      { severity: 'error', file: expect.stringMatching(CATALOG_FILE), field: 'normas[3].id', message: '"decreto-767-2022" ya está en normas[2]; cada id debe ser único' },
      { severity: 'error', file: expect.stringMatching(CATALOG_FILE), field: 'normas[4].id', message: '"decreto-767-2022" ya está en normas[3]; cada id debe ser único' },
    ]);
  });

  it('refuses a replacement that is not in the catalog, with a hint when one is close', () => {
    expectOnly(
      { catalog: (c) => (c.normas[1]!.reemplazadaPor = 'decreto-767-2023') },
      { file: CATALOG_FILE, field: 'normas[1].reemplazadaPor', message: '"decreto-767-2023" no está en el normograma; ¿quiso decir "decreto-767-2022"?' },
    );
  });

  it('refuses a replacement that is not in the catalog, without a hint when none is close', () => {
    expectOnly(
      { catalog: (c) => (c.normas[1]!.reemplazadaPor = 'resolucion-9') },
      { file: CATALOG_FILE, field: 'normas[1].reemplazadaPor', message: '"resolucion-9" no está en el normograma' },
    );
  });

  it('refuses a derogated norm that replaces itself', () => {
    expectOnly(
      { catalog: (c) => (c.normas[1]!.reemplazadaPor = 'decreto-1008-2018') },
      { file: CATALOG_FILE, field: 'normas[1].reemplazadaPor', message: 'una norma no puede reemplazarse a sí misma' },
    );
  });

  it('refuses a norm that replaces itself whatever its state', () => {
    expectOnly(
      {
        catalog: (c) => {
          c.normas[0]!.estado = 'modificada';
          c.normas[0]!.reemplazadaPor = 'ley-1712-2014';
        },
      },
      { file: CATALOG_FILE, field: 'normas[0].reemplazadaPor', message: 'una norma no puede reemplazarse a sí misma' },
    );
  });

  it('accepts a replacement that appears later in the catalog', () => {
    expect(problemsAfter({ catalog: (c) => c.normas.reverse() })).toEqual([]);
  });

  it('checks no cited norm when the catalog is missing: only the missing catalog is reported', () => {
    const problems = problemsAfter({ data: (data) => rmSync(join(data, 'normas.json')) });
    expect(problems.map(described)).toEqual([
      { severity: 'error', file: expect.stringMatching(CATALOG_FILE), field: undefined, message: 'falta el normograma compartido data/normas.json (puede tener "normas": [])' },
    ]);
  });
});

describe('version numbers and dates (documentRules)', () => {
  it('lets a history start at any version (adoption in mid-life), but not below 1', () => {
    expect(problemsAfter({ doc: (d) => (d.versiones[0]!.numero = 4) })).toEqual([]);
    expectOnly(
      { doc: (d) => (d.versiones[0]!.numero = 0) },
      { field: 'versiones[0].numero', message: '0: los números de versión empiezan en 1; escriba el número de la primera versión que conoce (1, o la que estaba vigente al adoptar docctl)' },
    );
  });

  it('a later version numbered 0 is out of order, not a first version', () => {
    expectOnly(
      { doc: (d) => d.versiones.push(approved(0, '2022-01-01')) },
      { field: 'versiones[1].numero', message: '0 debe ser mayor que la versión anterior (1); las versiones van en orden creciente' },
    );
  });

  it('allows a gap in the numbers', () => {
    expect(problemsAfter({ doc: (d) => d.versiones.push(approved(3, '2022-01-01')) })).toEqual([]);
  });

  it('compares each number with the highest before it', () => {
    expectOnly(
      { doc: (d) => d.versiones.push(approved(3, '2022-01-01'), approved(2, '2022-02-01')) },
      { field: 'versiones[2].numero', message: '2 debe ser mayor que la versión anterior (3); las versiones van en orden creciente' },
    );
  });

  it('allows two approvals on the same day', () => {
    expect(problemsAfter({ doc: (d) => d.versiones.push(approved(2, '2021-03-10')) })).toEqual([]);
  });

  it('compares an approval date with the last dated version, skipping undated ones', () => {
    const problems = problemsAfter({
      doc: (d) => d.versiones.push({ numero: 2, descripcion: 'Sin registro' }, approved(3, '2021-01-01')),
    });
    expect(problems.map(described)).toEqual([
      {
        severity: 'error',
        file: expect.stringMatching(DOC_FILE),
        field: 'versiones[2].fecha',
        message: '"2021-01-01" es anterior a la fecha de la versión anterior ("2021-03-10", versiones[0]); las fechas de aprobación no retroceden',
      },
      {
        severity: 'advertencia',
        file: expect.stringMatching(DOC_FILE),
        field: 'versiones[1]',
        message: 'la versión 2 no tiene fecha de aprobación registrada; el control de cambios mostrará "—"',
      },
    ]);
  });

  it('refuses an acta dated after the approval it records', () => {
    const problem = expectOnly(
      { doc: (d) => ((d.versiones[0]!.acta as Json).fecha = '2021-04-01') },
      { field: 'versiones[0].acta.fecha', message: '"2021-04-01" es posterior a la fecha de aprobación de la versión ("2021-03-10")' },
    );
    // The line of "fecha" inside "acta", not the version's own "fecha".
    const text = readFileSync(join(lastData, MINIMAL_DOC), 'utf8');
    expect(problem.line).toBe(lineOf(text, '"fecha"', text.indexOf('"acta"')));
  });

  it('requires the vigente version to have an approval date', () => {
    expectOnly(
      { doc: (d) => delete d.versiones[0]!.fecha },
      { field: 'versiones[0].fecha', message: 'falta la fecha de aprobación de la versión vigente (la última aprobada); escríbala como "AAAA-MM-DD"' },
    );
  });

  it('looks for the vigente version behind an open draft', () => {
    expectOnly(
      {
        doc: (d) => {
          delete d.versiones[0]!.fecha;
          delete d.versiones[0]!.acta;
          d.versiones.push(draft(2));
        },
      },
      { field: 'versiones[0].fecha', message: 'falta la fecha de aprobación de la versión vigente (la última aprobada); escríbala como "AAAA-MM-DD"' },
    );
  });

  it('warns, without failing, about an older version without a date', () => {
    expectOnly(
      {
        doc: (d) => {
          delete d.versiones[0]!.fecha;
          delete d.versiones[0]!.acta;
          d.versiones.push(approved(2, '2022-01-01'));
        },
      },
      { severity: 'advertencia', field: 'versiones[0]', message: 'la versión 1 no tiene fecha de aprobación registrada; el control de cambios mostrará "—"' },
    );
  });
});

describe('drafts (documentRules)', () => {
  it('accepts one draft, last', () => {
    expect(problemsAfter({ doc: (d) => d.versiones.push(draft(2)) })).toEqual([]);
  });

  it('refuses a draft that is not the last version (which also leaves an older version undated)', () => {
    const problems = problemsAfter({ doc: (d) => d.versiones.push(draft(2), approved(3, '2022-01-01')) });
    expect(problems.map(described)).toEqual([
      { severity: 'error', file: expect.stringMatching(DOC_FILE), field: 'versiones[1].estado', message: 'solo la última versión puede ser un borrador; las anteriores ya fueron aprobadas' },
      { severity: 'advertencia', file: expect.stringMatching(DOC_FILE), field: 'versiones[1]', message: 'la versión 2 no tiene fecha de aprobación registrada; el control de cambios mostrará "—"' },
    ]);
  });

  it('refuses two drafts, naming the first, and warns of nothing else', () => {
    expectOnly(
      { doc: (d) => (d.versiones = [draft(1), draft(2)]) },
      { field: 'versiones[0].estado', message: 'solo la última versión puede ser un borrador; las anteriores ya fueron aprobadas' },
    );
  });

  it('refuses a draft with an approval date', () => {
    expectOnly(
      { doc: (d) => d.versiones.push(draft(2, { fecha: '2022-01-01' })) },
      { field: 'versiones[1].fecha', message: '"2022-01-01": un borrador aún no tiene fecha de aprobación; docctl aprobar la asigna' },
    );
  });

  it('refuses a draft with an acta', () => {
    expectOnly(
      { doc: (d) => d.versiones.push(draft(2, { acta: { numero: '9', fecha: '2022-01-01', comite: 'Comité' } })) },
      { field: 'versiones[1].acta', message: 'un borrador aún no tiene acta de aprobación; docctl aprobar la asigna' },
    );
  });
});

describe('cited norms (documentRules)', () => {
  it('refuses a norm missing from the catalog, with no hint when none is close', () => {
    expectOnly(
      { doc: (d) => (d.normas = ['resolucion-9']) },
      { field: 'normas[0]', message: '"resolucion-9" no está en el normograma (data/normas.json); agréguela allí primero' },
    );
  });

  it('refuses a norm cited twice, pointing at the second', () => {
    expectOnly({ doc: (d) => d.normas.push('ley-1712-2014') }, { field: 'normas[1]', message: '"ley-1712-2014" está repetida en el marco jurídico' });
  });

  it('warns about a derogated norm with its replacement', () => {
    expectOnly(
      { doc: (d) => (d.normas = ['decreto-1008-2018']) },
      {
        severity: 'advertencia',
        field: 'normas[0]',
        message: 'cita Decreto 1008 de 2018, que está derogada (reemplazada por Decreto 767 de 2022); el documento GC-P-001 necesita una nueva versión',
      },
    );
  });

  it('warns about a derogated norm that has no replacement', () => {
    expectOnly(
      {
        catalog: (c) => delete c.normas[1]!.reemplazadaPor,
        doc: (d) => (d.normas = ['decreto-1008-2018']),
      },
      { severity: 'advertencia', field: 'normas[0]', message: 'cita Decreto 1008 de 2018, que está derogada; el documento GC-P-001 necesita una nueva versión' },
    );
  });

  it('says nothing about a norm that is only modified', () => {
    expect(problemsAfter({ catalog: (c) => (c.normas[0]!.estado = 'modificada') })).toEqual([]);
  });
});

describe('generated blocks (documentRules)', () => {
  it('refuses the legal framework block with no norms', () => {
    expectOnly(
      { doc: (d) => (d.normas = []) },
      { field: 'secciones[1].bloque', message: 'la sección muestra el marco jurídico pero "normas" está vacío; agregue los ids del normograma' },
    );
  });

  it('refuses the glossary block with no glossary', () => {
    expectOnly({ doc: (d) => (d.glosario = []) }, { field: 'secciones[2].bloque', message: 'la sección muestra el glosario pero "glosario" está vacío' });
  });

  it('refuses the roles block with no roles', () => {
    expectOnly(
      { doc: (d) => d.secciones.push({ titulo: 'Roles', bloque: 'roles' }) },
      { field: 'secciones[3].bloque', message: 'la sección muestra la tabla de roles pero "roles" está vacío' },
    );
  });

  it('accepts the roles block with roles', () => {
    const problems = problemsAfter({
      doc: (d) => {
        d.secciones.push({ titulo: 'Roles', bloque: 'roles' });
        d.roles = [{ rol: 'Líder', responsabilidades: 'Dirige.', responsable: 'Jefe' }];
      },
    });
    expect(problems).toEqual([]);
  });

  it('accepts one signature block', () => {
    expect(problemsAfter({ doc: (d) => d.secciones.push({ titulo: 'Firmas', bloque: 'firmas' }) })).toEqual([]);
  });

  it('refuses a second signature block, even nested, pointing at it', () => {
    expectOnly(
      {
        doc: (d) => {
          d.secciones.push({ titulo: 'Firmas', bloque: 'firmas' });
          d.secciones[0]!.secciones = [{ titulo: 'Aprobación', contenido: 'Texto.' }, { titulo: 'Firmas otra vez', bloque: 'firmas' }];
        },
      },
      { field: 'secciones[3].bloque', message: 'el bloque de firmas solo puede aparecer en una sección' },
    );
  });

  it('reports every extra signature block', () => {
    const problems = problemsAfter({
      doc: (d) => d.secciones.push({ titulo: 'Firmas', bloque: 'firmas' }, { titulo: 'Firmas 2', bloque: 'firmas' }, { titulo: 'Firmas 3', bloque: 'firmas' }),
    });
    expect(problems.map((p) => `${p.field}: ${p.message}`)).toEqual([
      'secciones[4].bloque: el bloque de firmas solo puede aparecer en una sección',
      'secciones[5].bloque: el bloque de firmas solo puede aparecer en una sección',
    ]);
  });

  it('finds a block nested in a subsection by its path', () => {
    expectOnly(
      {
        doc: (d) => {
          d.roles = [];
          d.secciones[0]!.secciones = [{ titulo: 'Sub', contenido: 'x' }, { titulo: 'Roles', bloque: 'roles' }];
        },
      },
      { field: 'secciones[0].secciones[1].bloque', message: 'la sección muestra la tabla de roles pero "roles" está vacío' },
    );
  });
});

describe('reviews falling due (reviewRule)', () => {
  // Approved 2021-03-10, reviewed every 24 months (the default): due 2023-03-10.
  it('warns once the review date has passed', () => {
    expectOnly(
      { today: '2023-03-11' },
      {
        severity: 'advertencia',
        field: 'versiones[0].fecha',
        message: 'GC-P-001 debía revisarse a más tardar el 10/03/2023 (aprobado el 10/03/2021, revisión cada 24 meses); revíselo y abra una nueva versión si cambia',
      },
    );
  });

  it('says nothing on the due date itself', () => {
    expect(problemsAfter({ today: '2023-03-10' })).toEqual([]);
  });

  it('follows the document’s own period and its vigente version, behind a draft', () => {
    expectOnly(
      {
        today: '2022-01-01',
        doc: (d) => {
          d.periodoRevisionMeses = 6;
          d.versiones.push(approved(2, '2021-06-01'), draft(3));
        },
      },
      {
        severity: 'advertencia',
        field: 'versiones[1].fecha',
        message: 'GC-P-001 debía revisarse a más tardar el 01/12/2021 (aprobado el 01/06/2021, revisión cada 6 meses); revíselo y abra una nueva versión si cambia',
      },
    );
  });

  it('says nothing of a document never approved', () => {
    const problems = problemsAfter({
      today: '2030-01-01',
      doc: (d) => {
        d.versiones = [draft(1)];
      },
    });
    expect(problems).toEqual([]);
  });
});

describe('files and folders (validateProject)', () => {
  it('refuses a section with both "contenido" and "archivo"', () => {
    expectOnly({ doc: (d) => (d.secciones[0]!.archivo = 'GC-P-001/intro.md') }, { field: 'secciones[0].archivo', message: 'use "contenido" o "archivo", no ambos' });
  });

  it('refuses a Markdown file that does not exist', () => {
    const problem = onlyProblem({
      doc: (d) => {
        delete d.secciones[0]!.contenido;
        d.secciones[0]!.archivo = 'GC-P-001/falta.md';
      },
    });
    expect(described(problem)).toEqual({
      severity: 'error',
      file: expect.stringMatching(DOC_FILE),
      field: 'secciones[0].archivo',
      message: expect.stringMatching(/^no existe el archivo \S*\/data\/entidad-prueba\/documentos\/GC-P-001\/falta\.md/),
    });
  });

  it('reads a Markdown file that exists', () => {
    const problems = problemsAfter({
      doc: (d) => {
        delete d.secciones[0]!.contenido;
        d.secciones[0]!.archivo = 'GC-P-001/intro.md';
      },
      data: (data) => {
        mkdirSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-001'));
        writeFileSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-001', 'intro.md'), 'Texto de **prueba**.\n');
      },
    });
    expect(problems).toEqual([]);
  });

  it('refuses an entity folder whose name is not a slug', () => {
    const problem = onlyProblem({ data: (data) => renameSync(join(data, 'entidad-prueba'), join(data, 'Entidad Prueba')) });
    expect(described(problem)).toEqual({
      severity: 'error',
      file: expect.stringMatching(/\/data\/Entidad Prueba$/),
      field: undefined,
      message: 'el nombre de la carpeta "Entidad Prueba" debe usar minúsculas, dígitos y guiones, p. ej. "personeria-cartagena"',
    });
  });

  it('refuses a logo that does not exist', () => {
    expectOnly(
      { entity: (e) => (e.logo = 'escudo.png') },
      { file: ENTITY_FILE, field: 'logo', message: expect.stringMatching(/^"escudo\.png" no existe en \S*\/data\/entidad-prueba; ponga allí el logo \(PNG o JPG\) o corrija el nombre$/) },
    );
  });
});

describe('files that cannot be read (loadProject)', () => {
  it('refuses a data folder that does not exist', () => {
    const missing = join(copyProject(), 'no-hay-datos');
    expect(validateProject(loadProject(missing)).problems.map(described)).toEqual([
      { severity: 'error', file: missing, field: undefined, message: 'no existe la carpeta de datos; cree data/ con normas.json y una carpeta por entidad' },
    ]);
  });

  it('refuses an entity folder without entidad.json', () => {
    const problem = onlyProblem({ data: (data) => rmSync(join(data, 'entidad-prueba', 'entidad.json')) });
    expect(described(problem)).toEqual({ severity: 'error', file: expect.stringMatching(ENTITY_FILE), field: undefined, message: 'falta el archivo de la entidad (entidad.json)' });
  });

  it('refuses a data file it cannot read, with the system’s reason', () => {
    const problem = onlyProblem({ data: (data) => mkdirSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-002.json')) });
    expect(described(problem)).toEqual({
      severity: 'error',
      file: expect.stringMatching(/\/data\/entidad-prueba\/documentos\/GC-P-002\.json$/),
      field: undefined,
      message: 'el archivo es una carpeta; en esa ruta debe haber un archivo',
    });
  });

  it('names the line inside a text field that holds an unprintable character', () => {
    expectOnly(
      { doc: (d) => (d.secciones[0]!.titulo = 'Primera línea\nsegunda línea con 漢') },
      { field: 'secciones[0].titulo', message: 'línea 2 del texto: el carácter «漢» (U+6F22) no existe en la fuente de los documentos y se imprimiría en blanco; quítelo o reemplácelo por texto' },
    );
  });

  it('refuses a logo the PDF edition cannot use, saying why, at check time', () => {
    // A 1×1 RGB PNG, interlaced (Adam7).
    const header = Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 1]);
    const interlaced = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(Buffer.from([0, 255, 255, 255]))),
      pngChunk('IEND', Buffer.alloc(0)),
    ]);
    expectOnly(
      { data: (data) => writeFileSync(join(data, 'entidad-prueba', 'logo.png'), interlaced) },
      { file: ENTITY_FILE, field: 'logo', message: '"logo.png": el logo es un PNG entrelazado (Adam7), que docctl no puede aplanar; guárdelo sin entrelazado' },
    );
  });
});

// The custom message of every schema rule, alone: the field, the bad value, what would be right.
describe('schema messages', () => {
  const cases: [string, Edits, RegExp, string, string][] = [
    ['a text that is not text', { doc: (d) => (d.titulo = 7) }, DOC_FILE, 'titulo', '7 debe ser un texto (título del documento)'],
    ['an empty text', { doc: (d) => (d.dependencia = ' ') }, DOC_FILE, 'dependencia', '" " no puede estar vacío (dependencia responsable del documento)'],
    ['a date in another format', { doc: (d) => (d.versiones[0]!.fecha = '10/03/2021') }, DOC_FILE, 'versiones[0].fecha', '"10/03/2021" debe tener el formato AAAA-MM-DD, por ejemplo "2022-12-15"; ¿quiso decir "2021-03-10"? (año-mes-día)'],
    ['an impossible date', { doc: (d) => (d.versiones[0]!.fecha = '2021-02-29') }, DOC_FILE, 'versiones[0].fecha', '"2021-02-29" no es una fecha válida del calendario'],
    ['a date as a number', { doc: (d) => (d.versiones[0]!.fecha = 2021) }, DOC_FILE, 'versiones[0].fecha', '2021 debe ser una fecha en formato AAAA-MM-DD, entre comillas'],
    ['a version number that is not whole', { doc: (d) => (d.versiones[0]!.numero = 1.5) }, DOC_FILE, 'versiones[0].numero', '1.5 debe ser un número entero de versión (1, 2, 3…)'],
    ['a version state other than borrador', { doc: (d) => (d.versiones[0]!.estado = 'vigente') }, DOC_FILE, 'versiones[0].estado', '"vigente" solo puede ser "borrador" (las versiones aprobadas no llevan estado: la última es la vigente)'],
    ['an acta without its number', { doc: (d) => ((d.versiones[0]!.acta as Json).numero = '') }, DOC_FILE, 'versiones[0].acta.numero', '"" no puede estar vacío (número del acta, p. ej. "004")'],
    ['a document type that does not exist', { doc: (d) => (d.tipo = 'circular') }, DOC_FILE, 'tipo', '"circular" debe ser uno de: politica, procedimiento, manual, guia, plan, programa, instructivo'],
    ['a classification that does not exist', { doc: (d) => (d.clasificacion = 'secreta') }, DOC_FILE, 'clasificacion', '"secreta" debe ser "publica", "publica-clasificada" o "publica-reservada"'],
    ['a review period that is not whole', { doc: (d) => (d.periodoRevisionMeses = 1.5) }, DOC_FILE, 'periodoRevisionMeses', '1.5 debe ser un número entero de meses, p. ej. 24'],
    ['a review period of zero months', { doc: (d) => (d.periodoRevisionMeses = 0) }, DOC_FILE, 'periodoRevisionMeses', '0 debe ser al menos 1 mes'],
    ['a review period over ten years', { doc: (d) => (d.periodoRevisionMeses = 121) }, DOC_FILE, 'periodoRevisionMeses', '121 debe ser a lo sumo 120 meses'],
    ['no versions', { doc: (d) => (d.versiones = []) }, DOC_FILE, 'versiones', '[] debe tener al menos una versión'],
    ['no sections', { doc: (d) => (d.secciones = []) }, DOC_FILE, 'secciones', '[] debe tener al menos una sección'],
    ['a Markdown path outside documentos/', { doc: (d) => (d.secciones[0] = { titulo: 'Intro', archivo: '../intro.md' }) }, DOC_FILE, 'secciones[0].archivo', '"../intro.md" debe ser la ruta de un archivo .md dentro de la carpeta documentos/, p. ej. "DE-P-007/introduccion.md"'],
    ['a block that does not exist', { doc: (d) => (d.secciones[1]!.bloque = 'indice') }, DOC_FILE, 'secciones[1].bloque', '"indice" debe ser "marco-juridico", "glosario", "roles", "actividades" o "firmas"'],
    ['a catalog id with capitals', { catalog: (c) => (c.normas[0]!.id = 'Ley-1712') , doc: (d) => (d.normas = ['decreto-767-2022']) }, CATALOG_FILE, 'normas[0].id', '"Ley-1712" debe usar minúsculas, dígitos y guiones, p. ej. "decreto-767-2022"'],
    ['a year that is not whole', { catalog: (c) => (c.normas[0]!.año = '2014') }, CATALOG_FILE, 'normas[0].año', '"2014" debe ser un año entero, p. ej. 2022'],
    ['a norm state that does not exist', { catalog: (c) => (c.normas[0]!.estado = 'suspendida') }, CATALOG_FILE, 'normas[0].estado', '"suspendida" debe ser "vigente", "derogada" o "modificada"'],
    ['a norm URL without http', { catalog: (c) => (c.normas[0]!.url = 'www.gov.co') }, CATALOG_FILE, 'normas[0].url', '"www.gov.co" debe ser una dirección web que empiece por http:// o https://'],
    ['a norm URL that is not text', { catalog: (c) => (c.normas[0]!.url = 1) }, CATALOG_FILE, 'normas[0].url', '1 debe ser una dirección web (texto)'],
    ['an e-mail address without @', { entity: (e) => (e.correos = ['contacto']) }, ENTITY_FILE, 'correos[0]', '"contacto" debe ser un correo electrónico'],
    ['a logo that is not PNG or JPG', { entity: (e) => (e.logo = 'logo.gif') }, ENTITY_FILE, 'logo', '"logo.gif" debe ser el nombre de un archivo PNG o JPG en la carpeta de la entidad, p. ej. "logo.png"'],
    ['a page size that does not exist', { entity: (e) => (e.tamanoPagina = 'legal') }, ENTITY_FILE, 'tamanoPagina', '"legal" debe ser "carta", "a4" u "oficio"'],
    ['a version format that does not exist', { entity: (e) => (e.formatoVersion = 'v1') }, ENTITY_FILE, 'formatoVersion', '"v1" debe ser "1", "1.0" o "01"; ¿quiso decir "1"?'],
  ];

  for (const [name, edits, file, field, message] of cases) {
    it(`names ${name}`, () => {
      expectOnly(edits, { file, field, message });
    });
  }
});

describe('activities, file names and codes (documentRules, duplicateCodeRule)', () => {
  const activity = { actividad: 'Recibir la solicitud.', responsable: 'Auxiliar' };

  it('refuses activities that no section shows, pointing at "actividades"', () => {
    expectOnly(
      { doc: (d) => (d.actividades = [activity]) },
      { field: 'actividades', message: 'el documento tiene "actividades" pero ninguna sección las muestra; agregue una sección con "bloque": "actividades" (p. ej. «DESCRIPCIÓN DE LAS ACTIVIDADES»)' },
    );
  });

  it('refuses the activities block with no activities', () => {
    expectOnly(
      { doc: (d) => d.secciones.push({ titulo: 'Actividades', bloque: 'actividades' }) },
      { field: 'secciones[3].bloque', message: 'la sección muestra la tabla de actividades pero "actividades" está vacío; agregue cada actividad con su responsable y su registro' },
    );
  });

  it('accepts activities with their block', () => {
    expect(
      problemsAfter({
        doc: (d) => {
          d.actividades = [activity];
          d.secciones.push({ titulo: 'Actividades', bloque: 'actividades' });
        },
      }),
    ).toEqual([]);
  });

  it('refuses a code that is not the file name, saying how to fix it', () => {
    const problem = onlyProblem({ doc: (d) => (d.codigo = 'GC-P-002') });
    expect(described(problem)).toEqual({
      severity: 'error',
      file: expect.stringMatching(DOC_FILE),
      field: 'codigo',
      message: 'el código "GC-P-002" no coincide con el nombre del archivo; renombre el archivo a GC-P-002.json o corrija el código',
    });
    expect(problem.line).toBeGreaterThan(1);
  });

  it('refuses a second document with the code of another, naming the first file', () => {
    const problems = problemsAfter({
      data: (data) => writeFileSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-002.json'), readFileSync(join(data, MINIMAL_DOC))),
    });
    const second = expect.stringMatching(/\/data\/entidad-prueba\/documentos\/GC-P-002\.json$/);
    expect(problems.map(described)).toEqual([
      { severity: 'error', file: second, field: 'codigo', message: 'el código "GC-P-001" no coincide con el nombre del archivo; renombre el archivo a GC-P-001.json o corrija el código' },
      { severity: 'error', file: second, field: 'codigo', message: `el código "GC-P-001" ya lo usa ${join(lastData, MINIMAL_DOC)}; cada documento de una entidad tiene un código único` },
    ]);
  });
});
