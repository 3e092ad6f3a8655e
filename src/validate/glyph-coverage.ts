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

/** The first character of `text` the font cannot print, if any. */
export function firstMissingGlyph(text: string): { char: string; index: number } | undefined {
  const f = documentFont();
  let index = 0;
  for (const char of text) {
    const cp = char.codePointAt(0)!;
    // Line breaks and tabs are layout, and variation selectors never print.
    if (cp >= 0x20 && !(cp >= 0xfe00 && cp <= 0xfe0f) && cp !== 0x200d && !f.hasGlyphForCodePoint(cp)) return { char, index };
    index += char.length;
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
