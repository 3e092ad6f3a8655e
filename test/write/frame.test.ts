// One format, three editions: the example secretaría's format
// (data/secretaria-educacion-ejemplo/formato.json) drawn by the PDF writer
// (pdfmake definition), the DOCX writer (its XML parts) and the HTML writer,
// feature by feature; and the default format drawn exactly as the PDF
// header was written by hand before formats existed.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import { beforeAll, describe, expect, it } from 'vitest';
import { resolveFormat } from '../../src/model/format.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { formatFileSchema, type Format } from '../../src/validate/format-schema.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { writeHtml } from '../../src/write/html/index.js';
import { buildPdfDefinition } from '../../src/write/pdf/index.js';
import { headerTable } from '../../src/write/pdf/layout/header.js';
import { RULES } from '../../src/write/pdf/styles.js';
import { REPO } from '../support/project.js';
import { sampleContext, sampleDocument } from '../support/sample-document.js';
import { elements, fieldInstructions, footerPartName, headerPartName, part, readParts, textOf, type Parts } from './docx/docx-parts.js';

const file = join(REPO, 'data', 'secretaria-educacion-ejemplo', 'formato.json');
const example: Format = resolveFormat([{ file, format: formatFileSchema.parse(JSON.parse(readFileSync(file, 'utf8'))) }]).format;
const parent = { parentName: 'Alcaldía Municipal de Villa Esperanza' };
const exampleDoc = () => {
  const base = sampleContext();
  return sampleDocument({ entity: { ...base.entity, ...parent }, version: { ...base.version, label: '05' } }, example);
};

type Body = TableCell[][];
const headerBody = (content: Content): Body => ((content as { stack: [{ table: { body: Body } }] }).stack[0].table.body);

describe('the default format', () => {
  it('draws the PDF header block exactly as it was written before formats (the seeds keep their pages)', () => {
    const context = sampleContext();
    const field = (name: string, value: string): TableCell => ({ text: [{ text: `${name}: `, bold: true }, value] });
    const before = {
      table: {
        widths: [92, '*', 140],
        body: [
          [
            {
              stack: [
                { image: 'logo', fit: [84, 40], alignment: 'center', margin: [0, 0, 0, 2] },
                { text: context.entity.shortName, bold: true, fontSize: 7 },
                { text: context.entity.slogan, italics: true, fontSize: 6.5 },
              ],
              rowSpan: 4,
            },
            { text: context.entity.name, bold: true },
            field('CÓDIGO', context.code),
          ],
          ['', { text: context.process }, field('VERSIÓN', context.version.label)],
          ['', { text: context.title, bold: true, rowSpan: 2 }, field('FECHA DE APROBACIÓN', context.version.approvalDateShort)],
          ['', '', { text: 'Página 3 de 9' }],
        ],
      },
      style: 'header',
    };
    const drawn = headerTable(context, 3, 9) as typeof before & { layout: unknown };
    expect(JSON.parse(JSON.stringify({ ...drawn, layout: undefined }))).toEqual(JSON.parse(JSON.stringify(before)));
    expect(Object.keys(drawn.layout as object)).toEqual([...Object.keys(RULES), 'paddingTop', 'paddingBottom']);
  });

  it('numbers headings "5.4.1." unless the format says "1" or "ninguna"', () => {
    const numbers = (style?: '1.' | '1' | 'ninguna') =>
      parseMarkdown('# A\n\n## B\n\n### C\n', style ? { numbering: style } : {}).children.map((h) => (h.data as { number?: string } | undefined)?.number);
    expect(numbers()).toEqual(['1.', '1.1.', '1.1.1.']);
    expect(numbers('1')).toEqual(['1', '1.1', '1.1.1']);
    expect(numbers('ninguna')).toEqual([undefined, undefined, undefined]);
  });
});

