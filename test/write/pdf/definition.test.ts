// The pdfmake definition, checked as structure (not byte snapshots): what
// every page carries, what the document is made of, and in which order.
import type { Content, ContentTable, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { buildPdfDefinition } from '../../../src/write/pdf/index.js';
import { FONT_DIR, FONT_FAMILY } from '../../../src/write/pdf/fonts.js';
import { SIGNATURE_ROW_HEIGHT } from '../../../src/write/pdf/layout/signatures.js';
import { sampleDocument } from '../../support/sample-document.js';
import { findAll, textOf } from './content-query.js';

type Dynamic = (page: number, pages: number, size: unknown) => Content;

const definition = (): TDocumentDefinitions => buildPdfDefinition(sampleDocument());

describe('buildPdfDefinition', () => {
  it('returns a fresh definition on every call, since pdfmake mutates what it renders', () => {
    const first = definition();
    const second = definition();
    expect(second).not.toBe(first);
    expect(second.content).not.toBe(first.content);
    expect(second.styles).not.toBe(first.styles);
  });

  it('prints the header block with code, version, approval date and "Página X de Y" on every page', () => {
    const header = definition().header as Dynamic;
    const text = textOf(header(3, 7, {}));
    for (const expected of ['Alcaldía Distrital de Prueba', 'ALCALDÍA DE PRUEBA', 'Un lema de prueba', 'GESTIÓN TECNOLOGÍA E INFORMÁTICA',
      'POLÍTICA DE GOBIERNO DIGITAL', 'CÓDIGO:', 'GTI-P-001', 'VERSIÓN:', '2.0', 'FECHA DE APROBACIÓN:', '15/12/2022', 'Página 3 de 7']) {
      expect(text).toContain(expected);
    }
    expect(findAll(header(1, 1, {}), (node) => node.image === 'logo')).toHaveLength(1);
  });

  it('prints the footer with contact data, the controlled-copy notice and the classification', () => {
    const footer = definition().footer as Dynamic;
    const text = textOf(footer(1, 1, {}));
    for (const expected of ['Calle 1 # 2 - 3', '(57) 601 000 0000', 'contacto@prueba.gov.co', 'https://www.prueba.gov.co',
      'solo podrá ser consultada', 'Información pública']) {
      expect(text).toContain(expected);
    }
  });

  it('sizes the top and bottom margins from the measured header and footer', () => {
    const short = buildPdfDefinition(sampleDocument()).pageMargins as number[];
    const long = buildPdfDefinition(
      sampleDocument({ title: 'UN TÍTULO MUY LARGO '.repeat(12), process: 'UN PROCESO DE NOMBRE LARGO '.repeat(4) }),
    ).pageMargins as number[];
    expect(long[1]).toBeGreaterThan((short[1] ?? 0) + 20);
    expect(long[3]).toBe(short[3]);
  });

  it('uses carta by default and A4 or oficio (216 × 330 mm) when the entity asks', () => {
    const size = (pageSize: 'carta' | 'a4' | 'oficio') => {
      const doc = sampleDocument();
      return buildPdfDefinition({ ...doc, context: { ...doc.context, entity: { ...doc.context.entity, pageSize } } }).pageSize;
    };
    expect(size('carta')).toEqual({ width: 612, height: 792 });
    expect(size('a4')).toEqual({ width: 595.28, height: 841.89 });
    const oficio = size('oficio') as { width: number; height: number };
    expect(oficio.width).toBeCloseTo((216 / 25.4) * 72, 2);
    expect(oficio.height).toBeCloseTo((330 / 25.4) * 72, 2);
  });

  it('orders cover, contents, change control, then the body', () => {
    const content = definition().content as unknown as Record<string, unknown>[];
    expect(textOf(content[0])).toContain('Comité Institucional de Gestión y Desempeño');
    expect(textOf(content[0])).toContain('2022');
    expect(content[0]?.pageBreak).toBe('after');
    expect(content[1]?.toc).toBeDefined();
    expect(content[1]?.pageBreak).toBe('after');
    expect(textOf(content[2])).toMatch(/^CONTROL DE CAMBIOS/);
    expect(textOf(content[3])).toBe('1. INTRODUCCIÓN');
  });

  it('marks every heading, and the change control, as a contents entry with its number', () => {
    const entries = findAll(definition().content, (node) => node.tocItem === true).map(textOf);
    expect(entries).toEqual([
      'CONTROL DE CAMBIOS', '1. INTRODUCCIÓN', '2. MARCO JURÍDICO', '3. MARCO CONCEPTUAL',
      '4. ESTRUCTURA GENERAL', '4.1. DECLARACIÓN', '4.1.1. OBJETIVO GENERAL', '5. FIRMAS',
    ]);
  });

  it('repeats header rows and shades them, and keeps short rows whole', () => {
    const tables = findAll(definition().content, (node) => 'table' in node) as unknown as ContentTable[];
    const bodyTables = tables.filter((t) => t.table.headerRows !== undefined && t.table.headerRows > 0 && t.style === 'tableCell');
    expect(bodyTables).toHaveLength(3);
    for (const table of bodyTables) {
      expect(table.table.headerRows).toBe(1);
      expect(table.table.dontBreakRows).toBe(true);
      for (const cell of table.table.body[0] ?? []) expect(cell).toMatchObject({ style: 'tableHeader', fillColor: expect.any(String) });
    }
  });

  it('draws the signature block from the context as one unbreakable stack with a tall signing space', () => {
    const [block] = findAll(definition().content, (node) => node.unbreakable === true);
    const text = textOf(block);
    for (const expected of ['Nombre', 'Cargo', 'Firma', 'Fecha', 'WILLIAM DAU CHAMAT', 'Elaboró', 'Revisó', 'Aprobó',
      'Jefe de Oficina Asesora de Informática', 'Aprobado mediante el acta No. 004']) {
      expect(text).toContain(expected);
    }
    expect(SIGNATURE_ROW_HEIGHT).toBeGreaterThanOrEqual((2 / 2.54) * 72);
  });

  it('uses only the embedded Roboto and declares PDF/A-1b, Spanish and reproducible dates', () => {
    const def = definition();
    expect(def.defaultStyle?.font).toBe(FONT_FAMILY);
    expect(FONT_DIR).toMatch(/pdfmake[/\\]fonts[/\\]Roboto$/);
    expect(findAll(def.content, (node) => typeof node.font === 'string' && node.font !== FONT_FAMILY)).toEqual([]);
    expect(def.subset).toBe('PDF/A-1b');
    expect(def.version).toBe('1.4');
    expect(def.language).toBe('es-CO');
    expect(def.info).toMatchObject({
      title: 'GTI-P-001 POLÍTICA DE GOBIERNO DIGITAL',
      author: 'Alcaldía Distrital de Prueba',
      keywords: 'GTI-P-001, versión 2.0',
      creationDate: new Date(Date.UTC(2022, 11, 15)),
      modDate: new Date(Date.UTC(2022, 11, 15)),
    });
  });
});
