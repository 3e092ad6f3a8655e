// A draft says BORRADOR on every page — in the header block and as a
// diagonal watermark under the text — and stays PDF/A-1b (no transparency);
// an obsolete version says so in the header block; the vigente one says
// neither.
import { describe, expect, it } from 'vitest';
import type { TableCell } from 'pdfmake/interfaces.js';
import { buildPdfDefinition, writePdf } from '../../../src/write/pdf/index.js';
import { headerTable } from '../../../src/write/pdf/layout/header.js';
import { sampleContext, sampleDocument } from '../../support/sample-document.js';
import { pageCount, pageText, preflight, tempPdf } from './tools.js';

const draftVersion = { number: 3, label: '3.0', description: 'Actualización', approvalDate: undefined, approvalDateShort: '' };

const headerRows = (state: 'vigente' | 'borrador' | 'obsoleto') =>
  (headerTable(sampleContext({ state }), 1, 1) as { table: { body: TableCell[][] } }).table.body;

describe('version states in the PDF', () => {
  it('puts a notice row in the header block of drafts and obsolete versions only', () => {
    expect(headerRows('vigente')).toHaveLength(4);
    expect(JSON.stringify(headerRows('borrador').at(-1))).toContain('BORRADOR — versión no aprobada');
    expect(JSON.stringify(headerRows('obsoleto').at(-1))).toContain('VERSIÓN OBSOLETA');
  });

  it('gives only drafts a page background watermark', () => {
    expect(buildPdfDefinition(sampleDocument()).background).toBeUndefined();
    expect(buildPdfDefinition(sampleDocument({ state: 'obsoleto' })).background).toBeUndefined();
    const background = buildPdfDefinition(sampleDocument({ state: 'borrador', version: draftVersion })).background;
    expect(typeof background).toBe('function');
    const svg = JSON.stringify((background as (p: number, s: { width: number; height: number }) => unknown)(1, { width: 612, height: 792 }));
    expect(svg).toContain('BORRADOR');
    expect(svg).not.toContain('opacity');
  });

  it('writes a draft whose every page says BORRADOR and "sin aprobar", still PDF/A-1b', async () => {
    const file = tempPdf('borrador', await writePdf(sampleDocument({ state: 'borrador', version: draftVersion })));
    const pages = pageCount(file);
    for (let page = 1; page <= pages; page++) {
      const text = pageText(file, page);
      expect(text, `página ${page}`).toContain('BORRADOR — versión no aprobada');
      expect(text, `página ${page}`).toContain('FECHA DE APROBACIÓN: sin');
    }
    const result = preflight(file);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});
