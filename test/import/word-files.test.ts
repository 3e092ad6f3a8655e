// Word files not made by docctl, built here by LibreOffice from sources in
// test/fixtures/word/ (Spanish heading style names, printed numbering, a
// header table in the page header or at the top of the body, merged cells,
// lists in cells, an image, a norm not in the catalogue), and bad input:
// each refused with a Spanish message, nothing written.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ControlledDocument } from '../../src/validate/schemas.js';
import { UserError } from '../../src/errors.js';
import { importDocument } from '../../src/import/import-document.js';
import { copyProject, REPO, runCli, TEMPLATES } from '../support/project.js';

const SOURCES = join(REPO, 'test', 'fixtures', 'word');
let work: string;
let project: string;
let data: string;
const runs: Record<string, ReturnType<typeof runCli>> = {};
let check: ReturnType<typeof runCli>;

function soffice(args: readonly string[]): void {
  const result = spawnSync('soffice', ['--headless', `-env:UserInstallation=file://${join(work, 'lo-profile')}`, ...args, '--outdir', work], { encoding: 'utf8' });
  expect(result.status, result.stderr).toBe(0);
}

const importing = (file: string, ...extra: string[]) => runCli(['importar', file, '--entidad', 'entidad-prueba', '--datos', data, '--plantillas', TEMPLATES, ...extra]);

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'docctl-word-'));
  soffice(['--convert-to', 'docx', join(SOURCES, 'ajeno.fodt'), join(SOURCES, 'vacio.fodt')]);
  soffice(['--infilter=HTML (StarWriter)', '--convert-to', 'docx:MS Word 2007 XML', join(SOURCES, 'encabezado-en-tabla.html')]);
  project = copyProject();
  data = join(project, 'data');
  runs.ajeno = importing(join(work, 'ajeno.docx'));
  runs.tabla = importing(join(work, 'encabezado-en-tabla.docx'));
  check = runCli(['check', '--datos', data, '--plantillas', TEMPLATES]);
}, 240_000);

afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(project, { recursive: true, force: true });
});

const documentsDir = () => join(data, 'entidad-prueba', 'documentos');
const readDocument = (code: string) => JSON.parse(readFileSync(join(documentsDir(), `${code}.json`), 'utf8')) as ControlledDocument;
const read = (path: string) => readFileSync(join(documentsDir(), path), 'utf8');

