// pdfmake draws every word as its own text object: for each one pdfkit
// checks the colour (resolveColor), sets it (a regex, parseInt, an array
// divided by 255 and joined into "0.10196078431372549 … scn") and flips the
// text matrix ("1 0 0 -1 0 792 cm", six numbers formatted again). The
// seed policy has ~12,000 words; a profile put ~25 ms of a render, plus
// garbage, in these few operators, which always produce the same text for
// the same input.
//
// The replacements keep that text, produced by pdfkit itself the first time
// on a scratch object, in process-wide maps:
// - _normalizeColor: a colour string's components (a fresh copy each call,
//   as pdfkit returns a fresh array). Only "#…" strings and pdfkit's named
//   colours are kept: a spot colour belongs to one document.
// - _setColorCore: the operators a colour string writes, for the same strings.
// - transform: the text of the vertical flip _fragment applies to every
//   word, by page height; the current matrix is updated by pdfkit's own code.
// The install checks the source of the methods it replaces.
import './font-cache.js'; // before pdfmake loads pdfkit: see font-cache.ts
import { createRequire } from 'node:module';
import { expectKnownMethods, type KitClass } from './kit-classes.js';

const require = createRequire(import.meta.url);

type Color = unknown;

export interface KitDocumentLike {
  _ctm: number[];
  spotColors: Record<string, unknown>;
  page: { colorSpaces: Record<string, unknown> };
  addContent(data: string): unknown;
  _normalizeColor(color: Color): unknown;
  _setColorCore(color: Color, stroke: boolean): boolean;
  _getColorSpace(color: unknown): string;
  _setColorSpace(space: string, stroke: boolean): unknown;
  transform(m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown;
}

/** sha256 (first 16 hex digits) of the source of the methods replaced or relied on, as shipped in pdfkit 0.19.1. */
const EXPECTED_SOURCE = {
  _normalizeColor: '5353c2886a3eeef8',
  _setColorCore: 'a8a76d8e98af0a51',
  _getColorSpace: '6c67ab22e22b54a3',
  _setColorSpace: '5be77c26eb396373',
  transform: '5ec9c758f85050d4',
} as const;

type Originals = Pick<KitDocumentLike, '_normalizeColor' | '_setColorCore' | 'transform'>;
let original: Originals | undefined;

const components = new Map<string, readonly number[]>();
/** Colour strings whose components depend on the document (spot colours) or that are not colours. */
const dynamic = new Set<string>();
const colorOperators = new Map<string, readonly [string, string]>();
const flips = new Map<number, string>();
const MAX_ENTRIES = 4096;

const remember = <K, V>(map: Map<K, V>, key: K, value: V) => {
  if (map.size >= MAX_ENTRIES) map.clear();
  map.set(key, value);
};

/** A document stand-in whose only colours are pdfkit's own: no spot colours. */
function scratch(written: string[]): KitDocumentLike {
  const proto = kitDocumentClass().prototype;
  return {
    _ctm: [1, 0, 0, 1, 0, 0],
    spotColors: {},
    page: { colorSpaces: {} },
    addContent(data: string) {
      written.push(data);
      return this;
    },
    _normalizeColor: original!._normalizeColor,
    _setColorCore: original!._setColorCore,
    _getColorSpace: proto._getColorSpace,
    _setColorSpace: proto._setColorSpace,
    transform: original!.transform,
  };
}

/** pdfkit's components for a colour string, if they depend on the string alone. */
function staticComponents(color: string): readonly number[] | undefined {
  let known = components.get(color);
  if (known === undefined) {
    if (dynamic.has(color)) return undefined;
    const normalized = original!._normalizeColor.call(scratch([]), color);
    // An array comes from "#…" or pdfkit's named colours, which a document cannot redefine.
    if (!Array.isArray(normalized)) {
      if (dynamic.size >= MAX_ENTRIES) dynamic.clear();
      dynamic.add(color);
      return undefined;
    }
    known = normalized as number[];
    remember(components, color, known);
  }
  return known;
}

/** Replacement for PDFDocument.prototype._normalizeColor. */
export function normalizeColor(this: KitDocumentLike, color: Color): unknown {
  if (typeof color === 'string') {
    const known = staticComponents(color);
    if (known) return known.slice();
  }
  return original!._normalizeColor.call(this, color);
}

/** Replacement for PDFDocument.prototype._setColorCore. */
export function setColorCore(this: KitDocumentLike, color: Color, stroke: boolean): boolean {
  if (typeof color === 'string' && staticComponents(color)) {
    const key = stroke ? `S${color}` : `f${color}`;
    let operators = colorOperators.get(key);
    if (operators === undefined) {
      const written: string[] = [];
      original!._setColorCore.call(scratch(written), color, stroke);
      if (written.length !== 2) return original!._setColorCore.call(this, color, stroke);
      operators = [written[0]!, written[1]!];
      remember(colorOperators, key, operators);
    }
    this.addContent(operators[0]);
    this.addContent(operators[1]);
    return true;
  }
  return original!._setColorCore.call(this, color, stroke);
}

/** Replacement for PDFDocument.prototype.transform. */
export function transform(this: KitDocumentLike, m11: number, m12: number, m21: number, m22: number, dx: number, dy: number): unknown {
  if (m11 !== 1 || m12 !== 0 || m21 !== 0 || m22 !== -1 || dx !== 0) return original!.transform.call(this, m11, m12, m21, m22, dx, dy);
  let operator = flips.get(dy);
  if (operator === undefined) {
    const written: string[] = [];
    original!.transform.call(scratch(written), m11, m12, m21, m22, dx, dy);
    operator = written[0]!;
    remember(flips, dy, operator);
  }
  // pdfkit's own update of the current matrix.
  const m = this._ctm;
  const [m0, m1, m2, m3, m4, m5] = m as [number, number, number, number, number, number];
  m[0] = m0 * m11 + m2 * m12;
  m[1] = m1 * m11 + m3 * m12;
  m[2] = m0 * m21 + m2 * m22;
  m[3] = m1 * m21 + m3 * m22;
  m[4] = m0 * dx + m2 * dy + m4;
  m[5] = m1 * dx + m3 * dy + m5;
  return this.addContent(operator);
}

/** pdfkit's document class: the one pdfmake's document extends. */
export function kitDocumentClass(): KitClass<KitDocumentLike> {
  const PdfmakeDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: object } }).default;
  return (Object.getPrototypeOf(PdfmakeDocument.prototype) as { constructor: KitClass<KitDocumentLike> }).constructor;
}

/** Installs the cached operators on pdfkit's PDFDocument; idempotent. Throws if pdfkit is not the version we know. */
export function installContentOperators(target: KitClass<KitDocumentLike> = kitDocumentClass()): void {
  const proto = target.prototype;
  if (proto._setColorCore === setColorCore) return;
  expectKnownMethods('pdfkit 0.19.1', target, 'PDFDocument', EXPECTED_SOURCE, 'src/write/pdf/engine-patches/content-operators.ts');
  original = { _normalizeColor: proto._normalizeColor, _setColorCore: proto._setColorCore, transform: proto.transform };
  proto._normalizeColor = normalizeColor;
  proto._setColorCore = setColorCore;
  proto.transform = transform;
}

/** pdfkit's own methods, for tests that compare them with ours (undefined before install). */
export const originalContentOperators = (): Originals | undefined => original;

export const contentOperatorsInstalled = (): boolean => {
  const proto = kitDocumentClass().prototype;
  return proto._normalizeColor === normalizeColor && proto._setColorCore === setColorCore && proto.transform === transform;
};
