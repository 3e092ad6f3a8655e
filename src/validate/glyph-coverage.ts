// Characters the document's font cannot print (emoji, CJK…) would come out
// as blanks or boxes in the official PDF. They are reported where they are
// typed, before anything is rendered. The font is the one the PDF writer
// embeds: coverage is a property of the data against that font.
import { join } from 'node:path';
import * as fontkit from 'fontkit';
import type { Problem } from '../errors.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import { FONT_DIR } from '../write/pdf/fonts.js';

let font: fontkit.Font | undefined;

function documentFont(): fontkit.Font {
  font ??= fontkit.openSync(join(FONT_DIR, 'Roboto-Regular.ttf')) as fontkit.Font;
  return font;
}

// Whether the font prints a code point, asked of fontkit once per code point:
// a check walks every character of every data file (millions of characters
// for a few hundred documents, drawn from a few hundred code points), and
// fontkit's cmap lookup costs far more than reading this table. For the
// Basic Multilingual Plane: 0 = not asked yet, 1 = printable, 2 = missing.
const BMP_PRINTABLE = 1;
const BMP_MISSING = 2;
const bmp = new Uint8Array(0x10000);
const astral = new Map<number, boolean>();

function printable(cp: number): boolean {
  // Line breaks and tabs are layout, and variation selectors never print.
  if (cp < 0x20 || (cp >= 0xfe00 && cp <= 0xfe0f) || cp === 0x200d) return true;
  if (cp < 0x10000) {
    const known = bmp[cp];
    if (known) return known === BMP_PRINTABLE;
    const has = documentFont().hasGlyphForCodePoint(cp);
    bmp[cp] = has ? BMP_PRINTABLE : BMP_MISSING;
    return has;
  }
  let has = astral.get(cp);
  if (has === undefined) {
    has = documentFont().hasGlyphForCodePoint(cp);
    astral.set(cp, has);
  }
  return has;
}

/** The first character of `text` the font cannot print, if any. */
export function firstMissingGlyph(text: string): { char: string; index: number } | undefined {
  // By code point, as `for…of` would, without a string per character.
  for (let index = 0; index < text.length; ) {
    const cp = text.codePointAt(index)!;
    const length = cp > 0xffff ? 2 : 1;
    if (!printable(cp)) return { char: text.slice(index, index + length), index };
    index += length;
  }
  return undefined;
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function missingGlyphMessage(char: string): string {
  return `el carácter «${char}» (${codePoint(char)}) no existe en la fuente de los documentos y se imprimiría en blanco; quítelo o reemplácelo por texto`;
}

/** Walks every string of a data file and reports the first unprintable character of each. */
export function glyphProblems(json: JsonFile): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (path[0] === '$schema') return;
      const missing = firstMissingGlyph(value);
      if (missing) {
        const line = value.slice(0, missing.index).split('\n').length;
        const where = formatFieldPath(path);
        problems.push({ severity: 'error', file: json.file, ...locate(json, path), field: where, message: `${line > 1 ? `línea ${line} del texto: ` : ''}${missingGlyphMessage(missing.char)}` });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  walk(json.value, []);
  return problems;
}
