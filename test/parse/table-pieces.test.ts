// A long :::tabla parsed in pieces (src/parse/table-pieces.ts) gives exactly
// the tree, positions included, that parsing it whole gives; where pieces
// could change the meaning the document is parsed whole.
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { parseWithTablePieces } from '../../src/parse/table-pieces.js';
import { MarkdownProblem, parseMarkdown } from '../../src/parse/parse-markdown.js';

const processor = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
let calls = 0;
const parse = (markdown: string) => {
  calls++;
  return processor.parse(markdown) as Root;
};

/** A deterministic generator, so a failure names its case. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const CELLS = [
  'texto simple',
  '**negrita** y _cursiva_ con :subrayado[subrayado]',
  'dos párrafos\n\n    segundo párrafo',
  'una lista:\n\n    - uno\n    - dos',
  'un enlace a https://example.org y `código`',
  '',
  'línea\n    perezosa',
];

function table(next: () => number, rows: number, bullet = '-'): string {
  const lines = [':::tabla{titulo="Tabla" encabezado=1}'];
  for (let row = 0; row < rows; row++) {
    const cells = [0, 1, 2].map(() => CELLS[Math.floor(next() * CELLS.length)]!);
    lines.push(`${bullet} ${bullet === '-' ? '-' : '*'} ${cells[0]}`.trimEnd());
    for (const cell of cells.slice(1)) lines.push(`  - ${cell}`.trimEnd());
  }
  lines.push(':::');
  return lines.join('\n');
}

describe(':::tabla parsed in pieces', () => {
  it.each([1, 2, 3, 4, 5, 6])('gives the tree of the whole parse, positions included (case %i)', (seed) => {
    const next = random(seed);
    const markdown = ['# Antes', '', 'Un párrafo.', '', table(next, 23), '', '## Entre', '', table(next, 7), '', 'Después.', ''].join('\n');
    calls = 0;
    const pieces = parseWithTablePieces(markdown, parse, 5);
    expect(calls).toBeGreaterThan(2);
    expect(pieces).toEqual(parse(markdown));
  });

  it.each([
    ['a blank line before a row where a piece starts', (rows: string) => rows.replace(/\n- - fila 5\b/, '\n\n- - fila 5')],
    ['rows of two bullets', (rows: string) => rows.replace(/\n- - fila 5\b/, '\n* - fila 5')],
    ['a line at the margin that is no row', (rows: string) => rows.replace(/\n- - fila 5\b/, '\nperezosa\n- - fila 5')],
    ['a reference definition in the document', (rows: string) => `${rows}\n\n[ref]: https://example.org\n`],
  ])('parses the table whole with %s', (_, change) => {
    const rows = Array.from({ length: 12 }, (_, i) => `- - fila ${i}\n  - [enlace][ref]`).join('\n');
    const markdown = change(`:::tabla\n${rows}\n:::\n`);
    calls = 0;
    expect(parseWithTablePieces(markdown, parse, 5)).toEqual(parse(markdown));
    expect(calls).toBe(2);
  });

  it('reports a bad row of a long table at its own line', () => {
    const rows = Array.from({ length: 400 }, (_, i) => (i === 250 ? '- - sola' : `- - a ${i}\n  - b ${i}`));
    try {
      parseMarkdown(`# Tabla\n\n:::tabla\n${rows.join('\n')}\n:::\n`);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MarkdownProblem);
      // Three lines before the rows, two per row before it.
      expect((error as MarkdownProblem).line).toBe(4 + 2 * 250);
      expect((error as MarkdownProblem).message).toContain('fila 251');
    }
  });
});
