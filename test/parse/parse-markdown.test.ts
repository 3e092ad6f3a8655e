// The parse stage: directives become our nodes, headings get numbers, and
// what cannot be accepted is reported with its line.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { MarkdownProblem, parseMarkdown } from '../../src/parse/parse-markdown.js';
import { SAMPLE_MARKDOWN } from '../support/sample-document.js';

const types = (tree: Root) => tree.children.map((n) => n.type);

describe('parseMarkdown', () => {
  const tree = parseMarkdown(SAMPLE_MARKDOWN);

  it('numbers headings 1., 4.1., 4.1.1. and gives them anchors', () => {
    const numbers = tree.children.flatMap((n) => (n.type === 'heading' ? [`${n.data?.number} ${toString(n)} #${n.data?.id}`] : []));
    expect(numbers).toEqual([
      '1. INTRODUCCIÓN #seccion-1',
      '2. MARCO JURÍDICO #seccion-2',
      '3. MARCO CONCEPTUAL #seccion-3',
      '4. ESTRUCTURA GENERAL #seccion-4',
      '4.1. DECLARACIÓN #seccion-4-1',
      '4.1.1. OBJETIVO GENERAL #seccion-4-1-1',
      '5. FIRMAS #seccion-5',
    ]);
  });

  it('turns the change-control container into an unnumbered front section', () => {
    expect(types(tree)[0]).toBe('frontSection');
  });

  it('turns :::tabla into a rich table whose cells hold blocks', () => {
    const tables = tree.children.filter((n) => n.type === 'richTable');
    expect(tables).toHaveLength(2);
    const rich = tables[1]!;
    if (rich.type !== 'richTable') return;
    expect(rich.caption).toBe('Líneas estratégicas');
    expect(rich.headerRows).toBe(1);
    const cell = rich.children[1]!.children[1]!;
    expect(cell.children.map((c) => c.type)).toEqual(['paragraph', 'list', 'paragraph']);
    expect(cell.children[0]!.type === 'paragraph' && cell.children[0].children[0]!.type).toBe('underline');
    expect(rich.children[2]!.children[0]!.children).toEqual([]);
  });

  it('turns the glossary container into term/definition entries', () => {
    const glossary = tree.children.find((n) => n.type === 'glossary');
    expect(glossary?.type === 'glossary' && glossary.children.map((e) => [e.term, toString(e)])).toEqual([
      ['Accesibilidad', 'Es una característica deseable en las páginas web.'],
      ['Ñandú', 'Ave corredora.'],
    ]);
  });

  it('keeps ::firmas as a signatures placeholder', () => {
    expect(types(tree).at(-1)).toBe('signatures');
  });

  it('normalises GFM tables to rich tables', () => {
    const [table] = parseMarkdown('| a | b |\n|---|---|\n| 1 | 2 |\n').children;
    expect(table?.type).toBe('richTable');
  });

  it('accepts http(s), mailto and relative links', () => {
    const tree = parseMarkdown('[a](https://x.gov.co) [b](http://x.gov.co) [c](mailto:a@b.co) [d](#seccion-1) [e](otra/pagina.html)\n');
    const urls: string[] = [];
    const walk = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) urls.push(node.url);
      for (const child of (node.children ?? []) as never[]) walk(child);
    };
    walk(tree as never);
    expect(urls).toEqual(['https://x.gov.co', 'http://x.gov.co', 'mailto:a@b.co', '#seccion-1', 'otra/pagina.html']);
  });

  it('turns reference-style links into links and drops their definitions', () => {
    const tree = parseMarkdown('Vea [el decreto][d767].\n\n[d767]: https://www.funcionpublica.gov.co/767\n');
    expect(tree.children).toHaveLength(1);
    const paragraph = tree.children[0];
    const link = paragraph?.type === 'paragraph' ? paragraph.children[1] : undefined;
    expect(link).toMatchObject({ type: 'link', url: 'https://www.funcionpublica.gov.co/767' });
  });

  it('leaves prose that merely looks like a text directive alone', () => {
    expect(toString(parseMarkdown('Nota:importante y hora 10:30.'))).toBe('Nota:importante y hora 10:30.');
  });

  it.each([
    ['raw HTML', 'Uno\n\n<u>dos</u>\n', 3, 'no se admite HTML'],
    ['unknown container', 'Uno\n\n:::caja\nx\n:::\n', 3, 'directiva desconocida ":::caja"'],
    ['a javascript: link', 'Uno\n\n[clic](javascript:alert(1))\n', 3, 'enlace no permitido "javascript:alert(1)"'],
    ['a javascript: link hidden by an encoded tab', '[x](java&#9;script:alert(1))\n', 1, 'enlace no permitido'],
    ['a data: link', '[x](data:text/html;base64,AAAA)\n', 1, 'enlace no permitido'],
    ['an image outside figuras/', 'Uno\n\n![escudo](escudo.png)\n', 3, 'no es figuras/<nombre>'],
    ['an SVG figure', 'Uno\n\n![Flujo](figuras/flujo.svg)\n', 3, 'es SVG, que docctl no admite'],
    ['a figure that climbs out', '![Flujo](figuras/../../entidad.png)\n', 1, 'sale de la carpeta del documento'],
    ['an absolute figure', '![Flujo](/etc/x.png)\n', 1, 'sale de la carpeta del documento'],
    ['a figure on the web', '![Flujo](https://ejemplo.gov.co/x.png)\n', 1, 'es una dirección web'],
    ['a figure in a subfolder', '![Flujo](figuras/sub/x.png)\n', 1, 'sin subcarpetas'],
    ['a GIF figure', '![Flujo](figuras/x.gif)\n', 1, 'no es PNG ni JPG'],
    ['a figure without alternative text', 'Uno\n\n![](figuras/x.png)\n', 3, 'no tiene texto alternativo'],
    ['a figure inside a sentence', 'Vea ![Flujo](figuras/x.png) aquí.\n', 1, 'va sola en su párrafo'],
    ['a figure by reference', '![Flujo][f]\n\n[f]: figuras/x.png\n', 1, 'no por referencia'],
    ['a figure in a list', '- ![Flujo](figuras/x.png)\n', 1, 'dentro de una tabla, una lista o una cita'],
    ['a footnote', 'Texto[^1].\n\n[^1]: Nota.\n', 1, 'las notas al pie'],
    ['a reference to a javascript: link', '[clic][x]\n\n[x]: javascript:alert(1)\n', 3, 'enlace no permitido'],
    ['ragged table', ':::tabla\n- - a\n  - b\n- - c\n:::\n', 4, 'fila 2: tiene 1 celdas y la primera fila tiene 2'],
  ])('reports %s with its line', (_, markdown, line, message) => {
    try {
      parseMarkdown(markdown);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(MarkdownProblem);
      expect((error as MarkdownProblem).line).toBe(line);
      expect((error as MarkdownProblem).message).toContain(message);
    }
  });

  describe('figures', () => {
    it('turns an image alone in its paragraph into a figure with its alternative text and caption', () => {
      const tree = parseMarkdown('Antes.\n\n![Flujograma del trámite](figuras/flujo-1.png "Figura 1. Flujograma")\n\nDespués.\n');
      expect(tree.children.map((node) => node.type)).toEqual(['paragraph', 'figure', 'paragraph']);
      expect(tree.children[1]).toMatchObject({ type: 'figure', file: 'flujo-1.png', alt: 'Flujograma del trámite', caption: 'Figura 1. Flujograma' });
      expect(tree.children[1]).toMatchObject({ position: { start: { line: 3 } } });
    });

    it('has no caption without a title, and takes JPG', () => {
      const tree = parseMarkdown('![Foto de la sede](figuras/sede.JPG)\n');
      expect(tree.children[0]).toMatchObject({ type: 'figure', file: 'sede.JPG', alt: 'Foto de la sede' });
      expect(tree.children[0]).not.toHaveProperty('caption', expect.anything());
    });

    it('names the folder and the figures there when the file is not among them', () => {
      const files = { names: new Set(['flujo.png']), folder: 'data/x/documentos/GD-P-001/figuras/' };
      expect(() => parseMarkdown('![Flujo](figuras/otro.png)\n', { figures: files })).toThrow(
        'la figura "figuras/otro.png" no existe en data/x/documentos/GD-P-001/figuras/; ponga allí el archivo o corrija el nombre (hay: flujo.png)',
      );
      expect(() => parseMarkdown('![Flujo](figuras/flujo.png)\n', { figures: files })).not.toThrow();
    });
  });
});
