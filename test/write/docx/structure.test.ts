// The DOCX read back part by part: what Word, LibreOffice and converters rely
// on must be in the XML, not only look right on screen.
import { beforeAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../../../src/write/docx/index.js';
import { sampleContext, sampleDocument } from '../../support/sample-document.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import type { DocumentContext } from '../../../src/model/document-context.js';
import { elements, fieldInstructions, footerPartName, headerPartName, paragraphStyle, part, readParts, textOf, type Parts } from './docx-parts.js';

async function partsOf(markdown: string, context: Partial<DocumentContext> = {}): Promise<Parts> {
  return readParts(await writeDocx({ context: sampleContext(context), tree: parseMarkdown(markdown), markdown }));
}

const bodyParagraphs = (parts: Parts) => elements(part(parts, 'word/document.xml'), 'w:p');

let sample: Parts;
beforeAll(async () => {
  sample = readParts(await writeDocx(sampleDocument()));
});

describe('the header block on every page', () => {
  it('has PAGE and NUMPAGES fields for "Página X de Y"', () => {
    const header = part(sample, headerPartName(sample));
    expect(fieldInstructions(header)).toEqual(expect.arrayContaining(['PAGE', 'NUMPAGES']));
    expect(textOf(elements(header, 'w:tbl')[0]!)).toContain('Página');
  });

  it('is a table with entity, process, title, code, version and approval date, in the case the data has (as the PDF)', () => {
    const header = part(sample, headerPartName(sample));
    const table = textOf(elements(header, 'w:tbl')[0]!);
    for (const expected of ['Alcaldía Distrital de Prueba', 'GESTIÓN TECNOLOGÍA E INFORMÁTICA', 'POLÍTICA DE GOBIERNO DIGITAL', 'CÓDIGO', 'GTI-P-001', 'VERSIÓN', '2.0', 'FECHA DE APROBACIÓN', '15/12/2022', 'ALCALDÍA DE PRUEBA', 'Un lema de prueba']) {
      expect(table).toContain(expected);
    }
  });

  it('embeds the logo in proportion (the sample logo is 2 × 1)', () => {
    const name = headerPartName(sample);
    const header = part(sample, name);
    const extent = elements(header, 'wp:extent')[0]!;
    expect(Number(extent.getAttribute('cx')) / Number(extent.getAttribute('cy'))).toBeCloseTo(2, 1);
    const embed = elements(header, 'a:blip')[0]!.getAttribute('r:embed');
    const rels = part(sample, name.replace('word/', 'word/_rels/') + '.rels');
    expect(rels).toMatch(new RegExp(`Id="${embed}"[^>]*Target="media/[^"]+\\.png"`));
  });

  it('is used by every section: the first declares it, the others inherit it', () => {
    const sections = elements(part(sample, 'word/document.xml'), 'w:sectPr');
    expect(sections.length).toBe(3);
    expect(elements('', 'w:headerReference', sections[0]!).length).toBe(1);
    expect(elements('', 'w:footerReference', sections[0]!).length).toBe(1);
  });
});

describe('the version state', () => {
  it('marks a draft in the header block and with a BORRADOR watermark on every page', async () => {
    const parts = await partsOf('Texto.\n', { state: 'borrador' });
    const header = part(parts, headerPartName(parts));
    expect(textOf(elements(header, 'w:tbl')[0]!)).toContain('BORRADOR — versión no aprobada');
    expect(elements(header, 'v:textpath').map((t) => t.getAttribute('string'))).toContain('BORRADOR');
  });

  it('marks an obsolete version in the header block, without a watermark', async () => {
    const parts = await partsOf('Texto.\n', { state: 'obsoleto' });
    const header = part(parts, headerPartName(parts));
    expect(textOf(elements(header, 'w:tbl')[0]!)).toContain('VERSIÓN OBSOLETA');
    expect(elements(header, 'v:textpath')).toHaveLength(0);
  });

  it('says nothing more for the version in force', () => {
    const header = part(sample, headerPartName(sample));
    expect(textOf(elements(header, 'w:tbl')[0]!)).not.toMatch(/BORRADOR|OBSOLETA/);
    expect(elements(header, 'v:textpath')).toHaveLength(0);
  });
});

describe('the footer', () => {
  it('has contact data, the controlled-copy notice and the classification label', () => {
    const footer = elements(part(sample, footerPartName(sample)), 'w:p').map(textOf).join('\n');
    for (const expected of ['Calle 1 # 2 - 3', '(57) 601 000 0000', 'contacto@prueba.gov.co', 'https://www.prueba.gov.co', 'solo podrá ser consultada', 'Información pública']) {
      expect(footer).toContain(expected);
    }
  });
});

describe('styles', () => {
  it('gives Heading 1–3 outline levels 0–2, so they are headings to Word and converters', () => {
    const styles = part(sample, 'word/styles.xml');
    for (const [id, level] of [['Heading1', '0'], ['Heading2', '1'], ['Heading3', '2']] as const) {
      const style = elements(styles, 'w:style').find((s) => s.getAttribute('w:styleId') === id);
      expect(style, id).toBeDefined();
      expect(elements('', 'w:outlineLvl', style!)[0]?.getAttribute('w:val'), id).toBe(level);
    }
  });

  it('sets the document language to es-CO and the font to Arial', () => {
    const styles = part(sample, 'word/styles.xml');
    const defaults = elements(styles, 'w:docDefaults')[0]!;
    expect(elements('', 'w:lang', defaults)[0]?.getAttribute('w:val')).toBe('es-CO');
    expect(elements('', 'w:rFonts', defaults)[0]?.getAttribute('w:ascii')).toBe('Arial');
  });

  // Regression: without w:lineRule LibreOffice took line="240" as an exact
  // height and cut the logo in the header to a sliver.
  it('states the line rule wherever it sets line spacing', () => {
    const spacings = elements(part(sample, 'word/styles.xml'), 'w:spacing').filter((s) => s.hasAttribute('w:line'));
    expect(spacings.length).toBeGreaterThan(0);
    for (const spacing of spacings) expect(spacing.getAttribute('w:lineRule')).toBe('auto');
  });

  it('defines Title, Normal, list, hyperlink and table styles', () => {
    const ids = elements(part(sample, 'word/styles.xml'), 'w:style').map((s) => s.getAttribute('w:styleId'));
    expect(ids).toEqual(expect.arrayContaining(['Normal', 'Title', 'ListParagraph', 'Hyperlink', 'TableText', 'TableHeading', 'DocctlTable']));
  });
});

describe('the body', () => {
  it('prints the generated section number before the heading text, in heading styles', () => {
    const headings = bodyParagraphs(sample)
      .filter((p) => /^Heading\d$/.test(paragraphStyle(p) ?? ''))
      .map((p) => [paragraphStyle(p), textOf(p)]);
    expect(headings).toEqual([
      ['Heading1', 'CONTROL DE CAMBIOS'],
      ['Heading1', '1. INTRODUCCIÓN'],
      ['Heading1', '2. MARCO JURÍDICO'],
      ['Heading1', '3. MARCO CONCEPTUAL'],
      ['Heading1', '4. ESTRUCTURA GENERAL'],
      ['Heading2', '4.1. DECLARACIÓN'],
      ['Heading3', '4.1.1. OBJETIVO GENERAL'],
      ['Heading1', '5. FIRMAS'],
    ]);
  });

  it('has a cover page and a table-of-contents field that Word updates on opening', () => {
    const document = part(sample, 'word/document.xml');
    const cover = bodyParagraphs(sample).slice(0, 9).map(textOf).join('\n');
    for (const expected of ['POLÍTICA DE GOBIERNO DIGITAL', 'Alcaldía Distrital de Prueba', '2022', 'Comité Institucional de Gestión y Desempeño', 'Oficina Asesora de Informática']) {
      expect(cover).toContain(expected);
    }
    expect(fieldInstructions(document).some((f) => /^TOC \\h \\o "1-3"/.test(f))).toBe(true);
    expect(part(sample, 'word/settings.xml')).toContain('<w:updateFields');
  });

  it('repeats table header rows on every page, shades them and does not split rows that fit on a page', () => {
    const document = part(sample, 'word/document.xml');
    const rows = elements(document, 'w:tr');
    const headerRows = rows.filter((r) => elements('', 'w:tblHeader', r).length > 0);
    expect(headerRows.map(textOf)).toEqual(expect.arrayContaining(['VersiónFechaDescripción del cambioAprobó', 'NormaNúmeroFechaDetalle', 'PROCESOACTIVIDADES']));
    expect(elements('', 'w:shd', headerRows[0]!)[0]?.getAttribute('w:fill')).toBe('D9D9D9');
    const bodyTables = elements(document, 'w:tbl');
    for (const table of bodyTables) {
      for (const row of elements('', 'w:tr', table)) expect(elements('', 'w:cantSplit', row).length, textOf(row)).toBe(1);
    }
  });

  it('gives the legal framework narrow Norma / Número / Fecha columns and a wide Detalle', () => {
    const table = elements(part(sample, 'word/document.xml'), 'w:tbl').find((t) => textOf(t).startsWith('NormaNúmeroFechaDetalle'))!;
    const widths = elements('', 'w:gridCol', table).map((c) => Number(c.getAttribute('w:w')));
    expect(widths).toHaveLength(4);
    const [norma = 0, numero = 0, fecha = 0, detalle = 0] = widths;
    expect(Math.max(norma, numero, fecha)).toBeLessThan(detalle / 3);
    // "Número" in bold must fit on one line.
    expect(numero).toBeGreaterThan(900);
  });

  it('lets a row taller than half a page split, rather than leave a blank half page before it', async () => {
    const long = Array.from({ length: 60 }, (_, i) => `    ${i + 1}. Actividad número ${i + 1} con una descripción de varias palabras`).join('\n');
    const parts = await partsOf(`:::tabla\n- - Proceso\n  - Actividades\n- - Corto\n  - Una actividad\n- - Largo\n  - Actividades:\n\n${long}\n:::\n`);
    const rows = elements(part(parts, 'word/document.xml'), 'w:tr');
    expect(rows.map((r) => elements('', 'w:cantSplit', r).length)).toEqual([1, 1, 0]);
  });

  it('keeps several paragraphs and a numbered list inside one cell', () => {
    const cell = elements(part(sample, 'word/document.xml'), 'w:tc').find((c) => textOf(c).startsWith('Seguridad táctica'))!;
    const paragraphs = elements('', 'w:p', cell);
    expect(paragraphs.map(textOf)).toEqual(['Seguridad táctica', 'Realizar el diagnóstico', 'Planificar la gestión', 'Un segundo párrafo.']);
    expect(elements('', 'w:numPr', paragraphs[1]!).length).toBe(1);
    expect(elements('', 'w:u', paragraphs[0]!)[0]?.getAttribute('w:val')).toBe('single');
  });

  it('writes bold, italic, underline, line breaks and a styled external link', () => {
    const intro = bodyParagraphs(sample).find((p) => textOf(p).startsWith('La Política de Gobierno Digital'))!;
    const run = (text: string) => elements('', 'w:r', intro).find((r) => textOf(r) === text)!;
    expect(elements('', 'w:b', run('Modelo Integrado')).length).toBe(1);
    expect(elements('', 'w:i', run('Planeación')).length).toBe(1);
    expect(elements('', 'w:u', run('Gestión')).length).toBe(1);
    expect(elements('', 'w:br', intro).length).toBe(1);
    const link = elements('', 'w:hyperlink', intro)[0]!;
    expect(textOf(link)).toBe('MinTIC');
    expect(elements('', 'w:rStyle', link)[0]?.getAttribute('w:val')).toBe('Hyperlink');
    expect(part(sample, 'word/_rels/document.xml.rels')).toMatch(
      new RegExp(`Id="${link.getAttribute('r:id')}"[^>]*Target="https://www.mintic.gov.co" TargetMode="External"`),
    );
  });

  it('writes the change-control front section without a number', () => {
    const texts = bodyParagraphs(sample).map(textOf);
    expect(texts).toContain('CONTROL DE CAMBIOS');
    expect(texts.indexOf('CONTROL DE CAMBIOS')).toBeLessThan(texts.indexOf('1. INTRODUCCIÓN'));
  });
});

describe('lists', () => {
  it('uses real numbering definitions, one instance per list so each restarts', async () => {
    const parts = await partsOf('1. uno\n2. dos\n\nPárrafo.\n\n1. otra vez uno\n\n- viñeta\n  - anidada\n');
    const numbering = part(parts, 'word/numbering.xml');
    const formats = elements(numbering, 'w:numFmt').map((f) => f.getAttribute('w:val'));
    expect(formats).toEqual(expect.arrayContaining(['bullet', 'decimal']));
    const listed = bodyParagraphs(parts)
      .filter((p) => elements('', 'w:numPr', p).length > 0)
      .map((p) => ({
        text: textOf(p),
        level: elements('', 'w:ilvl', p)[0]?.getAttribute('w:val'),
        numId: elements('', 'w:numId', p)[0]?.getAttribute('w:val'),
      }));
    expect(listed.map((l) => [l.text, l.level])).toEqual([
      ['uno', '0'],
      ['dos', '0'],
      ['otra vez uno', '0'],
      ['viñeta', '0'],
      ['anidada', '1'],
    ]);
    expect(listed[0]!.numId).toBe(listed[1]!.numId);
    expect(new Set(listed.map((l) => l.numId)).size).toBe(4);
  });

  it('starts an ordered list at its own start', async () => {
    const parts = await partsOf('3. tres\n4. cuatro\n');
    const starts = elements(part(parts, 'word/numbering.xml'), 'w:start').map((s) => s.getAttribute('w:val'));
    expect(starts).toContain('3');
  });
});

describe('the glossary', () => {
  it('sorts terms as Spanish does (accents ignored, Ñ after N) and bolds each term', async () => {
    const parts = await partsOf(':::glosario\n**Zeta:** última.\n\n**Ñandú:** ave.\n\n**Nube:** vapor.\n\n**Ábaco:** cuentas.\n\n**Oso:** animal.\n:::\n');
    const entries = bodyParagraphs(parts).filter((p) => paragraphStyle(p) === 'GlossaryEntry');
    expect(entries.map(textOf)).toEqual(['Ábaco: cuentas.', 'Nube: vapor.', 'Ñandú: ave.', 'Oso: animal.', 'Zeta: última.']);
    expect(elements('', 'w:rStyle', entries[0]!)[0]?.getAttribute('w:val')).toBe('GlossaryTerm');
  });
});

describe('the signature page', () => {
  it('opens a page with the heading that introduces it', () => {
    const heading = bodyParagraphs(sample).find((p) => textOf(p) === '5. FIRMAS')!;
    expect(elements('', 'w:pageBreakBefore', heading).length).toBe(1);
  });

  it('leaves at least 2 cm to sign by hand, and lists Nombre, Cargo, Firma, Fecha', () => {
    const tables = elements(part(sample, 'word/document.xml'), 'w:tbl');
    const signers = tables.find((t) => textOf(t).startsWith('NombreWILLIAM DAU CHAMAT'))!;
    expect(signers).toBeDefined();
    const rows = elements('', 'w:tr', signers);
    expect(rows.map((r) => textOf(elements('', 'w:tc', r)[0]!))).toEqual(['Nombre', 'Cargo', 'Firma', 'Fecha']);
    const firma = elements('', 'w:trHeight', rows[2]!)[0]!;
    expect(Number(firma.getAttribute('w:val'))).toBeGreaterThanOrEqual(1134);
    expect(firma.getAttribute('w:hRule')).toBe('atLeast');
  });

  it('draws the Elaboró / Revisó / Aprobó grid, a missing name left blank, and the approval sentence', () => {
    const document = part(sample, 'word/document.xml');
    const grid = elements(document, 'w:tbl').find((t) => textOf(t).startsWith('ElaboróRevisóAprobó'))!;
    const names = elements('', 'w:tc', elements('', 'w:tr', grid)[1]!).map(textOf);
    expect(names).toEqual(['Nombre', '', '', 'WILLIAM DAU CHAMAT']);
    expect(textOf(grid)).toContain('Jefe de Oficina Asesora de Informática');
    expect(textOf(elements(document, 'w:body')[0]!)).toContain('Aprobado mediante el acta No. 004');
    for (const row of elements('', 'w:tr', grid)) expect(elements('', 'w:cantSplit', row).length).toBe(1);
  });

  it('gives the Elaboró / Revisó / Aprobó grid a Fecha row, as the PDF does', () => {
    const grid = elements(part(sample, 'word/document.xml'), 'w:tbl').find((t) => textOf(t).startsWith('ElaboróRevisóAprobó'))!;
    expect(elements('', 'w:tr', grid).map((r) => textOf(elements('', 'w:tc', r)[0]!))).toEqual(['', 'Nombre', 'Cargo', 'Firma', 'Fecha']);
  });

  it('opens a page of its own when no heading introduces it', async () => {
    const parts = await partsOf('Texto.\n\n::firmas\n');
    const opener = bodyParagraphs(parts).find((p) => textOf(p) === 'FIRMAS')!;
    expect(elements('', 'w:pageBreakBefore', opener).length).toBe(1);
  });
});

describe('page size', () => {
  it.each([
    ['carta', 12240, 15840],
    ['a4', 11906, 16838],
    ['oficio', 12245, 18708],
  ] as const)('%s', async (pageSize, width, height) => {
    const entity = { ...sampleContext().entity, pageSize };
    const parts = await partsOf('Texto.\n', { entity });
    const size = elements(part(parts, 'word/document.xml'), 'w:pgSz')[0]!;
    expect([Number(size.getAttribute('w:w')), Number(size.getAttribute('w:h'))]).toEqual([width, height]);
  });
});

describe('document properties', () => {
  it('carries title, subject, creator, keywords, revision and pinned dates', () => {
    const core = part(sample, 'docProps/core.xml');
    expect(core).toContain('<dc:title>POLÍTICA DE GOBIERNO DIGITAL</dc:title>');
    expect(core).toContain('<dc:subject>Política — GESTIÓN TECNOLOGÍA E INFORMÁTICA</dc:subject>');
    expect(core).toContain('<dc:creator>Alcaldía Distrital de Prueba</dc:creator>');
    expect(core).toContain('<cp:keywords>GTI-P-001, versión 2.0</cp:keywords>');
    expect(core).toContain('<cp:revision>2</cp:revision>');
    expect(core).toContain('<cp:lastModifiedBy>docctl</cp:lastModifiedBy>');
    expect(core).toMatch(/<dcterms:created[^>]*>2022-12-15T00:00:00Z<\/dcterms:created>/);
    expect(core).toMatch(/<dcterms:modified[^>]*>2022-12-15T00:00:00Z<\/dcterms:modified>/);
  });
});
