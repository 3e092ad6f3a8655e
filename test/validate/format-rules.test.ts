// Formats in data (data/<entidad>/formato.json, formatos/<tipo|CÓDIGO>.json):
// each rule is shown on a broken copy of the valid fixture, and every message
// names the file and the place in the format, in Spanish.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline.js';
import { copyProject, editJson, MINIMAL_DOC, problemsOf, TEMPLATES, writeRaw } from '../support/project.js';

const ENTITY = 'entidad-prueba';
const FORMAT_FILE = `data/${ENTITY}/formato.json`;

/** A copy of the fixture with a format file (and other edits); its problems as docctl prints them. */
function withFormat(format: Record<string, unknown> | undefined, edit?: (data: string) => void): { data: string; problems: string[] } {
  const data = join(copyProject(), 'data');
  if (format) writeRaw(data, `${ENTITY}/formato.json`, JSON.stringify(format, null, 2));
  edit?.(data);
  return { data, problems: problemsOf(data) };
}

const twoColumnHeader = {
  anchos: ['*', 120],
  filas: [
    [{ campo: 'entidad', negrita: true }, { campo: 'logo', ancho: 100, alto: 40, filas: 2 }],
    [{ campo: 'titulo' }],
    [{ campo: 'codigo', etiqueta: 'Código' }, { campo: 'pagina' }],
  ],
};

describe('format files', () => {
  it('accepts a complete format and gives its documents that frame', () => {
    const { data, problems } = withFormat({ codigo: 'GD-F-01', version: '03', encabezado: twoColumnHeader, etiquetaPagina: 'PÁGINA: {pagina} de {paginas}', numeracion: '1' });
    expect(problems).toEqual([]);
    const [doc] = prepare({ dataDir: data, templatesDir: TEMPLATES }).documents;
    const frame = doc!.rendered.context.frame;
    expect(frame.header.widths).toEqual(['*', 120]);
    expect(frame.header.rows.map((row) => row.map((cell) => [cell.row, cell.column, cell.rowSpan]))).toEqual([
      [[0, 0, 1], [0, 1, 2]],
      [[1, 0, 1]],
      [[2, 0, 1], [2, 1, 1]],
    ]);
    expect(frame.numbering).toBe('1');
  });

  it('lets a document type and a document override the entity, key by key', () => {
    const { data, problems } = withFormat({ numeracion: '1', etiquetaPagina: 'Hoja {pagina}' }, (dir) => {
      mkdirSync(join(dir, ENTITY, 'formatos'));
      writeRaw(dir, `${ENTITY}/formatos/politica.json`, JSON.stringify({ numeracion: 'ninguna', portada: { mostrar: false } }));
      writeRaw(dir, `${ENTITY}/formatos/GC-P-001.json`, JSON.stringify({ contenido: { mostrar: false } }));
    });
    expect(problems).toEqual([]);
    const frame = prepare({ dataDir: data, templatesDir: TEMPLATES }).documents[0]!.rendered.context.frame;
    expect(frame.numbering).toBe('ninguna');
    expect(frame.cover).toBeUndefined();
    expect(frame.contents).toBeUndefined();
    const pageCell = frame.header.rows.flat().find((cell) => cell.parts.some((p) => p.kind === 'text' && p.segments.some((s) => 'page' in s)))!;
    expect(pageCell.parts[0]).toMatchObject({ segments: [{ text: 'Hoja ' }, { page: 'current' }] });
  });

  it('says which row of the header does not fill its columns', () => {
    const { problems } = withFormat({ encabezado: { anchos: [100, '*', 100], filas: [[{ campo: 'entidad' }, { campo: 'titulo' }]] } });
    expect(problems.join('\n')).toMatch(new RegExp(`${FORMAT_FILE}:\\d+:\\d+: encabezado\\.filas\\[0\\]: la fila 1 del encabezado no llena sus 3 columnas`));
  });

  it('says which cell does not fit', () => {
    const { problems } = withFormat({ encabezado: { anchos: ['*'], filas: [[{ campo: 'entidad' }, { campo: 'titulo' }]] } });
    expect(problems.join('\n')).toContain('encabezado.filas[0][1]: la celda no cabe');
  });

  it('names an unknown field in a text', () => {
    const { problems } = withFormat({ pie: { lineas: [{ campo: 'texto', texto: 'Formato {formatoCodgo}' }] } });
    expect(problems.join('\n')).toContain('pie.lineas[0].texto: "{formatoCodgo}" no es un campo');
  });

  it('names an unknown field with the list of known ones', () => {
    const { problems } = withFormat({ pie: { lineas: [{ campo: 'telefono' }] } });
    expect(problems.join('\n')).toContain('pie.lineas[0].campo');
    expect(problems.join('\n')).toContain('entidadSuperior');
  });

  it('refuses a page label without the page number', () => {
    const { problems } = withFormat({ etiquetaPagina: 'Página' });
    expect(problems.join('\n')).toMatch(/formato\.json:\d+:\d+: etiquetaPagina: "Página" debe contener \{pagina\}/);
  });

  it('refuses an override named after neither a type nor a document', () => {
    const { problems } = withFormat(undefined, (dir) => {
      mkdirSync(join(dir, ENTITY, 'formatos'));
      writeRaw(dir, `${ENTITY}/formatos/GC-P-999.json`, '{}');
    });
    expect(problems.join('\n')).toContain(`data/${ENTITY}/formatos/GC-P-999.json: ningún documento de la entidad tiene el código "GC-P-999"`);
  });
});

