// firstMissingGlyph answers from one regular expression built from the
// document font's character map (glyph-coverage.ts): the answers must be
// fontkit's own, for the first unprintable character, at its index.
import { join } from 'node:path';
import fc from 'fast-check';
import * as fontkit from 'fontkit';
import { describe, expect, it } from 'vitest';
import { firstMissingGlyph, glyphProblems } from '../../src/validate/glyph-coverage.js';
import { FONT_DIR } from '../../src/write/pdf/fonts.js';

const font = fontkit.openSync(join(FONT_DIR, 'Roboto-Regular.ttf')) as fontkit.Font;

/** The check without memory: every character asked of fontkit. */
function reference(text: string): { char: string; index: number } | undefined {
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (cp >= 0x20 && !(cp >= 0xfe00 && cp <= 0xfe0f) && cp !== 0x200d && !font.hasGlyphForCodePoint(cp)) return { char, index };
    index += char.length;
  }
  return undefined;
}

describe('firstMissingGlyph', () => {
  it('finds the first character the font cannot print, at its UTF-16 index', () => {
    expect(firstMissingGlyph('Política de Gobierno Digital: ñ Ñ ü ¿ ¡ « » – — €')).toBeUndefined();
    expect(firstMissingGlyph('línea\ncon\ttabulador\r\n')).toBeUndefined();
    expect(firstMissingGlyph('Listo 😀 y 漢')).toEqual({ char: '😀', index: 6 });
    expect(firstMissingGlyph('漢 y 😀')).toEqual({ char: '漢', index: 0 });
    // Variation selectors and the zero-width joiner never print, so they are never reported.
    expect(firstMissingGlyph('a\ufe0fb\u200dc')).toBeUndefined();
    // A lone surrogate is one character of its own.
    expect(firstMissingGlyph('ab\ud83dc')).toEqual(reference('ab\ud83dc'));
  });

  it('gives the same answer the second time (the pattern is built once)', () => {
    for (let i = 0; i < 2; i++) {
      expect(firstMissingGlyph('x😀')).toEqual({ char: '😀', index: 1 });
      expect(firstMissingGlyph('ok')).toBeUndefined();
    }
  });

  it('agrees with asking fontkit about every character', () => {
    const special = fc.constantFrom('a', 'ñ', ' ', '\n', '\ufe0f', '\u200d', '€', '漢', '😀', '\ud800');
    const anyCodePoint = fc.integer({ min: 0, max: 0x10ffff }).map((cp) => String.fromCodePoint(cp));
    const text = fc.string({ unit: fc.oneof(special, anyCodePoint), maxLength: 30 });
    fc.assert(
      fc.property(text, (t) => {
        expect(firstMissingGlyph(t)).toEqual(reference(t));
      }),
      { numRuns: 2000 },
    );
  });

  it('reports unprintable text in a data file where it is typed', () => {
    const json = { file: 'datos.json', text: '{"titulo": "Hola 😀"}', value: { $schema: '😀', titulo: 'Hola 😀' } };
    const problems = glyphProblems(json as never);
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ severity: 'error', file: 'datos.json', field: 'titulo' });
    expect(problems[0]!.message).toContain('U+1F600');
  });

  it('reads past the raw text when a JSON escape could spell what the font lacks', () => {
    // The file's bytes are plain ASCII; only the parsed string holds the emoji.
    const text = '{"titulo": "Hola \\ud83d\\ude00"}';
    const problems = glyphProblems({ file: 'datos.json', text, value: JSON.parse(text) as unknown } as never);
    expect(problems).toHaveLength(1);
    expect(problems[0]!.message).toContain('U+1F600');
  });

  it('finds nothing in a file the font prints entirely', () => {
    const text = '{"titulo": "Política de seguridad — versión 2 «vigente»"}';
    expect(glyphProblems({ file: 'datos.json', text, value: JSON.parse(text) as unknown } as never)).toEqual([]);
  });
});
