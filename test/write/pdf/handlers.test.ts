// One specification per node type the PDF writer draws, through the same
// state and handler map the writer uses.
import type { Nodes, Root } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { fontDictionary } from '../../../src/write/pdf/fonts.js';
import { handlers } from '../../../src/write/pdf/handlers/index.js';
import { logoDataUrl } from '../../../src/write/pdf/logo.js';
import { measureHeight } from '../../../src/write/pdf/measure.js';
import { localAccess } from '../../../src/write/pdf/printer.js';
import { DEFAULT_STYLE, STYLES } from '../../../src/write/pdf/styles.js';
import { createState, type PdfState } from '../../../src/write/pdf/state.js';
import { createTextMeasurer } from '../../../src/write/pdf/text-width.js';
import { indexTree } from '../../../src/write/pdf/tree-index.js';
import { sampleContext } from '../../support/sample-document.js';
import { findAll, textOf } from './content-query.js';

const measure = createTextMeasurer({ fonts: fontDictionary(), localAccess });

function stateFor(tree: Root, context = sampleContext()): PdfState {
  const options = { fonts: fontDictionary(), styles: STYLES, defaultStyle: DEFAULT_STYLE, images: { logo: logoDataUrl(context.entity.logo) }, localAccess };
  const heightOf = (content: Content) => measureHeight(content, 500, options);
  return createState({ context, bodyWidth: 500, bodyHeight: 600, heightOf, tree: indexTree(tree), measure }, handlers);
}

const draw = (markdown: string, context = sampleContext()): unknown[] => {
  const tree = parseMarkdown(markdown);
  return stateFor(tree, context).all(tree);
};

