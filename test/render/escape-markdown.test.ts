// A data value rendered into Markdown must come back as the same text and
// never as structure: no emphasis, list, heading, table cell, link, HTML or
// directive can be injected through a title, a name or a norm's detail.
// (Bare web addresses and e-mails do become http(s)/mailto links: GFM links
// them after escapes are resolved, and a clickable address is what people
// expect in an official document.)
import fc from 'fast-check';
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { escapeMarkdown } from '../../src/render/escape-markdown.js';

const onlyParagraphText = (tree: Root) => {
  expect(tree.children).toHaveLength(1);
  const [paragraph] = tree.children;
  expect(paragraph?.type).toBe('paragraph');
  if (paragraph?.type !== 'paragraph') return '';
  for (const child of paragraph.children) {
    // GFM turns bare web addresses and e-mails into links after unescaping;
    // that is the only structure a value may gain, and its text is unchanged.
    if (child.type === 'link') expect(child.url).toMatch(/^(https?:|mailto:)/);
    else expect(child.type).toBe('text');
  }
  return toString(paragraph);
};

const HOSTILE = [
  'Nombre con *asteriscos* y _guiones_bajos_',
  'Columna | otra columna',
  '<script>alert(1)</script>',
  '[enlace](javascript:alert(1))',
  '`código` y ``más``',
  '# no soy un título',
  '1. no soy una lista',
  '- tampoco',
  '+ ni esta',
  '> ni una cita',
  'nota:subrayado[falso] y ::firmas',
  ':::tabla',
  '&amp; &lt; &#60;',
  'C:\\ruta\\con\\barras',
  '![imagen](x.png)',
  '~~tachado~~',
  'https://ejemplo.gov.co/ruta?x=1&y=2',
  'Ñandú «comillas» ¿pregunta? ¡exclamación! – —',
];

describe('escapeMarkdown', () => {
  it.each(HOSTILE)('keeps %j as literal text', (value) => {
    const markdown = escapeMarkdown(value);
    expect(onlyParagraphText(parseMarkdown(markdown))).toBe(value);
  });

  it('keeps a value literal inside a table cell', () => {
    const markdown = `:::tabla\n- - ${escapeMarkdown('a | b')}\n  - ${escapeMarkdown('1. x')}\n:::\n`;
    const tree = parseMarkdown(markdown);
    const table = tree.children[0];
    expect(table?.type).toBe('richTable');
    if (table?.type !== 'richTable') return;
    const cells = table.children[0]!.children.map((cell) => toString(cell));
    expect(cells).toEqual(['a | b', '1. x']);
  });

  it('folds line breaks and runs of spaces to one space', () => {
    expect(escapeMarkdown('  dos\n\nlíneas\t y  espacios ')).toBe('dos líneas y espacios');
  });

  it('round-trips any single-line text (property)', () => {
    const printable = fc.string({ unit: fc.constantFrom(...'abcñÑáé 019*_|<>[]()#+-.!`~:&=^$"\'\\/{}%@;,?¿¡«»—'.split('')), minLength: 1, maxLength: 40 });
    fc.assert(
      fc.property(printable, (value) => {
        const normal = value.replace(/\s+/g, ' ').trim();
        fc.pre(normal.length > 0);
        const tree = parseMarkdown(escapeMarkdown(value));
        expect(toString(tree)).toBe(normal);
        expect(tree.children.every((c) => c.type === 'paragraph')).toBe(true);
      }),
      { numRuns: 500 },
    );
  });
});
