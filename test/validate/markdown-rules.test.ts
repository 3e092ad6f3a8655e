// Authored Markdown is parsed once, as part of its document, unless its text
// may hold what only its own parse can place (a heading, an overlong
// paragraph); when the document's parse fails, every section is parsed on
// its own so the problem is still reported where the author wrote it.
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
});
