// Regression (issue 16): a table cell taller than one page disappeared from
// the PDF without a word — pdfmake keeps only the first page of an
// unbreakable block, and a table's header rows with the row kept after them,
// or any row of a table estimated short, are unbreakable. The HTML kept it,
// and the incomplete PDF could be archived as the approved version. Now a
// row taller than a page is split across pages in the PDF (and may split in
// the DOCX, where Word and LibreOffice clip a row that cannot).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../src/model/document-context.js';
import { prepare } from '../../src/pipeline.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { writePdf } from '../../src/write/pdf/index.js';
import { printer } from '../../src/write/pdf/printer.js';
import { UnbreakableOverflow } from '../../src/write/pdf/engine-patches/unbreakable-overflow.js';
import { copyProject, MINIMAL_DOC, TEMPLATES } from '../support/project.js';
import { docxTextThroughLibreOffice, missingWords, pdfText, wordsOf } from '../support/edition-text.js';

/** 90 lines of a cell, each with a word found nowhere else: `${tag}ñ0` … `${tag}ñ89`. */
const lines = (tag: string) => Array.from({ length: 90 }, (_, i) => `Párrafo ${tag}ñ${i} con acción pública.`);
const cellLines = (tag: string, separator: string) => lines(tag).join(separator);

const TABLES = {
  // The header row itself taller than a page, right below the section's heading
  // (LibreOffice clipped the end of it when it could not split).
  header: `:::tabla\n- - Uno\n  - ${cellLines('cab', '\n\n    ')}\n- - otro\n  - fin\n:::`,
  // A GFM table: one long cell in the first body row (kept with the header).
  gfm: `| Campo | Detalle |\n|---|---|\n| corto | ${cellLines('gfm', ' ')} ${cellLines('gfmb', ' ')} |\n| otro | fin |`,
  // :::tabla, a cell of many paragraphs.
  paragraphs: `:::tabla{titulo="Tabla de párrafos"}\n- - Uno\n  - Dos\n- - celda\n  - ${cellLines('par', '\n\n    ')}\n- - otro\n  - fin\n:::`,
  // :::tabla, a cell holding a numbered list.
  list: `:::tabla\n- - Uno\n  - Dos\n- - celda\n  - ${lines('lis').map((line, i) => `${i === 0 ? '' : '    '}${i + 1}. ${line}`).join('\n')}\n:::`,
  // Hard line breaks: the PDF's estimate of the row (one line per paragraph) says it is short.
  breaks: `:::tabla\n- - Uno\n  - Dos\n- - celda\n  - ${cellLines('bre', '\\\n    ')}\n:::`,
};
const TAGS = ['gfm', 'gfmb', 'par', 'lis', 'bre', 'cab'];
const tallWords = TAGS.flatMap((tag) => lines(tag).flatMap(wordsOf));

let rendered: RenderedDocument;
let pdf: Uint8Array;
let docx: Uint8Array;

beforeAll(async () => {
  const dir = copyProject();
  const file = join(dir, 'data', MINIMAL_DOC);
  const doc = JSON.parse(readFileSync(file, 'utf8')) as { secciones: { contenido?: string }[] };
  doc.secciones[0]!.contenido = Object.values(TABLES).join('\n\nTexto entre tablas.\n\n');
  writeFileSync(file, JSON.stringify(doc));
  const prepared = prepare({ dataDir: join(dir, 'data'), templatesDir: TEMPLATES });
  expect(prepared.problems).toEqual([]);
  rendered = prepared.documents[0]!.rendered;
  pdf = await writePdf(rendered);
  docx = await writeDocx(rendered);
}, 300_000);

describe('a table row taller than a page', () => {
  it('PDF: every word of every tall cell is in the text pdftotext extracts', () => {
    expect(missingWords(tallWords, wordsOf(pdfText(pdf)))).toEqual([]);
  });

  it('PDF: the tall row is split across pages under the repeated header row', () => {
    const pages = pdfText(pdf).split('\f');
    const withGfm = pages.filter((page) => /\bgfmñ\d/.test(page) || /\bgfmbñ\d/.test(page));
    expect(withGfm.length).toBeGreaterThanOrEqual(2);
    for (const page of withGfm) expect(page).toContain('Detalle');
  });

  it('DOCX: rows estimated taller than half a page may split, and a header row that tall is not repeated', () => {
    const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
    const rowOf = (word: string) => xml.slice(xml.lastIndexOf('<w:tr>', xml.indexOf(word)), xml.indexOf(word));
    for (const tag of TAGS) {
      const row = rowOf(`${tag}ñ0 `);
      expect(row, tag).not.toContain('<w:cantSplit/>');
      expect(row, tag).not.toContain('<w:tblHeader/>');
    }
  });

  it('DOCX: every word of every tall cell is in the text of the pages LibreOffice lays out', { timeout: 300_000 }, () => {
    expect(missingWords(tallWords, wordsOf(docxTextThroughLibreOffice(docx)))).toEqual([]);
  });
});

describe('the guard inside pdfmake (unbreakable-overflow.ts)', () => {
  it('an unbreakable block taller than a page stops the render instead of losing its second page', async () => {
    const tall = { stack: lines('x').map((text) => ({ text })), unbreakable: true };
    const render = printer().createPdf({ pageSize: 'A6', content: [tall] }).getBuffer();
    await expect(render).rejects.toBeInstanceOf(UnbreakableOverflow);
  });
});
