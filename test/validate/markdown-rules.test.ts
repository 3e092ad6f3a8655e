// Authored Markdown is parsed once, as part of its document, unless its text
// may hold what only its own parse can place (a heading, an overlong
// paragraph); when the document's parse fails, every section is parsed on
// its own so the problem is still reported where the author wrote it.
import fc from 'fast-check';
import type { Root } from 'mdast';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { needsOwnParse } from '../../src/validate/markdown-rules.js';
import { copyProject, editJson, MINIMAL_DOC, problemsOf } from '../support/project.js';
import { join } from 'node:path';

function problemsWithContent(contenido: string): string[] {
  const data = join(copyProject(), 'data');
  editJson(data, MINIMAL_DOC, (doc) => {
    (doc.secciones as { contenido?: string }[])[0]!.contenido = contenido;
  });
  return problemsOf(data).filter((p) => !p.includes('advertencia'));
}

describe('authored Markdown checks', () => {
  it.each([
    ['an ATX heading', 'Texto\n\n## Título'],
    ['a heading in a quote', 'Texto\n\n> # Título'],
    ['a heading in a list item', 'Texto\n\n- # Título'],
    ['a setext heading', 'Texto\n\nTítulo\n======'],
    ['a setext heading made with dashes', 'Texto\n\nTítulo\n---'],
  ])('finds %s, naming its line in the content', (_, contenido) => {
    expect(needsOwnParse({ text: contenido, file: 'x.json' })).toBe(true);
    const problems = problemsWithContent(contenido);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/GC-P-001\.json:\d+:\d+: secciones\[0\]\.contenido: línea 3 del contenido: no escriba títulos con #/);
  });

  it('needs no parse of its own for plain prose, lists and tables', () => {
    expect(needsOwnParse({ text: 'Un párrafo con **negrita**.\n\n- uno\n- dos\n\n| a | b |\n|---|---|\n| 1 | 2 |', file: 'x.json' })).toBe(false);
    expect(problemsWithContent('Un párrafo.\n\n1. uno\n2. dos')).toEqual([]);
  });

  it('still names the line of raw HTML found by the whole document parse', () => {
    const problems = problemsWithContent('Uno.\n\nDos.\n\n<div>tres</div>');
    expect(needsOwnParse({ text: 'Uno.\n\nDos.\n\n<div>tres</div>', file: 'x.json' })).toBe(false);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/GC-P-001\.json:\d+:\d+: secciones\[0\]\.contenido: línea 5 del contenido: .*HTML/);
  });

  it('needs no parse of its own for a list item holding a dash ("- -"), as in the seed policy', () => {
    expect(needsOwnParse({ text: '- Área de Desarrollo\n- -\n  - 2\\. Gestión', file: 'x.json' })).toBe(false);
  });

  // The quick test may raise false alarms but must never miss a heading: a
  // missed one would be printed as a numbered title no one asked for.
  it('never misses a heading that the parser finds, for any mix of containers and markers', () => {
    const parser = unified().use(remarkParse).use(remarkGfm).use(remarkDirective);
    const hasHeading = (text: string) => {
      let found = false;
      visit(parser.parse(text) as Root, 'heading', () => {
        found = true;
      });
      return found;
    };
    const prefix = fc.constantFrom('', ' ', '  ', '   ', '    ', '\t', '- ', '* ', '+ ', '1. ', '2) ', '> ', '>', '- > ', '> - ', '  > ', '>  - ', '1. > ');
    const body = fc.constantFrom('Texto', 'Título', '#', '# Título', '##', '###### x', '####### x', '#x', '---', '--', '-', '- -', '===', '=', '= =', '***', '___', '', 'a | b', '|---|---|', '```', ':::nota', '\\#', '---  ', '=== x');
    const line = fc.tuple(prefix, body).map(([p, b]) => p + b);
    fc.assert(
      fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (lines) => {
        const text = lines.join('\n');
        if (hasHeading(text)) expect(needsOwnParse({ text, file: 'x.json' })).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });
});