describe('a document with its identity in the page header and Spanish heading styles', () => {
  it('is imported, and docctl check accepts it (images aside until figures render)', () => {
    expect(runs.ajeno!.status, runs.ajeno!.stderr).toBe(0);
    expect(runs.ajeno!.stdout).toMatch(/^Importado: \S*data\/entidad-prueba\/documentos\/GC-P-009\.json\n/);
    expect(runs.ajeno!.stdout).toMatch(/1 normas que no están en data\/normas\.json/);
    // Figures in Markdown are the formats stage's: today's check refuses images, later it accepts them.
    const errors = (check.stdout + check.stderr).split('\n').filter((l) => l.includes('GC-P-009') && / error/.test(l) && !/imágenes no se admiten/.test(l));
    expect(errors).toEqual([]);
  });

  it('reads code, version, date, process and title from word/header*.xml, classification from the footer', () => {
    const document = readDocument('GC-P-009');
    expect(document).toMatchObject({ codigo: 'GC-P-009', titulo: 'PROCEDIMIENTO DE CONTROL DE DOCUMENTOS', proceso: 'GESTIÓN DE CALIDAD', tipo: 'procedimiento', clasificacion: 'publica' });
    expect(document.versiones.map((v) => [v.numero, v.fecha, v.descripcion])).toEqual([
      [1, '2019-03-15', 'Creación del documento'],
      [2, '2021-07-20', 'Ajuste de responsables'],
      [3, '2023-02-10', 'Inclusión del flujo de aprobación'],
    ]);
  });

  it('turns "Título 1", "Heading 1", "Título 2" and a bold numbered paragraph into sections without their numbers', () => {
    const outline = readDocument('GC-P-009').secciones.map((s) => [s.titulo, s.bloque, (s.secciones ?? []).map((c) => c.titulo)]);
    expect(outline).toEqual([
      ['OBJETIVO', undefined, []],
      ['MARCO NORMATIVO', 'marco-juridico', []],
      ['DEFINICIONES', 'glosario', []],
      ['DESARROLLO', undefined, ['Actividades']],
      ['RESPONSABLES', 'roles', []],
      ['ANEXOS', undefined, []],
    ]);
    expect(readDocument('GC-P-009').secciones[0]!.contenido).toBe('Definir cómo se **elaboran**, *revisan* y :subrayado[aprueban] los documentos del sistema.');
  });

  it('keeps norms, glossary and roles as data, and sends the unknown norm to review, not to the catalogue', () => {
    const document = readDocument('GC-P-009');
    expect(document.normas).toEqual(['ley-1712-2014']);
    expect(document.glosario.map((e) => e.termino)).toEqual(['Documento controlado', 'Versión']);
    expect(document.roles).toEqual([{ rol: 'Líder de calidad', responsabilidades: 'Mantener el listado maestro de documentos.', responsable: 'Profesional de calidad' }]);
    const review = JSON.parse(read('GC-P-009/normas-por-revisar.json')) as { normas: { tipo: string; numero: string; año: number }[] };
    expect(review.normas).toMatchObject([{ tipo: 'Resolución', numero: '4321', año: 2021 }]);
    expect(readFileSync(join(data, 'normas.json'), 'utf8')).not.toContain('4321');
  });

  it('writes merged cells and lists in cells as a :::tabla, nested lists, and the image as a figure flagged for review', () => {
    const markdown = read('GC-P-009/actividades.md');
    expect(markdown).toContain(':::tabla{encabezado="1"}');
    expect(markdown).toContain('- - Elaboración\n  - - Redactar el texto\n    - Citar las normas\n  - Líder del proceso');
    // The cell under a vertical merge is left empty, the one right of a horizontal merge too.
    expect(markdown).toContain('- -\n  - Primer párrafo de la celda.\n\n    Segundo párrafo de la celda.');
    expect(markdown).toContain('- - Aprobación por el comité\n  -\n  - Comité de Gestión y Desempeño');
    expect(markdown).toMatch(/1\. Elaborar el borrador\n\n {3}1\. con la plantilla vigente/);
    expect(markdown).toContain('![Figura 1: texto alternativo por revisar](figuras/figura-1.png)');
    const png = readFileSync(join(documentsDir(), 'GC-P-009', 'figuras', 'figura-1.png'));
    expect([...png.subarray(1, 4)]).toEqual([...Buffer.from('PNG')]);
    expect(read('GC-P-009/informe-importacion.md')).toMatch(/figuras\/figura-1\.png\*\*: texto alternativo provisional/);
  });

  it('lists in its Spanish report every paragraph that did not land, with its place', () => {
    const report = read('GC-P-009/informe-importacion.md');
    expect(report).toContain('## Texto que no quedó en los datos');
    expect(report).toContain('**antes del primer título (portada), párrafo 1** (texto antes del primer título que no es parte de la identidad del documento): «Documento de uso interno del Sistema de Gestión.»');
    expect(report).toContain('sección «2. MARCO NORMATIVO», tabla 1, fila 3: Resolución 4321 de 2021');
  });
});

