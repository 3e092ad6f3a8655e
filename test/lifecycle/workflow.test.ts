// The version lifecycle through the real CLI. Each test starts from its own
// copy of data/ — with the archive committed beside it
// (data/<entidad>/archivo/) — so one bug fails one test, not a chain. The
// draft most tests start from is opened once, in beforeAll, and copied.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runCli, SEEDS } from '../support/project.js';

const DOC = join('personeria-cartagena', 'documentos', 'DE-P-007.json');
const ARCHIVE = join('personeria-cartagena', 'archivo');
const COMITE = 'Comité Institucional de Gestión y Desempeño';

/** A project in `dir`: its folders, the CLI on them, and an edit of DE-P-007. */
function projectIn(dir: string) {
  const data = join(dir, 'data');
  const output = join(dir, 'output');
  const cli = (...args: string[]) => runCli([...args, '--datos', data, '--salida', output, '--hoy', '2026-11-21']);
  const docFile = join(data, DOC);
  const editDoc = (edit: (doc: { versiones: Record<string, unknown>[] } & Record<string, unknown>) => void) => {
    const doc = JSON.parse(readFileSync(docFile, 'utf8'));
    edit(doc);
    writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
  };
  return { data, output, cli, docFile, editDoc, archive: join(data, ARCHIVE) };
}

/** A fresh copy of the seeds. */
const seeds = () => projectIn(copyProject(SEEDS));

/**
 * DE-P-007 v2 opened (by the CLI) and ready to approve, once for the file: each test that needs it
 * works on its own copy of that project (copying is cheap, the CLI run is not).
 */
