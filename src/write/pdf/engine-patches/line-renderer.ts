// pdfmake draws a line of text one word at a time, and each word through
// pdfkit's general text() path: the opacity and colour set again, an empty
// "f", then q, the text-flip matrix, BT, the text matrix, the font, the
// glyphs, ET, Q — about 170 bytes of operators for a word of 10, and the
// word's width measured once more only to advance a cursor nothing reads.
// The seed policy has ~12,000 words, and ~3 MB of operators to compress;
// drawing them as below took its PDF from ~200 to ~155 ms.
//
// The replacement draws the same words with the same glyphs at the same
// positions, in one text object per run of words that share colour and
// opacity:
//   /Gs1 gs  /DeviceRGB cs  r g b scn      (once per run, as pdfmake sets them)
//   q  1 0 0 -1 0 H cm  BT
//   /F1 9 Tf                               (only when the font or size changes)
//   1 0 0 1 x y Tm  [<glyphs> kerning …] TJ   (per word, pdfkit's own numbers)
//   ET Q
// Every word keeps its own text matrix, computed with pdfkit's arithmetic
// in pdfkit's order, so each glyph lands where pdfkit put it; the page looks
// exactly the same (the tests compare rendered pages pixel for pixel) and
// the words' text is extracted as before. The empty "f" pdfmake wrote after
// each colour, which painted nothing, is gone.
//
// Only lines of plain words take this path. A line pdfmake links to
// anything (an outline entry, a destination, a page reference) or with a
// word that is a link, a superscript or subscript, has font features,
// character spacing or a line break in it is drawn by pdfmake as before.
// The install checks the source of the methods it replaces or copies.
import { createRequire } from 'node:module';
import { expectKnownSource } from '../../../source-fingerprint.js';
import { kitDocumentClass } from './kit-classes.js';

const require = createRequire(import.meta.url);

interface KitFont {
  id: string;
  ascender: number;
  ref(): unknown;
  encode(text: string, features?: unknown): [string[], GlyphPosition[]];
}

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface Inline {
  text: unknown;
  x: number;
  font: KitFont;
  fontSize: number;
  color?: unknown;
  opacity?: unknown;
  [key: string]: unknown;
}

export interface LineLike {
  inlines: Inline[];
  id?: unknown;
  _outline?: unknown;
  _pageNodeRef?: unknown;
  getHeight(): number;
  getAscenderHeight(): number;
}

interface KitDocument {
  page: { height: number; fonts: Record<string, unknown> };
  _font: KitFont;
  _fontSize: number;
  addContent(data: string): unknown;
  opacity(value: number): unknown;
  fillColor(color: unknown): unknown;
  resolveColor(color: unknown, fallback: string): unknown;
  fontSize(size: number): unknown;
  save(): unknown;
  restore(): unknown;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown;
}

interface Decorator {
  drawBackground(line: LineLike, x: number, y: number): void;
  drawDecorations(line: LineLike, x: number, y: number): void;
}

export interface RendererLike {
  pdfDocument: KitDocument;
  renderLine(line: LineLike, x: number, y: number): void;
}

interface RendererClass {
  readonly name: string;
  readonly prototype: RendererLike;
}

/** pdfmake's renderer and its text decorator (the CommonJS build pdfmake's index.js loads). */
export const Renderer = (require('pdfmake/js/Renderer.js') as { default: RendererClass }).default;
const TextDecorator = (require('pdfmake/js/TextDecorator.js') as { default: new (doc: KitDocument) => Decorator }).default;

/**
 * sha256 (first 16 hex digits) of the source replaced (pdfmake 0.3.11's
 * renderLine) and of the pdfkit 0.19.1 methods whose output is reproduced:
 * text → _text → _line → _fragment, with pdfmake's fill and opacity.
 */
