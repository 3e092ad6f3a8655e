// The version lifecycle end to end, through the real CLI, on a temporary
// copy of data/: build → archive → version → draft build → approve → verify.
import { execFileSync } from 'node:child_process';
import { chmodSync, cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/project.js';

const work = mkdtempSync(join(tmpdir(), 'docctl-lifecycle-'));
const data = join(work, 'data');
const output = join(work, 'output');
const docFile = join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json');
const v1 = join(output, 'personeria-cartagena', 'DE-P-007', 'v1');
const v2 = join(output, 'personeria-cartagena', 'DE-P-007', 'v2');

const cli = (...args: string[]) => runCli([...args, '--datos', data, '--salida', output, '--hoy', '2026-11-21']);
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
const bytesOf = (dir: string, names: string[]) => Object.fromEntries(names.map((n) => [n, readFileSync(join(dir, n)).toString('base64')]));
const V1_FILES = ['DE-P-007-v1.pdf', 'DE-P-007-v1.docx', 'DE-P-007-v1.html', 'fuente.json', 'manifiesto.json'];
const sitePage = () => readFileSync(join(output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8');

describe('the version lifecycle', () => {
  let v1Bytes: Record<string, string>;
  let before: string;

  beforeAll(() => {
    cpSync(join(REPO, 'data'), data, { recursive: true });
  });

  it('archives each vigente version with a manifest on the first build', () => {
    const result = cli('build');
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(v1, 'manifiesto.json'), 'utf8'));
    expect(manifest).toMatchObject({ codigo: 'DE-P-007', version: 1, versionMostrada: '1', fechaAprobacion: '2020-01-30' });
    expect(manifest.archivos.map((f: { nombre: string }) => f.nombre)).toEqual(['DE-P-007-v1.pdf', 'DE-P-007-v1.docx', 'DE-P-007-v1.html', 'fuente.json']);
    expect(existsSync(join(output, 'alcaldia-cartagena', 'GTI-P-001', 'v2', 'manifiesto.json'))).toBe(true);
    v1Bytes = bytesOf(v1, V1_FILES);
  });

  it('opens a draft by adding one entry and changing nothing else in the file', () => {
    before = readFileSync(docFile, 'utf8');
    const result = cli('version', 'DE-P-007', '--motivo', 'Actualización por el Decreto 767 de 2022');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const after = readFileSync(docFile, 'utf8');
    // The new text is the old one with a single insertion.
    let prefix = 0;
    while (before[prefix] === after[prefix]) prefix++;
    let suffix = 0;
    while (suffix < before.length - prefix && before.at(-1 - suffix) === after.at(-1 - suffix)) suffix++;
    expect(before.slice(0, prefix) + before.slice(before.length - suffix)).toBe(before);
    expect(after.length).toBeGreaterThan(before.length);
    const oldVersions = JSON.parse(before).versiones;
    const newVersions = JSON.parse(after).versiones;
    expect(newVersions).toEqual([...oldVersions, { numero: 2, estado: 'borrador', descripcion: 'Actualización por el Decreto 767 de 2022' }]);
    expect({ ...JSON.parse(after), versiones: oldVersions }).toEqual(JSON.parse(before));
  });

  it('refuses a second draft while one is open', () => {
    const result = cli('version', 'DE-P-007', '--motivo', 'Otra');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('DE-P-007 ya tiene un borrador abierto (versión 2');
  });

  it('renders the draft with BORRADOR, and leaves the archived version untouched', () => {
    const result = cli('build');
    expect(result.status).toBe(0);
    expect(existsSync(join(v2, 'DE-P-007-v2.pdf'))).toBe(true);
    expect(existsSync(join(v2, 'manifiesto.json'))).toBe(false);
    expect(pdfText(join(v2, 'DE-P-007-v2.pdf'))).toContain('BORRADOR');
    expect(pdfText(join(v1, 'DE-P-007-v1.pdf'))).not.toContain('BORRADOR');
    expect(bytesOf(v1, V1_FILES)).toEqual(v1Bytes);
    // The site keeps publishing the approved version while the draft is worked on.
    expect(sitePage()).toContain('DE-P-007-v1.pdf');
    expect(sitePage()).not.toContain('BORRADOR');
    expect(sitePage()).not.toContain('DE-P-007-v2');
  });

  it('refuses to approve without Elaboró / Revisó / Aprobó, or when the drafter approves', () => {
    const missing = cli('approve', 'DE-P-007', '--acta', '010', '--fecha', '2026-11-20');
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('faltan: versiones[1].elaboro.nombre (Elaboró)');

    const doc = JSON.parse(readFileSync(docFile, 'utf8'));
    doc.versiones[1].elaboro = { nombre: 'Ana Pérez', cargo: 'Personera Auxiliar' };
    doc.versiones[1].reviso = { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' };
    doc.versiones[1].aprobo = { nombre: 'Ana  PEREZ', cargo: 'Personera Distrital' };
    writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
    const self = cli('approve', 'DE-P-007', '--acta', '010', '--fecha', '2026-11-20', '--comite', 'Comité Institucional de Gestión y Desempeño');
    expect(self.status).toBe(1);
    expect(self.stderr).toContain('elaboró esta versión y no puede aprobarla');
  });

  it('approves: v2 becomes vigente and archived, v1 obsoleto and byte-identical', () => {
    const doc = JSON.parse(readFileSync(docFile, 'utf8'));
    doc.versiones[1].aprobo = { nombre: 'Marta Díaz', cargo: 'Personera Distrital' };
    writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
    const result = cli('approve', 'DE-P-007', '--acta', '010', '--fecha', '2026-11-20', '--comite', 'Comité Institucional de Gestión y Desempeño');
    expect(result.stderr).not.toContain('error');
    expect(result.status).toBe(0);
    const approved = JSON.parse(readFileSync(docFile, 'utf8')).versiones[1];
    expect(approved).toMatchObject({ numero: 2, fecha: '2026-11-20', acta: { numero: '010', fecha: '2026-11-20' } });
    expect(approved.estado).toBeUndefined();
    expect(JSON.parse(readFileSync(join(v2, 'manifiesto.json'), 'utf8'))).toMatchObject({ version: 2, fechaAprobacion: '2026-11-20' });
    expect(pdfText(join(v2, 'DE-P-007-v2.pdf'))).not.toContain('BORRADOR');
    expect(bytesOf(v1, V1_FILES)).toEqual(v1Bytes);
    // The site now publishes v2, and keeps v1 in the history, labelled obsolete, with its files.
    expect(sitePage()).toContain('DE-P-007-v2.pdf');
    expect(sitePage()).toContain('DE-P-007-v1.pdf');
    expect(sitePage()).toContain('Obsoleta');
  });

  it('verifies the archive, and names a file whose bytes changed', () => {
    const ok = cli('verify');
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/\d+ archivos archivados verificados: todos intactos/);

    const target = join(v1, 'DE-P-007-v1.pdf');
    chmodSync(target, 0o644);
    const bytes = readFileSync(target);
    bytes[bytes.length - 10] = (bytes[bytes.length - 10] ?? 0) ^ 0x01;
    writeFileSync(target, bytes);
    const bad = cli('verify');
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('DE-P-007-v1.pdf: fue modificado');
  });

  it('finds the documents citing a norm written as people write it', () => {
    const result = cli('impacto', 'Decreto 1008 de 2018');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('derogada, reemplazada por decreto-767-2022');
    expect(result.stdout).toMatch(/alcaldia-cartagena\s+GTI-P-001\s+«POLÍTICA DE GOBIERNO DIGITAL»\s+versión vigente 2\.0/);
    expect(result.stdout).toContain('marco jurídico (normas[21])');
    expect(result.stdout).toContain('texto de «INTRODUCCIÓN»');
    expect(result.stdout).not.toContain('DE-P-007');
  });

  it('writes the listado maestro: CSV with BOM, one row per document, and a PDF', () => {
    const result = cli('listado');
    expect(result.status).toBe(0);
    const csv = readFileSync(join(output, 'listado-maestro.csv'));
    expect([...csv.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = csv.toString('utf8').slice(1).trim().split('\r\n');
    expect(lines).toHaveLength(4); // the heading and the three example documents
    expect(lines[0]).toBe('entidad,código,título,tipo,proceso,versión vigente,fecha de aprobación,estado,clasificación,responsable,próxima revisión');
    expect(lines.find((l) => l.includes('DE-P-007'))).toContain(',2,20/11/2026,vigente,');
    expect(pdfText(join(output, 'listado-maestro.pdf'))).toContain('GTI-P-001');
  });

  it('warns about derogated norms and reviews past due in check', () => {
    const result = cli('check');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('cita Decreto 1008 de 2018, que está derogada (reemplazada por Decreto 767 de 2022); el documento GTI-P-001');
    expect(result.stderr).toContain('GTI-P-001 debía revisarse a más tardar el 15/12/2024');
  });

  it('opens a draft in every document citing a norm, once', () => {
    const gti = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json');
    const opened = cli('impacto', 'decreto-1008-2018', '--abrir-versiones', '--motivo', 'Sustitución del Decreto 1008 de 2018');
    expect(opened.status, opened.stderr).toBe(0);
    expect(opened.stdout).toContain('GTI-P-001: se abrió la versión 3 (borrador)');
    expect(JSON.parse(readFileSync(gti, 'utf8')).versiones.at(-1)).toEqual({ numero: 3, estado: 'borrador', descripcion: 'Sustitución del Decreto 1008 de 2018' });
    const again = cli('impacto', 'Decreto 1008 de 2018', '--abrir-versiones', '--motivo', 'Otra vez');
    expect(again.stdout).toContain('GTI-P-001: ya tiene un borrador abierto; no se abrió otro');
  });
});
