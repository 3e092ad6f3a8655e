// The guard against silent loss (write/pdf/drawn-words.ts): every word of
// the body must be among the words drawn on the PDF's pages. Every PDF test
// renders with the guard on; these check that it does see a lost word, and
// does not mistake what pdfmake legitimately does for a loss.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { drawnLines, undrawnWords } from '../../../src/write/pdf/drawn-words.js';

/** Lines as pdfmake lays them out on a page: one inline per word, with its space. */
const laidOut = (...lines: string[]) =>
  drawnLines({ _pdfMakePages: [{ items: [{ type: 'vector', item: {} }, ...lines.map((line) => ({ type: 'line', item: { inlines: line.split(/(?<= )/).map((text) => ({ text })) } }))] }] });

describe('the words drawn and the words of the body', () => {
  const tree = parseMarkdown('Párrafo con **acción** pública.\n\n| Campo | Detalle |\n|---|---|\n| uno | dos dos |\n');

  it('finds nothing missing when every word was drawn, in any order and case', () => {
    expect(undrawnWords(tree, laidOut('CAMPO DETALLE', 'dos uno dos', 'Párrafo con acción pública.'))).toEqual([]);
  });

  it('names each word not drawn, counting repeats', () => {
    expect(undrawnWords(tree, laidOut('Párrafo con acción pública.', 'Campo Detalle uno dos'))).toEqual(['dos']);
    expect(undrawnWords(tree, drawnLines({}))).toHaveLength(9);
  });

  it('counts a word pdfmake broke between two lines of a narrow column', () => {
    expect(undrawnWords(tree, laidOut('Párrafo con ac', 'ci', 'ón pública.', 'Campo Detalle uno dos dos'))).toEqual([]);
  });

  it('counts a word broken over three lines in a table cell, right after a paragraph that ended inside a word', () => {
    const long = parseMarkdown(`Fin ${'x'.repeat(30)}\n\n| A |\n|---|\n| ${'a'.repeat(20)}${'b'.repeat(20)}${'c'.repeat(20)} |\n`);
    expect(undrawnWords(long, laidOut(`Fin ${'x'.repeat(10)}`, 'x'.repeat(20), 'A', 'a'.repeat(20), 'b'.repeat(20), 'c'.repeat(20)))).toEqual([]);
    expect(undrawnWords(long, laidOut(`Fin ${'x'.repeat(10)}`, 'x'.repeat(20), 'A', 'a'.repeat(20), 'c'.repeat(20)))).toHaveLength(1);
  });
});
