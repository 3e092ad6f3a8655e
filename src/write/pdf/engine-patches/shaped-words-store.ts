// Shaping words (fontkit's OpenType layout: substitutions, kerning) is the
// largest single cost of a process's first rendering: ~350 ms of the ~1.3 s
// a build that renders one changed document spends on it. The words are the
// same from build to build, so a build keeps the ones its thread shaped in
// the output folder, and the next build's renderings start from them
// (publish/render-job.ts reads and writes the file; SHAPED_WORDS_FILE in
// publish/output-paths.ts names it). Deleting it only costs that time again.
//
// Only words whose shaping substituted nothing are kept: one glyph per
// character, each the very glyph object fontkit's character map gives for
// that character. Such a word is rebuilt the way fontkit begins shaping it —
// glyphForCodePoint for each character, in order — so the glyph objects, and
// the characters pdfkit's ToUnicode map records for them, are the ones a
// fresh shaping makes; only the positions (kerning) come from the file, as
// pdfkit scaled them. Words with ligatures, variation selectors or hidden
// characters are shaped again, and so is any word whose glyphs the font's
// character map no longer gives. The file names the program and each font
// by their hashes: another docctl, pdfkit, fontkit or font ignores it.
import { fontIdentity } from './font-cache.js';
import type { GlyphRunLike } from './shared-layout-cache.js';

/** Bumped when the file changes shape: an older file is then ignored. */
const STORE_FORMAT = 1;
/** Numbers kept per glyph: pdfkit's scaled xAdvance, yAdvance, xOffset, yOffset and advanceWidth. */
const POSITION_FIELDS = 5;
/** Words kept per font; about 300 bytes of file each. */
const MAX_STORED_WORDS = 20_000;

/** A word as stored: its glyph ids, then its positions, POSITION_FIELDS numbers per glyph. */
type StoredWord = [ids: number[], positions: number[]];

interface StoreFile {
  formato?: number;
  programa?: string;
  fuentes?: Record<string, Record<string, StoredWord>>;
}

export interface ShapingFont {
  glyphForCodePoint(codePoint: number): { readonly id: number; readonly advanceWidth: number };
}

interface Position {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

/** Words loaded from the file, by font identity; consulted when a word is not in memory. */
let stored = new Map<string, Map<string, StoredWord>>();

/** Takes the words of a store's text (`undefined`: no file); a damaged store, or another program's, counts as empty. */
export function useShapedWords(text: string | undefined, program: string): void {
  stored = new Map();
  let content: StoreFile;
  try {
    content = JSON.parse(text ?? '{}') as StoreFile;
  } catch {
    return;
  }
  if (!content || content.formato !== STORE_FORMAT || content.programa !== program || typeof content.fuentes !== 'object' || !content.fuentes) return;
  for (const [font, words] of Object.entries(content.fuentes)) {
    if (words && typeof words === 'object') stored.set(font, new Map(Object.entries(words)));
  }
}

const isVariationSelector = (cp: number) => (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef);

function codePointsOf(text: string): number[] | undefined {
  const points: number[] = [];
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    if (isVariationSelector(cp)) return undefined;
    points.push(cp);
  }
  return points;
}

function wellFormed(word: unknown, length: number): word is StoredWord {
  if (!Array.isArray(word) || word.length !== 2) return false;
  const [ids, positions] = word as unknown[];
  return (
    Array.isArray(ids) &&
    Array.isArray(positions) &&
    ids.length === length &&
    positions.length === length * POSITION_FIELDS &&
    ids.every((id) => Number.isInteger(id)) &&
    positions.every((value) => typeof value === 'number' && Number.isFinite(value))
  );
}

/**
 * The shaped run of `text` rebuilt from the store, or undefined when the
 * store does not hold it, or holds something the font's character map no
 * longer agrees with.
 */
export function storedRun(font: ShapingFont & object, text: string): GlyphRunLike | undefined {
  const identity = fontIdentity(font);
  const word = identity === undefined ? undefined : stored.get(identity)?.get(text);
  if (word === undefined) return undefined;
  const points = codePointsOf(text);
  if (!points || !wellFormed(word, points.length)) return undefined;
  const [ids, numbers] = word;
  const glyphs = points.map((cp) => font.glyphForCodePoint(cp));
  if (glyphs.some((glyph, i) => glyph.id !== ids[i])) return undefined;
  const positions: Position[] = [];
  let advanceWidth = 0;
  for (let i = 0, at = 0; i < glyphs.length; i++, at += POSITION_FIELDS) {
    // The same keys in the same order as pdfkit's scaled GlyphPosition.
    const position: Position = { xAdvance: numbers[at]!, yAdvance: numbers[at + 1]!, xOffset: numbers[at + 2]!, yOffset: numbers[at + 3]!, advanceWidth: numbers[at + 4]! };
    positions.push(position);
    // fontkit's GlyphRun.advanceWidth: the same sum, in the same order.
    advanceWidth += position.xAdvance;
  }
  return { glyphs, positions, advanceWidth };
}

/** The stored form of a freshly shaped run, or undefined when it is not one kept (see the top of this file). */
export function storableWord(font: ShapingFont, text: string, run: GlyphRunLike): StoredWord | undefined {
  const points = codePointsOf(text);
  if (!points || points.length === 0 || run.glyphs.length !== points.length) return undefined;
  // Shaping called glyphForCodePoint for each of these characters already, so
  // asking again creates nothing: it returns the glyph objects it made then.
  if (run.glyphs.some((glyph, i) => glyph !== font.glyphForCodePoint(points[i]!))) return undefined;
  const numbers: number[] = [];
  for (const position of run.positions as Position[]) {
    numbers.push(position.xAdvance, position.yAdvance, position.xOffset, position.yOffset, position.advanceWidth);
  }
  return [run.glyphs.map((glyph) => (glyph as { id: number }).id), numbers];
}

/**
 * The store's text: the words this thread shaped (`shaped`, by font), then
 * those it took from the last store and did not need this time, up to
 * MAX_STORED_WORDS per font.
 */
export function shapedWordsText(program: string, shaped: Iterable<readonly [font: ShapingFont & object, runs: ReadonlyMap<string, GlyphRunLike>]>): string {
  const fonts: Record<string, Record<string, StoredWord>> = {};
  for (const [font, runs] of shaped) {
    const identity = fontIdentity(font);
    if (identity === undefined) continue;
    const words = (fonts[identity] ??= Object.create(null) as Record<string, StoredWord>);
    for (const [text, run] of runs) {
      const word = storableWord(font, text, run);
      if (word) words[text] = word;
    }
  }
  for (const [identity, words] of stored) {
    const kept = (fonts[identity] ??= Object.create(null) as Record<string, StoredWord>);
    let count = Object.keys(kept).length;
    for (const [text, word] of words) {
      if (count >= MAX_STORED_WORDS) break;
      if (!(text in kept)) {
        kept[text] = word;
        count++;
      }
    }
  }
  const content: StoreFile = { formato: STORE_FORMAT, programa: program, fuentes: fonts };
  return JSON.stringify(content);
}