describe('fields a format shows must be in the data', () => {
  it('lets a document leave out the process when its format does not show it', () => {
    const header = { anchos: ['*'], filas: [[{ campo: 'entidad' }], [{ campo: 'titulo' }], [{ campo: 'pagina' }]] };
    const { problems } = withFormat({ encabezado: header, portada: { mostrar: false } }, (dir) =>
      editJson(dir, MINIMAL_DOC, (doc) => {
        delete doc.proceso;
        delete doc.dependencia;
      }),
    );
    expect(problems).toEqual([]);
  });

  it('names the format and the field when the default header shows a process the document lacks', () => {
    const { problems } = withFormat(undefined, (dir) => editJson(dir, MINIMAL_DOC, (doc) => delete doc.proceso));
    expect(problems.join('\n')).toContain(
      `${MINIMAL_DOC}:1:1: proceso: el formato (el formato por omisión de docctl, encabezado.filas[1][0]) muestra "proceso", pero el documento no tiene "proceso"`,
    );
  });

  it('names the entity file when the format shows an address or a parent entity it lacks', () => {
    const header = { anchos: ['*'], filas: [[{ campo: 'entidadSuperior' }], [{ campo: 'entidad' }], [{ campo: 'pagina' }]] };
    const { problems } = withFormat({ encabezado: header }, (dir) => editJson(dir, `${ENTITY}/entidad.json`, (entity) => delete entity.direccion));
    const text = problems.join('\n');
    expect(text).toContain(`${ENTITY}/entidad.json:1:1: entidadSuperior: el formato (`);
    expect(text).toContain(`${FORMAT_FILE}, encabezado.filas[0][0]) muestra "entidadSuperior", pero la entidad no tiene "entidadSuperior"`);
    expect(text).toContain(`direccion: el formato (el formato por omisión de docctl, pie.lineas[0]) muestra "direccion", pero la entidad no tiene "direccion"`);
  });

  it("names the format when it prints its own code but has none", () => {
    const { problems } = withFormat({ pie: { lineas: [{ campo: 'texto', texto: 'Código del formato: {formatoCodigo}' }] } });
    expect(problems.join('\n')).toContain(`${FORMAT_FILE}: pie.lineas[0].texto: muestra "formatoCodigo", pero el formato no tiene "codigo"`);
  });
});

describe('a draft', () => {
  it('shows no approval data on its cover, no invented year, and no QR to the page of another version', () => {
    const { data, problems } = withFormat(undefined, (dir) => {
      editJson(dir, `${ENTITY}/entidad.json`, (entity) => (entity.urlSitio = 'https://prueba.gov.co/transparencia'));
      editJson(dir, MINIMAL_DOC, (doc) => (doc.versiones as unknown[]).push({ numero: 2, estado: 'borrador', descripcion: 'Cambio en curso' }));
    });
    expect(problems).toEqual([]);
    const { context } = prepare({ dataDir: data, templatesDir: TEMPLATES }).documents[0]!.rendered;
    const cover = JSON.stringify(context.frame.cover);
    expect(cover).toContain('Versión 2.0');
    expect(cover).not.toContain('Aprobado por');
    expect(cover).not.toMatch(/"(2000|2021)"/);
    expect(context.year).toBeUndefined();
    expect(context.approvingBody).toBeUndefined();
    expect(context.publicPageUrl).toBeUndefined();
  });

  it('keeps them once approved', () => {
    const { data } = withFormat(undefined);
    const { context } = prepare({ dataDir: data, templatesDir: TEMPLATES }).documents[0]!.rendered;
    const cover = JSON.stringify(context.frame.cover);
    expect(cover).toContain('Aprobado por');
    expect(cover).toContain('"2021"');
  });
});
