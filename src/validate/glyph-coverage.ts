// Characters the document's font cannot print (emoji, CJK…) would come out
// as blanks or boxes in the official PDF. They are reported where they are
// typed, before anything is rendered. The font is the one the PDF writer
// embeds: coverage is a property of the data against that font.
import { join } from 'node:path';
import type * as fontkit from 'fontkit';
import type { Problem } from '../errors.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import { parsedFont } from '../write/pdf/engine-patches/font-cache.js';
import { FONT_DIR } from '../write/pdf/fonts.js';

let font: fontkit.Font | undefined;

function documentFont(): fontkit.Font {
  font ??= parsedFont(join(FONT_DIR, 'Roboto-Regular.ttf')) as fontkit.Font;
  return font;
}

let unprintable: RegExp | undefined;

/**
 * A character the font has no glyph for, as one regular expression built from
 * the font's character map. A check reads every character of every data file
 * (millions for a few hundred documents): asking fontkit about each would
 * cost seconds; the regular expression engine reads about 150 MB/s here, as
 * fast as a loop over a table of answers, with no table to keep. Line
 * breaks and tabs are layout, and variation selectors and the zero-width
 * joiner never print: none of them is reported.
 */
function unprintablePattern(): RegExp {
  if (unprintable) return unprintable;
  const points = [...documentFont().characterSet, ...range(0, 0x1f), ...range(0xfe00, 0xfe0f), 0x200d].sort((a, b) => a - b);
  const ranges: string[] = [];
  for (let i = 0; i < points.length; ) {
    let end = i;
    while (end + 1 < points.length && points[end + 1]! <= points[end]! + 1) end++;
    const escape = (cp: number) => `\\u{${cp.toString(16)}}`;
    ranges.push(points[i] === points[end] ? escape(points[i]!) : `${escape(points[i]!)}-${escape(points[end]!)}`);
    i = end + 1;
  }
  unprintable = new RegExp(`[^${ranges.join('')}]`, 'u');
  return unprintable;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: to - from + 1 }, (_, i) => from + i);
}

/** The first character of `text` the font cannot print, if any. */
export function firstMissingGlyph(text: string): { char: string; index: number } | undefined {
  const found = unprintablePattern().exec(text);
  return found ? { char: found[0], index: found.index } : undefined;
}

/** Each different character of `text` the font cannot print, where it first appears (at most `limit`). */
export function missingGlyphs(text: string, limit = 10): { char: string; index: number }[] {
  const found: { char: string; index: number }[] = [];
  const seen = new Set<string>();
  const pattern = new RegExp(unprintablePattern().source, 'gu');
  for (const match of text.matchAll(pattern)) {
    if (seen.has(match[0])) continue;
    seen.add(match[0]);
    found.push({ char: match[0], index: match.index });
    if (found.length === limit) break;
  }
  return found;
}

const codePoint = (char: string) => `U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

export function missingGlyphMessage(char: string): string {
  return `el carácter «${char}» (${codePoint(char)}) no existe en la fuente de los documentos y se imprimiría en blanco; quítelo o reemplácelo por texto`;
}

/** Walks every string of a data file and reports each different unprintable character of each. */
export function glyphProblems(json: JsonFile): Problem[] {
  const problems: Problem[] = [];
  const walk = (value: unknown, path: (string | number)[]) => {
    if (typeof value === 'string') {
      if (path[0] === '$schema') return;
      for (const missing of missingGlyphs(value)) {
        const line = value.slice(0, missing.index).split('\n').length;
        const where = formatFieldPath(path);
        problems.push({ severity: 'error', file: json.file, ...locate(json, path), field: where, message: `${line > 1 ? `línea ${line} del texto: ` : ''}${missingGlyphMessage(missing.char)}` });
      }
    } else if (Array.isArray(value)) value.forEach((item, i) => walk(item, [...path, i]));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, [...path, key]);
  };
  // Most files hold nothing unprintable, and no \u escape that could spell
  // it: their raw text answers for all their strings at once.
  if (!json.text.includes('\\u') && !firstMissingGlyph(json.text)) return problems;
  walk(json.value, []);
  return problems;
}