describe('PDF handlers', () => {
  it('heading: prints the generated number before the text and becomes a contents entry, link target and bookmark', () => {
    const [h1, h2] = draw('# UNO\n\n## DOS') as Record<string, unknown>[];
    expect(textOf(h1)).toBe('1. UNO');
    expect(h1).toMatchObject({ tocItem: true, id: 'seccion-1', outline: true, outlineText: '1. UNO', style: 'h1' });
    expect(h2).toMatchObject({ id: 'seccion-1-1', outlineParentId: 'seccion-1', style: 'h2' });
  });

  it('strong, emphasis, underline, delete: flat runs that carry their formatting', () => {
    const [paragraph] = draw('a **b *c*** :subrayado[d] ~~e~~') as { text: Record<string, unknown>[] }[];
    expect(paragraph?.text).toEqual([
      'a ',
      { text: 'b ', bold: true },
      { text: 'c', bold: true, italics: true },
      ' ',
      { text: 'd', decoration: 'underline' },
      ' ',
      { text: 'e', decoration: 'lineThrough' },
    ]);
  });

  it('link: clickable and visibly a link (colour and underline); "#seccion-…" jumps inside the document', () => {
    const [external, internal] = draw('[MinTIC](https://www.mintic.gov.co)\n\n# T\n\n[ver](#seccion-1)').filter(
      (_, i) => i !== 1,
    ) as { text: Record<string, unknown>[] }[];
    expect(external?.text[0]).toMatchObject({ text: 'MinTIC', link: 'https://www.mintic.gov.co', decoration: 'underline', color: expect.any(String) });
    expect(internal?.text[0]).toMatchObject({ text: 'ver', linkToDestination: 'seccion-1', decoration: 'underline' });
  });

  it('a reference-style link [texto][ref] arrives as a link (resolved by the parse stage)', () => {
    const content = draw('Ver [la norma][n].\n\n[n]: https://www.funcionpublica.gov.co') as { text: Record<string, unknown>[] }[];
    expect(content).toHaveLength(1);
    expect(content[0]?.text[1]).toMatchObject({ text: 'la norma', link: 'https://www.funcionpublica.gov.co', decoration: 'underline' });
  });

  it('break: a hard line break becomes a newline inside the paragraph', () => {
    const [paragraph] = draw('uno\\\ndos') as { text: unknown[] }[];
    expect(paragraph?.text).toEqual(['uno', '\n', 'dos']);
  });

  it('list and listItem: bullets, numbers with their start, tight items stay tight', () => {
    const [ul, ol] = draw('- a\n- b\n\ntexto\n\n3. c\n4. d').filter((n) => 'ul' in (n as object) || 'ol' in (n as object)) as Record<string, unknown>[];
    expect(textOf(ul?.ul)).toBe('a b');
    expect(ol).toMatchObject({ start: 3 });
    expect(findAll(ul, (n) => n.style === 'paragraphTight')).toHaveLength(2);
  });

  it('richTable: lists and several paragraphs inside one cell, header row repeated and shaded', () => {
    const [table] = draw(':::tabla{encabezado=1}\n- - A\n  - B\n- - uno\n  - 1. x\n    2. y\n\n    otro párrafo\n:::') as {
      table: { headerRows: number; body: unknown[][] };
    }[];
    expect(table?.table.headerRows).toBe(1);
    expect(table?.table.body[0]?.[0]).toMatchObject({ style: 'tableHeader', fillColor: expect.any(String) });
    const cell = table?.table.body[1]?.[1];
    expect(findAll(cell, (n) => 'ol' in n)).toHaveLength(1);
    expect(textOf(cell)).toContain('otro párrafo');
  });

  it('richTable: column widths follow content — narrow Norma / Número / Fecha, wide Detalle', () => {
    const [table] = draw(
      ':::tabla{tipo="marco-juridico" encabezado=1}\n- - Norma\n  - Número\n  - Fecha\n  - Detalle\n' +
        '- - Resolución\n  - 1519\n  - 2020\n  - Por la cual se definen los estándares y directrices para publicar la información señalada en la Ley 1712 del 2014\n:::',
    ) as { table: { widths: number[] } }[];
    const [norma = 0, numero = 0, fecha = 0, detalle = 0] = table?.table.widths ?? [];
    expect(detalle).toBeGreaterThan(2 * (norma + numero + fecha));
    expect(norma).toBeGreaterThanOrEqual(measure.width('Resolución', 9));
    expect(numero).toBeGreaterThanOrEqual(measure.width('Número', 9, true));
    const total = (table?.table.widths ?? []).reduce((a, b) => a + b, 0) + 4 * 8 + 5;
    expect(total).toBeLessThanOrEqual(500.5);
  });

  it('richTable: a list in a centred header cell is left-aligned (pdfmake drew its numbers over the words)', () => {
    const [table] = draw(':::tabla\n- - Uno\n  - 1. primero\n    2. segundo\n- - a\n  - 1. tercero\n:::') as { table: { body: unknown[][] } }[];
    const [headerLists, bodyLists] = [0, 1].map((row) => findAll(table?.table.body[row]?.[1], (node) => 'ol' in node));
    expect(headerLists).toHaveLength(1);
    expect(headerLists?.[0]).toMatchObject({ alignment: 'left' });
    expect(bodyLists?.[0]).not.toHaveProperty('alignment');
  });

  it('glossary: terms in bold, sorted with Spanish collation (accents ignored, Ñ after N)', () => {
    const entries = draw(':::glosario\n**Ñandú:** ave.\n\n**Órgano:** parte.\n\n**Nube:** vapor.\n\n**Ocaso:** fin.\n\n**Ámbito:** espacio.\n:::');
    expect(entries.map((e) => textOf(e).split(':')[0])).toEqual(['Ámbito', 'Nube', 'Ñandú', 'Ocaso', 'Órgano']);
    expect((entries[0] as unknown as { text: Record<string, unknown>[] }).text[0]).toMatchObject({ bold: true });
  });

  it('frontSection: an unnumbered titled section that is listed in the contents and ends its page', () => {
    const [section] = draw('::::control-de-cambios\nUna nota.\n::::') as Record<string, unknown>[];
    expect(section?.pageBreak).toBe('after');
    expect(findAll(section, (n) => n.tocItem === true).map(textOf)).toEqual(['CONTROL DE CAMBIOS']);
  });

  it('signatures: the placeholder becomes the block drawn from the context', () => {
    const [block] = draw('::firmas') as Record<string, unknown>[];
    expect(block?.unbreakable).toBe(true);
    expect(textOf(block)).toContain('WILLIAM DAU CHAMAT');
  });

  it('signatures: a missing name in the Elaboró / Revisó / Aprobó grid leaves an empty cell to write by hand', () => {
    const [block] = draw('::firmas');
    const grid = findAll(block, (n) => 'table' in n).at(-1) as { table: { body: unknown[][] } };
    const names = grid.table.body[1] ?? [];
    expect(names.slice(1)).toEqual(['', '', 'WILLIAM DAU CHAMAT']);
  });

  it('signatures: too many signatories for one page — each part is kept whole instead of the block vanishing', () => {
    const signatories = Array.from({ length: 7 }, (_, i) => ({ name: `FIRMANTE ${i + 1}`, position: `Cargo ${i + 1}` }));
    const parts = draw('::firmas', sampleContext({ signatories })) as Record<string, unknown>[];
    expect(parts.length).toBe(9);
    for (const part of parts) expect(part.unbreakable).toBe(true);
    expect(textOf(parts)).toContain('FIRMANTE 7');
  });

  it('blockquote, code, inlineCode and thematicBreak are drawn', () => {
    const content = draw('> cita\n\n`x`\n\n```\n  código\n```\n\n***');
    expect(textOf(content)).toContain('cita');
    expect(textOf(content)).toContain('código');
    expect(findAll(content, (n) => 'canvas' in n)).toHaveLength(1);
  });

  it('an unknown node is an internal error naming its type, never silently dropped', () => {
    const state = stateFor({ type: 'root', children: [] });
    expect(() => state.one({ type: 'image', url: 'x.png' } as Nodes, undefined)).toThrow(/internal.*"image"/);
  });
});
