// One check per node type that the sample document does not already cover
// (structure.test.ts covers headings, tables, lists, glossary, signatures),
// and the fallback for a node type without a handler.
import type { Root } from 'mdast';
import { describe, expect, it } from 'vitest';
import { buildDocx, writeDocx } from '../../../src/write/docx/index.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { sampleContext } from '../../support/sample-document.js';
import { elements, paragraphStyle, part, readParts, textOf } from './docx-parts.js';

async function bodyOf(markdown: string) {
  const parts = readParts(await writeDocx({ context: sampleContext(), tree: parseMarkdown(markdown), markdown }));
  return { document: part(parts, 'word/document.xml'), rels: part(parts, 'word/_rels/document.xml.rels') };
}

const paragraphWith = (xml: string, text: string) => elements(xml, 'w:p').find((p) => textOf(p).includes(text))!;

describe('DOCX handlers', () => {
  it('blockquote → Quote style', async () => {
    const { document } = await bodyOf('> Una cita.\n');
    expect(paragraphStyle(paragraphWith(document, 'Una cita.'))).toBe('Quote');
  });

  it('code → one Source Code paragraph, lines kept', async () => {
    const { document } = await bodyOf('```\nlínea 1\nlínea 2\n```\n');
    const code = paragraphWith(document, 'línea 1');
    expect(paragraphStyle(code)).toBe('SourceCode');
    expect(elements('', 'w:br', code).length).toBe(1);
  });

  it('inlineCode → Verbatim character style', async () => {
    const { document } = await bodyOf('Use `docctl build`.\n');
    const run = elements(document, 'w:r').find((r) => textOf(r) === 'docctl build')!;
    expect(elements('', 'w:rStyle', run)[0]?.getAttribute('w:val')).toBe('VerbatimChar');
  });

  it('delete → struck text', async () => {
    const { document } = await bodyOf('Texto ~~derogado~~.\n');
    const run = elements(document, 'w:r').find((r) => textOf(r) === 'derogado')!;
    expect(elements('', 'w:strike', run).length).toBe(1);
  });

  it('thematicBreak → a bordered empty paragraph', async () => {
    const { document } = await bodyOf('Antes.\n\n---\n\nDespués.\n');
    expect(elements(document, 'w:pBdr').length).toBeGreaterThan(0);
  });

  it('link to "#seccion-…" → internal hyperlink to the heading bookmark', async () => {
    const { document } = await bodyOf('# OBJETO\n\nVéase [el objeto](#seccion-1).\n');
    const link = elements(document, 'w:hyperlink').find((h) => textOf(h) === 'el objeto')!;
    expect(link.getAttribute('w:anchor')).toBe('seccion-1');
    expect(elements(document, 'w:bookmarkStart').map((b) => b.getAttribute('w:name'))).toContain('seccion-1');
  });

  it('nested emphasis inside strong keeps both marks', async () => {
    const { document } = await bodyOf('**negrita y *cursiva***\n');
    const run = elements(document, 'w:r').find((r) => textOf(r) === 'cursiva')!;
    expect(elements('', 'w:b', run).length).toBe(1);
    expect(elements('', 'w:i', run).length).toBe(1);
  });

  it('a soft line break is a space, not a new line', async () => {
    const { document } = await bodyOf('una\nlínea\n');
    expect(textOf(paragraphWith(document, 'una'))).toBe('una línea');
  });

  it('a node type without a handler is an internal error that names it', () => {
    const tree = { type: 'root', children: [{ type: 'image', url: 'x.png', alt: 'x' }] } as unknown as Root;
    expect(() => buildDocx({ context: sampleContext(), tree, markdown: '' })).toThrow(/internal: .*no handler for mdast node "image"/);
  });
});
