// pdfmake measures a paragraph word by word: TextBreaker splits its text
// into one inline per word (each a copy of its run's own properties and
// style names), and TextInlines.measure then asks the style stack for some
// twenty properties of every word — font, bold, fontSize, color, lineHeight…
// — each answer a walk over the word's style names and the whole stack
// (pdfmake's getProperty builds a closure and a Set for each). A profile of
// the seed policy spent ~60 ms of a render in them, almost all giving the
// same answers again: within one call the stack does not change, and the
// words of one run share their style names.
//
// The replacement below is pdfmake's measure with each of those lookups
// split in two: the word's own value, read as before; failing that, what its
// style names and the stack say, resolved once per distinct style (the same
// string or the same array, as TextBreaker's copies share them) and
// property in each call. The order is pdfmake's: the word's own value, its
// style names from last to first, the stack from the top, the default
// style, then the default value. Everything else — fonts, widths, cuts,
// which values are written on the word and when — is pdfmake's code as it
// was; the install checks the source of the method it replaces.
import { createRequire } from 'node:module';
import { expectKnownSource } from '../../../source-fingerprint.js';

const require = createRequire(import.meta.url);

type StyleDictionary = Record<string, Record<string, unknown> | undefined>;

/** pdfmake's StyleContextStack, as far as measuring reads it. */
export interface StyleStack {
  styleDictionary: StyleDictionary;
  getProperty(property: string): unknown;
}

/**
 * A property of the named style `name`, following `extends` from the last
 * parent to the first, each style visited once, as pdfmake's stack reads it
 * (a Set only when a style actually extends another).
 */
