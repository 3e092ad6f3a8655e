// The store of shaped words a build leaves for the next one
// (shaped-words-store.ts): which words it keeps, that a word rebuilt from it
// is the run pdfkit's own shaping gives, and that it ignores a store that is
// not its own. That a fresh process renders the same bytes from the store is
// checked through the real CLI in test/publish/incremental-build.test.ts.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fontDictionary, FONT_FAMILY } from '../../../src/write/pdf/fonts.js';
import { createMeasuringDocument } from '../../../src/write/pdf/measure.js';
import { shapedWordsText, storableWord, storedRun, useShapedWords, type ShapingFont } from '../../../src/write/pdf/engine-patches/shaped-words-store.js';
import type { GlyphRunLike } from '../../../src/write/pdf/engine-patches/shared-layout-cache.js';

interface KitFont {
  readonly font: ShapingFont & object;
  layoutRun(text: string): GlyphRunLike;
}

/** pdfkit's embedded Roboto of a throwaway document: its layoutRun is pdfkit's own shaping, scaled as pdfkit scales it. */
function kitFont(bold = false): KitFont {
  const kit = createMeasuringDocument({ fonts: fontDictionary(), localAccess: () => true }, 1000) as { provideFont(family: string, bold: boolean, italics: boolean): KitFont };
  return kit.provideFont(FONT_FAMILY, bold, false);
}

/** What pdfkit reads of a run, with each position's keys in order. */
const shape = (run: GlyphRunLike) => ({
  glyphs: run.glyphs,
  positions: (run.positions as object[]).map((position) => Object.entries(position)),
  advanceWidth: run.advanceWidth,
});

// Spanish text and what calidad documents hold, plus what shaping treats
// specially: ligatures (fi, fl, ffi), a soft hyphen and a zero-width joiner
// (hidden by fontkit), variation selectors, a character Roboto lacks, and the
// ligature characters themselves (U+FB01 maps to the glyph "fi" becomes).
const pieces = ['a', 'e', 'o', 'n', 'ñ', 'á', 'é', 'í', 'ó', 'ú', 'ü', 'T', 'V', 'A', 'W', 'Y', 'r', 'v', 'y', 'f', 'i', 'l', 'fi', 'fl', 'ffi', '.', ',', ';', '-', '–', '—', '(', ')', '«', '»', '“', '”', '"', "'", '0', '7', '%', '°', 'º', '§', '€', '\u00ad', '\u200d', '\ufe0f', '\u4e2d', '\ufb01', '\ufb02', ' '];
const words = fc.array(fc.constantFrom(...pieces), { minLength: 1, maxLength: 9 }).map((parts) => parts.join(''));

describe('the store of shaped words', () => {
  it('keeps a plain word and not one whose shaping substituted, hid or joined glyphs', () => {
    const font = kitFont();
    const keep = (text: string) => storableWord(font.font, text, font.layoutRun(text));
    expect(keep('Transformación ')?.[0]).toHaveLength(15);
    expect(keep('AVANCE')).toBeDefined();
    // "fi" becomes one ligature glyph; a soft hyphen is drawn as nothing.
    expect(keep('oficina')).toBeUndefined();
    expect(keep('trans\u00adformación')).toBeUndefined();
    expect(keep('a\ufe0f')).toBeUndefined();
  });

  it('rebuilds every kept word as the very run pdfkit shapes: the same glyph objects, positions and total advance', () => {
    const regular = kitFont();
    const bold = kitFont(true);
    const sample = fc.sample(words, { numRuns: 3000, seed: 7 });
    const fresh = new Map<KitFont, Map<string, GlyphRunLike>>([
      [regular, new Map()],
      [bold, new Map()],
    ]);
    for (const [font, runs] of fresh) for (const text of sample) runs.set(text, font.layoutRun(text));
    useShapedWords(shapedWordsText('programa-de-prueba', [...fresh].map(([font, runs]) => [font.font, runs] as const)), 'programa-de-prueba');

    let kept = 0;
    let refused = 0;
    for (const [font, runs] of fresh) {
      for (const [text, run] of runs) {
        const rebuilt = storedRun(font.font, text);
        if (storableWord(font.font, text, run) === undefined) {
          refused++;
          expect(rebuilt, text).toBeUndefined();
        } else {
          kept++;
          expect(rebuilt, text).toBeDefined();
          expect(shape(rebuilt!), text).toEqual(shape(font.layoutRun(text)));
          rebuilt!.glyphs.forEach((glyph, i) => expect(glyph, text).toBe(run.glyphs[i]));
        }
      }
    }
    // Both kinds were met, or the test proves nothing.
    expect(kept).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(100);
  });

  it('keeps kerning: a stored word carries the positions, which the character map alone cannot give', () => {
    const font = kitFont();
    const run = font.layoutRun('AVATAR');
    const advances = (run.positions as { xAdvance: number; advanceWidth: number }[]).map((p) => p.xAdvance - p.advanceWidth);
    expect(advances.some((kern) => kern !== 0)).toBe(true);
    useShapedWords(shapedWordsText('p', [[font.font, new Map([['AVATAR', run]])]]), 'p');
    expect(shape(storedRun(font.font, 'AVATAR')!)).toEqual(shape(run));
  });

  it('ignores a store written by another program, a damaged one, and words the font maps otherwise', () => {
    const font = kitFont();
    const text = shapedWordsText('este-programa', [[font.font, new Map([['norma ', font.layoutRun('norma ')]])]]);
    useShapedWords(text, 'este-programa');
    expect(storedRun(font.font, 'norma ')).toBeDefined();
    useShapedWords(text, 'otro-programa');
    expect(storedRun(font.font, 'norma ')).toBeUndefined();
    useShapedWords(text.slice(0, 40), 'este-programa');
    expect(storedRun(font.font, 'norma ')).toBeUndefined();
    useShapedWords(undefined, 'este-programa');
    expect(storedRun(font.font, 'norma ')).toBeUndefined();

    // A stored word whose glyph ids are not what the character map gives, or
    // whose numbers do not fit, is shaped again rather than trusted.
    const content = JSON.parse(shapedWordsText('p', [[font.font, new Map([['norma ', font.layoutRun('norma ')], ['acta ', font.layoutRun('acta ')]])]])) as { fuentes: Record<string, Record<string, [number[], number[]]>> };
    const stored = Object.values(content.fuentes)[0]!;
    stored['norma ']![0][0]! += 1;
    stored['acta ']![1].pop();
    useShapedWords(JSON.stringify(content), 'p');
    expect(storedRun(font.font, 'norma ')).toBeUndefined();
    expect(storedRun(font.font, 'acta ')).toBeUndefined();
  });
});