let draftProject: string;
beforeAll(() => {
  const project = seeds();
  expect(project.cli('version', 'DE-P-007', '--motivo', 'Actualización por el Decreto 767 de 2022').status).toBe(0);
  project.editDoc((doc) => {
    doc.versiones[1]!.elaboro = { nombre: 'Ana Pérez', cargo: 'Personera Auxiliar' };
    doc.versiones[1]!.reviso = { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' };
    doc.versiones[1]!.aprobo = { nombre: 'Marta Díaz', cargo: 'Personera Distrital' };
  });
  draftProject = dirname(project.data);
});

/** A copy with DE-P-007 v2 opened and ready to approve. */
function withDraft() {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-test-'));
  cpSync(draftProject, dir, { recursive: true });
  return projectIn(dir);
}

const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const registerLines = (archive: string) => readFileSync(join(archive, 'registro.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
const V1_FILES = ['DE-P-007-v1.pdf', 'DE-P-007-v1.docx', 'DE-P-007-v1.html', 'fuente.json', 'manifiesto.json'];
const bytesOf = (dir: string) => Object.fromEntries(V1_FILES.map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));

describe('the version lifecycle', () => {
  it('opens a draft by adding one entry and changing nothing else in the file', () => {
    const { cli, docFile } = seeds();
    const before = readFileSync(docFile, 'utf8');
    const result = cli('version', 'DE-P-007', '--motivo', 'Actualización por el Decreto 767 de 2022');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const after = readFileSync(docFile, 'utf8');
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
    expect(before.slice(0, prefix) + before.slice(before.length - suffix)).toBe(before);
    const oldVersions = JSON.parse(before).versiones;
    expect(JSON.parse(after).versiones).toEqual([...oldVersions, { numero: 2, estado: 'borrador', descripcion: 'Actualización por el Decreto 767 de 2022' }]);
    expect({ ...JSON.parse(after), versiones: oldVersions }).toEqual(JSON.parse(before));
  });

  it('refuses a second draft while one is open', () => {
    const { cli } = withDraft();
    const result = cli('version', 'DE-P-007', '--motivo', 'Otra');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DE-P-007 ya tiene un borrador abierto (versión 2');
  });

  it('renders a draft into output/ with BORRADOR; the archive and the site keep v1', () => {
    const { cli, output, archive } = withDraft();
    const v1 = join(archive, 'DE-P-007', 'v1');
    const v1Bytes = bytesOf(v1);
    const result = cli('build');
    expect(result.status, result.stderr).toBe(0);
    const draftPdf = join(output, 'personeria-cartagena', 'DE-P-007', 'v2', 'DE-P-007-v2.pdf');
    expect(pdfText(draftPdf)).toContain('BORRADOR');
    expect(existsSync(join(archive, 'DE-P-007', 'v2'))).toBe(false);
    expect(bytesOf(v1)).toEqual(v1Bytes);
    const page = readFileSync(join(output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8');
    expect(page).toContain('DE-P-007-v1.pdf');
    expect(page).not.toContain('BORRADOR');
    expect(page).not.toContain('DE-P-007-v2');
  });

  it('refuses to approve without Elaboró / Revisó / Aprobó, and when the drafter approves', () => {
    const { cli, editDoc } = seeds();
    expect(cli('version', 'DE-P-007', '--motivo', 'Cambio').status).toBe(0);
    const missing = cli('approve', 'DE-P-007', '--si', '--acta', '010', '--fecha', '2026-11-20');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('faltan: versiones[1].elaboro.nombre (Elaboró)');
    editDoc((doc) => {
      doc.versiones[1]!.elaboro = { nombre: 'Ana Pérez', cargo: 'Personera Auxiliar' };
      doc.versiones[1]!.reviso = { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' };
      doc.versiones[1]!.aprobo = { nombre: 'Ana  PEREZ', cargo: 'Personera Distrital' };
    });
    const self = cli('approve', 'DE-P-007', '--si', '--acta', '010', '--fecha', '2026-11-20', '--comite', COMITE);
    expect(self.status).toBe(1);
    expect(self.stderr).toContain(
      `versiones[1].aprobo.nombre: "Ana  PEREZ" elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2): es la misma persona que elaboro.nombre ("Ana Pérez"); indique otra persona en "aprobo"\n`,
    );
  });

  it('approves: v2 sealed in data/<entidad>/archivo/ with its manifest and a chained register entry, v1 untouched, the site shows both', () => {
    const { cli, docFile, archive, output } = withDraft();
    const v1Bytes = bytesOf(join(archive, 'DE-P-007', 'v1'));
    const head = registerLines(archive).at(-1).sha256;
    const result = cli('approve', 'DE-P-007', '--si', '--acta', '010', '--fecha', '2026-11-20', '--comite', COMITE);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const approved = JSON.parse(readFileSync(docFile, 'utf8')).versiones[1];
    expect(approved).toMatchObject({ numero: 2, fecha: '2026-11-20', acta: { numero: '010', fecha: '2026-11-20', comite: COMITE } });
    expect(approved.estado).toBeUndefined();
    const v2 = join(archive, 'DE-P-007', 'v2');
    const manifest = JSON.parse(readFileSync(join(v2, 'manifiesto.json'), 'utf8'));
    expect(manifest).toMatchObject({ formato: 2, version: 2, fechaAprobacion: '2026-11-20', acta: { numero: '010' }, aprobo: { nombre: 'Marta Díaz' } });
    expect(manifest.datos.versiones[1]).toEqual(approved);
    // What changed from version 1, sealed with version 2.
    expect(manifest.archivos.map((f: { nombre: string }) => f.nombre)).toEqual(['DE-P-007-v2.pdf', 'DE-P-007-v2.docx', 'DE-P-007-v2.html', 'DE-P-007-v2-comparacion.pdf', 'fuente.json']);
    expect(manifest.entradas.archivos.map((f: { nombre: string }) => f.nombre)).toContain('personeria-cartagena/documentos/DE-P-007/metodologia.md');
    const entry = registerLines(archive).at(-1);
    expect(entry).toMatchObject({ evento: 'aprobacion', codigo: 'DE-P-007', version: 2, anterior: head });
    expect(pdfText(join(v2, 'DE-P-007-v2.pdf'))).not.toContain('BORRADOR');
    expect(bytesOf(join(archive, 'DE-P-007', 'v1'))).toEqual(v1Bytes);
    expect(existsSync(join(output, 'personeria-cartagena'))).toBe(false);
    const page = readFileSync(join(output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8');
    expect(page).toContain('DE-P-007-v2.pdf');
    // The obsolete version only as its stamped copy.
    expect(page).toContain('DE-P-007-v1-OBSOLETO.pdf');
    expect(page).not.toContain('DE-P-007-v1.pdf');
    expect(page).toContain('Obsoleta');
    expect(cli('verify').status).toBe(0);
  });

  it('annuls a mistaken approval: recorded in the register, marked in the data, v1 in force again, nothing deleted', () => {
    const { cli, docFile, archive, output } = withDraft();
    expect(cli('approve', 'DE-P-007', '--si', '--acta', '010', '--fecha', '2026-11-20', '--comite', COMITE).status).toBe(0);
    const result = cli('anular', 'DE-P-007', '--version', '2', '--motivo', 'Se aprobó sin quórum', '--por', 'Marta Díaz');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Vuelve a estar vigente la versión 1');
    expect(registerLines(archive).at(-1)).toMatchObject({ evento: 'anulacion', codigo: 'DE-P-007', version: 2, motivo: 'Se aprobó sin quórum', por: 'Marta Díaz' });
    expect(JSON.parse(readFileSync(docFile, 'utf8')).versiones[1].anulada).toMatchObject({ motivo: 'Se aprobó sin quórum', por: 'Marta Díaz' });
    expect(existsSync(join(archive, 'DE-P-007', 'v2', 'DE-P-007-v2.pdf'))).toBe(true);
    const page = readFileSync(join(output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8');
    expect(page).toMatch(/Versión vigente<\/dt><dd>1</);
    expect(page).toContain('Anulada');
    expect(cli('check').status).toBe(0);
    expect(cli('listado').status).toBe(0);
    expect(readFileSync(join(output, 'listado-maestro.csv'), 'utf8')).toContain('"vigente; versión 2 anulada"');
    const again = cli('anular', 'DE-P-007', '--version', '2', '--motivo', 'Otra vez');
    expect(again.status).toBe(1);
    expect(again.stderr).toContain('ya fue anulada');
  });

  it('finds the documents citing a norm written as people write it', () => {
    const { cli } = seeds();
    const result = cli('impacto', 'Decreto 1008 de 2018');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('derogada, reemplazada por Decreto 767 de 2022 (decreto-767-2022)');
    expect(result.stdout).toMatch(/alcaldia-cartagena\s+GTI-P-001\s+«POLÍTICA DE GOBIERNO DIGITAL»\s+versión vigente 2\.0/);
    expect(result.stdout).toContain('marco jurídico (normas[21])');
    expect(result.stdout).toContain('texto de «INTRODUCCIÓN»');
    expect(result.stdout).not.toContain('DE-P-007');
  });

  it('writes the listado maestro from the archive: CSV with BOM, one row per document, and a PDF', () => {
    const { cli, output } = seeds();
    const result = cli('listado');
    expect(result.status, result.stderr).toBe(0);
    const csv = readFileSync(join(output, 'listado-maestro.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(5); // the heading and the four example documents
    // Semicolons: Excel in es-CO splits the columns only with its own list separator.
    expect(lines[0]).toBe('entidad;código;título;tipo;proceso;versión vigente;fecha de aprobación;estado;clasificación;responsable;próxima revisión');
    expect(lines.find((l) => l.includes('DE-P-007'))).toContain(';1;30/01/2020;vigente;');
    expect(pdfText(join(output, 'listado-maestro.pdf'))).toContain('GTI-P-001');
  });

  it('warns about derogated norms and reviews past due in check', () => {
    const { cli } = seeds();
    const result = cli('check');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('cita Decreto 1008 de 2018, que está derogada (reemplazada por Decreto 767 de 2022); el documento GTI-P-001');
    expect(result.stderr).toContain('GTI-P-001 debía revisarse a más tardar el 15/12/2024');
  });

  it('opens a draft in every document citing a norm, once', () => {
    const { cli, data } = seeds();
    const gti = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json');
    const opened = cli('impacto', 'decreto-1008-2018', '--abrir-versiones', '--motivo', 'Sustitución del Decreto 1008 de 2018');
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('GTI-P-001: se abrió la versión 3 (borrador)');
    // The new draft starts from the signers of the version before it.
    expect(JSON.parse(readFileSync(gti, 'utf8')).versiones.at(-1)).toEqual({
      numero: 3,
      estado: 'borrador',
      descripcion: 'Sustitución del Decreto 1008 de 2018',
      firmantes: [{ nombre: 'WILLIAM DAU CHAMAT', cargo: 'ALCALDE MAYOR DE CARTAGENA' }],
    });
    const again = cli('impacto', 'Decreto 1008 de 2018', '--abrir-versiones', '--motivo', 'Otra vez');
    expect(again.stdout).toContain('GTI-P-001: ya tiene un borrador abierto; no se abrió otro');
  });
});