const EXPECTED_RENDER_LINE = 'b71f57566c6b6c5f';
const EXPECTED_KIT_SOURCE = {
  text: '2b5f97c543a12a7f',
  _text: 'a18ddac75b11e7bb',
  _line: '1350fa53f5f53331',
  _fragment: '3582fda36bf1094e',
  fill: '67ca40670bc415e0',
  opacity: 'ae547f52134346fd',
} as const;

/** pdfkit's number formatting (PDFObject.number). */
function number(n: number): number {
  if (n > -1e21 && n < 1e21) return Math.round(n * 1e6) / 1e6;
  throw new Error(`unsupported number: ${n}`);
}

const isNumber = (value: unknown): value is number => typeof value === 'number' || value instanceof Number;

/** Whether a line is plain words that this module draws (see above); anything else is pdfmake's. */
export function isPlainLine(line: LineLike): boolean {
  if (line._outline || line._pageNodeRef || line.id) return false;
  for (const inline of line.inlines) {
    if (inline._pageNodeRef || inline.link || inline.linkToDestination || inline.linkToPage) return false;
    if (inline.sup || inline.sub || inline.fontFeatures || inline.characterSpacing) return false;
    if (typeof inline.text !== 'string' || inline.text.includes('\n')) return false;
  }
  return true;
}

/**
 * A word's glyphs as pdfkit's _fragment writes them ("[<hex> kerning …] TJ"),
 * one list per font object. A font object belongs to one document (its glyph
 * ids are that document's subset), and encoding a word the first time is
 * what adds its glyphs to the subset; so a word seen again in the same font
 * is written from this list without encoding it again. null: the word has
 * glyphs placed off their advance (xOffset, yOffset), whose text matrices
 * depend on where the word is; those are encoded every time.
 */
const encodedWords = new WeakMap<KitFont, Map<string, string | null>>();