describe('a document with its identity in a table at the top of the body', () => {
  it('reads the identity from the table, Word heading styles into sections, and passes check', () => {
    expect(runs.tabla!.status, runs.tabla!.stderr).toBe(0);
    const document = readDocument('AC-G-002');
    expect(document).toMatchObject({ codigo: 'AC-G-002', titulo: 'GUÍA PARA LA ATENCIÓN DE PETICIONES', proceso: 'Atención al Ciudadano', tipo: 'guia' });
    // A guía has its own template now: no fallback to the procedure's.
    expect(document).not.toHaveProperty('plantilla');
    expect(document.versiones).toMatchObject([{ numero: 1, fecha: '2022-08-01' }]);
    expect(document.secciones.map((s) => [s.titulo, (s.secciones ?? []).map((c) => [c.titulo, c.contenido])])).toEqual([
      ['PROPÓSITO', []],
      ['LINEAMIENTOS', [['Recepción', '- Registrar la petición el mismo día.\n- Entregar el número de radicado.'], ['Respuesta', 'Responder dentro de los términos de ley.']]],
      ['GLOSARIO', []],
    ]);
    // A glossary written as "Término: definición" paragraphs under a glossary title.
    expect(document.secciones[2]).toEqual({ titulo: 'GLOSARIO', contenido: 'Para esta guía:', bloque: 'glosario' });
    expect(document.glosario).toEqual([
      { termino: 'Petición', definicion: 'solicitud respetuosa ante la entidad.' },
      { termino: 'Radicado', definicion: 'número que identifica la petición.' },
    ]);
    expect(check.stdout + check.stderr).not.toMatch(/AC-G-002[^\n]* error/);
  });
});

/** Every file under data/ with its SHA-256: what a refused import must leave as it was. */
function snapshot(): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else files.set(relative(data, path), createHash('sha256').update(readFileSync(path)).digest('hex'));
    }
  };
  walk(data);
  return files;
}

describe('bad input: a clear Spanish error, exit 1, nothing written', () => {
  const cases: [string, () => string, RegExp][] = [
    ['not a DOCX', () => writeTo('notas.docx', 'Esto es texto, no un documento de Word.'), /no es un documento de Word \(\.docx\)/],
    [
      'a password-protected (encrypted) file',
      // Office encrypts a DOCX by wrapping it in an OLE compound file: that container's signature.
      () => writeTo('protegido.docx', Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4096)])),
      /está protegido con contraseña \(cifrado\)/,
    ],
    [
      'a DOCX with macros',
      () => {
        const parts = unzipSync(readFileSync(join(work, 'ajeno.docx')));
        parts['word/vbaProject.bin'] = strToU8('macro');
        return writeTo('macros.docx', zipSync(parts));
      },
      /contiene macros \(VBA/,
    ],
    ['an empty document', () => join(work, 'vacio.docx'), /no tiene texto: el documento está vacío/],
    [
      'a 50 MB file',
      () => {
        const path = join(work, 'enorme.docx');
        const fd = openSync(path, 'w');
        writeSync(fd, Buffer.from([0x50, 0x4b, 0x03, 0x04]));
        ftruncateSync(fd, 50 * 1024 * 1024);
        closeSync(fd);
        return path;
      },
      /el documento de Word pesa 50\.0 MB y el límite es 25\.0 MB; un documento controlado pesa mucho menos/,
    ],
    ['a code that already exists', () => join(work, 'ajeno.docx'), /ya existe \S*data\/entidad-prueba\/documentos\/GC-P-001\.json; docctl importar nunca sobrescribe/],
  ];

  // In this process (a CLI start costs seconds on a loaded machine); the CLI's own handling is the next test's.
  it.each(cases)('%s', async (name, make, message) => {
    const file = make();
    const before = snapshot();
    const attempt = importDocument({ dataDir: data, templatesDir: TEMPLATES, file, entity: 'entidad-prueba', code: name === 'a code that already exists' ? 'GC-P-001' : undefined });
    await expect(attempt).rejects.toThrow(UserError);
    await expect(attempt).rejects.toThrow(message);
    expect(snapshot()).toEqual(before);
    if (name === 'a 50 MB file') expect(statSync(file).size).toBe(50 * 1024 * 1024);
  });

  it('through the CLI: exit 1, the message after "docctl:", no stack trace, nothing written', () => {
    const before = snapshot();
    const result = importing(writeTo('otra-cosa.docx', '%PDF-1.7 no es Word'));
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docctl: \S+otra-cosa\.docx no es un documento de Word \(\.docx\)/);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(snapshot()).toEqual(before);
  });

  it('never overwrites: importing the same file twice is refused', () => {
    const before = snapshot();
    const again = importing(join(work, 'ajeno.docx'));
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/ya existe \S*data\/entidad-prueba\/documentos\/GC-P-009\.json/);
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(documentsDir(), 'GC-P-009.json'))).toBe(true);
  });
});

function writeTo(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}