function namedStyleValue(dictionary: StyleDictionary, name: string, property: string, visited?: Set<unknown>): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  const parents = style.extends;
  if (parents) {
    const seen = visited ?? new Set<unknown>([name]);
    const list = Array.isArray(parents) ? (parents as string[]) : [parents as string];
    for (let i = list.length - 1; i >= 0; i--) {
      const value = namedStyleValue(dictionary, list[i]!, property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

interface KitFont {
  widthOfString(text: string, size: number, features?: unknown): number;
  lineHeight(size: number): number;
}

interface Inline extends Record<string, unknown> {
  text: string;
  font: KitFont;
  fontSize: number;
  leadingCut: number;
  trailingCut: number;
}

export interface TextInlinesLike {
  pdfDocument: { provideFont(family: unknown, bold: unknown, italics: unknown): KitFont };
  measure(array: Inline[], styleContextStack: StyleStack | null | undefined): Inline[];
  widthOfText(text: string, inline: Inline): number;
}

export interface TextInlinesClass {
  readonly name: string;
  readonly prototype: TextInlinesLike;
}

/** pdfmake's own class (the CommonJS build pdfmake's index.js loads). */
export const TextInlines = (require('pdfmake/js/TextInlines.js') as { default: TextInlinesClass }).default;

/** sha256 (first 16 hex digits) of the source of the replaced method, as shipped in pdfmake 0.3.11. */
const EXPECTED_SOURCE = 'cb17af19531a9de1';

const LEADING = /^(\s)+/g;
const TRAILING = /(\s)+$/g;

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

// The properties measure asks for, by index into a style's answers.
const PROPERTIES = [
  'leadingIndent', 'font', 'bold', 'italics', 'alignment', 'fontSize', 'fontFeatures', 'characterSpacing', 'color',
  'decoration', 'decorationColor', 'decorationStyle', 'decorationThickness', 'background', 'link', 'linkToPage',
  'linkToDestination', 'noWrap', 'opacity', 'sup', 'sub', 'lineHeight', 'preserveLeadingSpaces', 'preserveTrailingSpaces',
] as const;
const P = Object.fromEntries(PROPERTIES.map((name, index) => [name, index])) as Record<(typeof PROPERTIES)[number], number>;

const UNRESOLVED = Symbol('unresolved');

/**
 * What pdfmake's getStyleProperty finds, after a word's own value, for the
 * words of one style (the same style names) on one stack: each property
 * resolved when first asked.
 */
class StyleAnswers {
  private readonly values: unknown[] = new Array<unknown>(PROPERTIES.length).fill(UNRESOLVED);

  constructor(
    readonly key: unknown,
    private readonly stack: StyleStack | null | undefined,
  ) {}

  /** pdfmake's getStyleProperty for a word whose own value is `own`. */
  get(own: unknown, index: number, defaultValue: unknown): unknown {
    if (own !== undefined && own !== null) return own;
    if (!this.stack) return defaultValue;
    let value = this.values[index];
    if (value === UNRESOLVED) {
      value = this.resolve(PROPERTIES[index]!);
      this.values[index] = value;
    }
    return value !== undefined && value !== null ? value : defaultValue;
  }

  private resolve(property: string): unknown {
    const stack = this.stack!;
    // pdfmake pushes the word's style names and then the word on the stack;
    // the word's own value was already read.
    if (this.key !== NO_STYLE) {
      const names = Array.isArray(this.key) ? (this.key as unknown[]) : [this.key];
      for (let i = names.length - 1; i >= 0; i--) {
        const name = names[i];
        const value = isString(name) ? namedStyleValue(stack.styleDictionary, name as string, property) : (name as Record<string, unknown>)[property];
        if (isValue(value)) return value;
      }
    }
    return stack.getProperty(property);
  }
}

// The key of a word that pushes no style names: pdfmake's autopush pushes
// nothing for a string or a section node, and only the word for one without `style`.
const NO_STYLE = Symbol('no style names');

/** The answers for `item`'s style names within one measure call (a run's words share them). */
function answersFor(cache: StyleAnswers[], stack: StyleStack | null | undefined, item: Inline): StyleAnswers {
  const key = isString(item) || typeof item.section !== 'undefined' || !item.style ? NO_STYLE : item.style;
  for (const answers of cache) if (answers.key === key) return answers;
  const answers = new StyleAnswers(key, stack);
  cache.push(answers);
  return answers;
}

/** Replacement for TextInlines.prototype.measure: pdfmake's code, with the style answers shared within the call. */
export function measure(this: TextInlinesLike, array: Inline[], styleContextStack: StyleStack | null | undefined): Inline[] {
  const cache: StyleAnswers[] = [];
  if (array.length) {
    const first = array[0]!;
    const leadingIndent = answersFor(cache, styleContextStack, first).get(first.leadingIndent, P.leadingIndent, 0) as number;
    if (leadingIndent) {
      first.leadingCut = -leadingIndent;
      first.leadingIndent = leadingIndent;
    }
  }
  for (const item of array) {
    const a = answersFor(cache, styleContextStack, item);
    const font = a.get(item.font, P.font, 'Roboto');
    const bold = a.get(item.bold, P.bold, false);
    const italics = a.get(item.italics, P.italics, false);
    item.font = this.pdfDocument.provideFont(font, bold, italics);
    item.alignment = a.get(item.alignment, P.alignment, 'left');
    item.fontSize = a.get(item.fontSize, P.fontSize, 12) as number;
    item.fontFeatures = a.get(item.fontFeatures, P.fontFeatures, null);
    item.characterSpacing = a.get(item.characterSpacing, P.characterSpacing, 0);
    item.color = a.get(item.color, P.color, 'black');
    item.decoration = a.get(item.decoration, P.decoration, null);
    item.decorationColor = a.get(item.decorationColor, P.decorationColor, null);
    item.decorationStyle = a.get(item.decorationStyle, P.decorationStyle, null);
    item.decorationThickness = a.get(item.decorationThickness, P.decorationThickness, null);
    item.background = a.get(item.background, P.background, null);
    item.link = a.get(item.link, P.link, null);
    item.linkToPage = a.get(item.linkToPage, P.linkToPage, null);
    item.linkToDestination = a.get(item.linkToDestination, P.linkToDestination, null);
    item.noWrap = a.get(item.noWrap, P.noWrap, null);
    item.opacity = a.get(item.opacity, P.opacity, 1);
    item.sup = a.get(item.sup, P.sup, false);
    item.sub = a.get(item.sub, P.sub, false);
    if (item.sup || item.sub) {
      // pdfmake's subscript and superscript size.
      item.fontSize *= 0.58;
    }
    const lineHeight = a.get(item.lineHeight, P.lineHeight, 1) as number;
    item.width = this.widthOfText(item.text, item);
    item.height = item.font.lineHeight(item.fontSize) * lineHeight;
    if (!item.leadingCut) {
      item.leadingCut = 0;
    }
    if (!a.get(item.preserveLeadingSpaces, P.preserveLeadingSpaces, false)) {
      const leadingSpaces = item.text.match(LEADING);
      if (leadingSpaces) {
        item.leadingCut += this.widthOfText(leadingSpaces[0]!, item);
      }
    }
    item.trailingCut = 0;
    if (!a.get(item.preserveTrailingSpaces, P.preserveTrailingSpaces, false)) {
      const trailingSpaces = item.text.match(TRAILING);
      if (trailingSpaces) {
        item.trailingCut = this.widthOfText(trailingSpaces[0]!, item);
      }
    }
  }
  return array;
}

let original: TextInlinesLike['measure'] | undefined;

/** Swaps pdfmake's TextInlines.measure for ours; idempotent. Throws if pdfmake's method is not the one we know. */
export function installInlineMeasure(target: TextInlinesClass = TextInlines): void {
  const proto = target.prototype;
  if (proto.measure === measure) return;
  expectKnownSource(proto.measure, EXPECTED_SOURCE, "pdfmake's TextInlines.measure", 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/inline-measure.ts');
  original = proto.measure;
  proto.measure = measure;
}

/** pdfmake's own measure, for tests that compare it with ours (undefined before install). */
export const originalInlineMeasure = (): TextInlinesLike['measure'] | undefined => original;

export const inlineMeasureInstalled = (): boolean => TextInlines.prototype.measure === measure;