/** The TJ operators of a word's glyphs, moving the text matrix around glyphs placed off their advance (pdfkit's loop). */
function glyphOperators(encoded: readonly string[], positions: readonly GlyphPosition[], x: number, y: number, scale: number, out: string[]): void {
  const commands: string[] = [];
  let last = 0;
  let hadOffset = false;
  const addSegment = (cur: number) => {
    if (last < cur) {
      const hex = encoded.slice(last, cur).join('');
      const advance = positions[cur - 1]!.xAdvance - positions[cur - 1]!.advanceWidth;
      commands.push(`<${hex}> ${number(-advance)}`);
    }
    last = cur;
  };
  const flush = (i: number) => {
    addSegment(i);
    if (commands.length > 0) {
      out.push(`[${commands.join(' ')}] TJ`);
      commands.length = 0;
    }
  };
  let i: number;
  for (i = 0; i < positions.length; i++) {
    const pos = positions[i]!;
    if (pos.xOffset || pos.yOffset) {
      flush(i);
      out.push(`1 0 0 1 ${number(x + pos.xOffset * scale)} ${number(y + pos.yOffset * scale)} Tm`);
      flush(i + 1);
      hadOffset = true;
    } else {
      if (hadOffset) {
        out.push(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
        hadOffset = false;
      }
      if (pos.xAdvance - pos.advanceWidth !== 0) addSegment(i + 1);
    }
    x += pos.xAdvance * scale;
  }
  flush(i);
}

/** One word's text matrix and glyphs, into `out`: pdfkit's _fragment for left-aligned text without spacing options. */
function drawWord(doc: KitDocument, text: string, x: number, top: number, out: string[]): void {
  const font = doc._font;
  const size = doc._fontSize;
  const dy = (font.ascender / 1000) * size;
  const y = doc.page.height - top - dy;
  if (doc.page.fonts[font.id] == null) doc.page.fonts[font.id] = font.ref();
  out.push(`1 0 0 1 ${number(x)} ${number(y)} Tm`);
  let words = encodedWords.get(font);
  if (!words) {
    words = new Map();
    encodedWords.set(font, words);
  }
  const known = words.get(text);
  if (typeof known === 'string') {
    if (known) out.push(known);
    return;
  }
  const [encoded, positions] = font.encode(text);
  const scale = size / 1000;
  if (known === null || positions.some((pos) => pos.xOffset || pos.yOffset)) {
    words.set(text, null);
    glyphOperators(encoded, positions, x, y, scale, out);
    return;
  }
  // Without offsets the operators do not depend on x, y or the size.
  const operators: string[] = [];
  glyphOperators(encoded, positions, x, y, scale, operators);
  const tj = operators.join('\n');
  words.set(text, tj);
  if (tj) out.push(tj);
}

const opacityOf = (inline: Inline): number => (isNumber(inline.opacity) ? Number(inline.opacity) : 1);

/** Replacement for pdfmake's Renderer.prototype.renderLine. */
export function renderLine(this: RendererLike, line: LineLike, x: number, y: number): void {
  if (!isPlainLine(line)) {
    original!.call(this, line, x, y);
    return;
  }
  const doc = this.pdfDocument;
  x = x || 0;
  y = y || 0;
  const lineHeight = line.getHeight();
  const descent = lineHeight - line.getAscenderHeight();
  const decorator = new TextDecorator(doc);
  decorator.drawBackground(line, x, y);
  const { inlines } = line;
  let index = 0;
  while (index < inlines.length) {
    const first = inlines[index]!;
    const opacity = opacityOf(first);
    // As pdfmake sets them for every word; the empty "f" it adds is dropped.
    doc.opacity(opacity);
    const color = doc.resolveColor(first.color, 'black');
    if (color) doc.fillColor(color);
    doc.save();
    doc.transform(1, 0, 0, -1, 0, doc.page.height);
    // The run's operators go to the stream in one write: the same bytes as one write each.
    const operators = ['BT'];
    let font: KitFont | undefined;
    let size: number | undefined;
    for (; index < inlines.length; index++) {
      const inline = inlines[index]!;
      if (inline.color !== first.color || opacityOf(inline) !== opacity) break;
      doc._font = inline.font;
      doc.fontSize(inline.fontSize);
      const text = inline.text as string;
      if (text.length === 0) continue;
      if (doc._font !== font || doc._fontSize !== size) {
        font = doc._font;
        size = doc._fontSize;
        operators.push(`/${font.id} ${number(size)} Tf`);
      }
      const shiftToBaseline = lineHeight - (inline.font.ascender / 1000) * inline.fontSize - descent;
      drawWord(doc, text, x + inline.x, y + shiftToBaseline, operators);
    }
    operators.push('ET');
    doc.addContent(operators.join('\n'));
    doc.restore();
  }
  decorator.drawDecorations(line, x, y);
}

let original: RendererLike['renderLine'] | undefined;

/** Swaps pdfmake's renderLine for ours; idempotent. Throws if pdfmake's or pdfkit's code is not the one we know. */
export function installLineRenderer(target: RendererClass = Renderer): void {
  const proto = target.prototype;
  if (proto.renderLine === renderLine) return;
  const kit = kitDocumentClass().prototype as unknown as Record<string, unknown>;
  const patch = 'src/write/pdf/engine-patches/line-renderer.ts';
  expectKnownSource(proto.renderLine, EXPECTED_RENDER_LINE, "pdfmake's Renderer.renderLine", 'pdfmake 0.3.11', patch);
  for (const [method, fingerprint] of Object.entries(EXPECTED_KIT_SOURCE)) {
    expectKnownSource(kit[method], fingerprint, `pdfkit's PDFDocument.${method}`, 'pdfkit 0.19.1', patch);
  }
  original = proto.renderLine;
  proto.renderLine = renderLine;
}

/** pdfmake's own renderLine, for tests that compare it with ours (undefined before install). */
export const originalRenderLine = (): RendererLike['renderLine'] | undefined => original;

export const lineRendererInstalled = (): boolean => Renderer.prototype.renderLine === renderLine;