describe('the example format in the PDF definition', () => {
  const definition = () => buildPdfDefinition(exampleDoc());

  it('has two columns with the logo on the right, spanning three rows', () => {
    const body = headerBody((definition().header as (page: number, pages: number) => Content)(2, 5));
    expect(body.every((row) => row.length === 2)).toBe(true);
    expect(body[0]![1]).toMatchObject({ image: 'logo', rowSpan: 3, fit: [110, 56] });
    expect(body[1]![1]).toBe('');
  });

  it('prints the parent entity in capitals, the Tipo row, Fecha de emisión, the classification and PÁGINA: X de Y', () => {
    const text = JSON.stringify(headerBody((definition().header as (page: number, pages: number) => Content)(2, 5)));
    for (const value of ['ALCALDÍA MUNICIPAL DE VILLA ESPERANZA', '"Tipo: "', 'POLÍTICA', '"Fecha de emisión: "', '"Clasificación de la información: "', 'PÁGINA: 2 de 5']) {
      expect(text).toContain(value);
    }
    expect(text).not.toContain('FECHA DE APROBACIÓN');
  });

  it("prints the format's own code and version in the footer", () => {
    const footer = JSON.stringify((definition().footer as (page: number, pages: number) => Content)(1, 5));
    expect(footer).toContain('Código del formato: GD-F-01 · Versión del formato: 03');
  });

  it('has no cover: the contents, with the format\'s title, come first', () => {
    const [first] = definition().content as Content[];
    expect(first).toMatchObject({ toc: { title: { text: 'CONTENIDO' } } });
  });

  it('lists headings in the contents down to the depth the format asks for (2)', () => {
    const doc = exampleDoc();
    const tree = parseMarkdown('# A\n\n## B\n\n### C\n');
    const content = JSON.stringify(buildPdfDefinition({ ...doc, tree }).content);
    expect(content.match(/"tocItem":true/g)).toHaveLength(2);
  });

  it('leaves out the signers\' boxes but keeps the grid and the approval record, as the format says', () => {
    const tree = parseMarkdown('::firmas\n');
    const content = JSON.stringify(buildPdfDefinition({ ...exampleDoc(), tree }).content);
    expect(content).toContain('Elaboró');
    expect(content).toContain('Aprobado mediante el acta');
    expect(content.match(/"Nombre"/g)).toHaveLength(1);
  });
});

describe('the example format in the DOCX', () => {
  let parts: Parts;
  beforeAll(async () => {
    parts = readParts(await writeDocx(exampleDoc()));
  });

  it('has the same two-column grid, the logo in the right cell of the first row', () => {
    const header = part(parts, headerPartName(parts));
    const rows = elements(header, 'w:tr');
    expect(elements('', 'w:gridCol', elements(header, 'w:tbl')[0]!)).toHaveLength(2);
    const firstRowCells = elements('', 'w:tc', rows[0]!);
    expect(elements('', 'a:blip', firstRowCells[1]!)).toHaveLength(1);
    expect(elements('', 'a:blip', firstRowCells[0]!)).toHaveLength(0);
    expect(elements('', 'w:vMerge', firstRowCells[1]!)[0]?.getAttribute('w:val')).toBe('restart');
  });

  it('prints the same labels and PÁGINA: with PAGE and NUMPAGES fields', () => {
    const header = part(parts, headerPartName(parts));
    const text = textOf(elements(header, 'w:tbl')[0]!);
    for (const value of ['ALCALDÍA MUNICIPAL DE VILLA ESPERANZA', 'Tipo: POLÍTICA', 'Fecha de emisión: 15/12/2022', 'Versión: 05', 'Clasificación de la información: Información pública', 'PÁGINA: ']) {
      expect(text).toContain(value);
    }
    expect(fieldInstructions(header)).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
  });

  it("prints the format's own code and version in the footer", () => {
    expect(elements(part(parts, footerPartName(parts)), 'w:p').map(textOf).join('\n')).toContain('Código del formato: GD-F-01 · Versión del formato: 03');
  });

  it('has no cover: the first section opens with the contents', () => {
    const document = part(parts, 'word/document.xml');
    expect(elements(document, 'w:sectPr')).toHaveLength(2);
    expect(textOf(elements(document, 'w:p')[0]!)).toBe('CONTENIDO');
    expect(fieldInstructions(document).some((f) => /^TOC \\h \\o "1-2"/.test(f))).toBe(true);
  });
});

describe('the example format in the HTML edition', () => {
  it('calls the fields what the format calls them, and says the parent entity and the format', () => {
    const html = writeHtml(exampleDoc());
    expect(html).toContain('<dt>Fecha de emisión</dt>');
    expect(html).toContain('<dt>Entidad a la que pertenece</dt><dd>Alcaldía Municipal de Villa Esperanza</dd>');
    expect(html).toContain('<dt>Clasificación de la información</dt>');
    expect(html).toContain('Código del formato: GD-F-01 · Versión del formato: 03');
  });
});
