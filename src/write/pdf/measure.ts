// Lays content out with pdfmake's own engine, synchronously, to learn its
// height before the real document is built. The header and footer are drawn
// inside the page margins, and pdfmake never checks they fit: a long title in
// a fixed margin overlaps the body. Measuring with the same engine (same
// fonts, same line breaking, same table code) makes the margins exact.
// pdfmake exposes no public API for this, so we reach into its CommonJS
// modules; the package has no "exports" map, so these paths are stable
// within 0.3.x.
import './engine-patches/font-cache.js'; // before pdfmake loads pdfkit: see font-cache.ts
import './engine-patches/index.js'; // measuring uses the same patched engine: see engine-patches/index.ts
import { createRequire } from 'node:module';
import type { Content, Style, TFontDictionary } from 'pdfmake/interfaces.js';

const require = createRequire(import.meta.url);

interface LaidOutItem {
  readonly type: string;
  readonly item: {
    readonly x?: number;
    readonly y?: number;
    readonly y1?: number;
    readonly y2?: number;
    readonly h?: number;
    readonly _height?: number;
    getHeight?(): number;
  };
}
interface LaidOutPage {
  readonly items: readonly LaidOutItem[];
}
interface LayoutBuilderInstance {
  registerTableLayouts(layouts: unknown): void;
  layoutDocument(
    content: Content,
    pdfDocument: unknown,
    styles: Record<string, Style>,
    defaultStyle: Style,
    ...rest: null[]
  ): LaidOutPage[];
}
type Ctor<T> = new (...args: never[]) => T;

const PdfmakeDocument = (require('pdfmake/js/PDFDocument.js') as { default: Ctor<object> }).default;
const LayoutBuilder = (require('pdfmake/js/LayoutBuilder.js') as { default: Ctor<LayoutBuilderInstance> }).default;
const SvgMeasure = (require('pdfmake/js/SVGMeasure.js') as { default: Ctor<object> }).default;
const { tableLayouts } = require('pdfmake/js/tableLayouts.js') as { tableLayouts: unknown };

export interface MeasureOptions {
  readonly fonts: TFontDictionary;
  readonly styles: Record<string, Style>;
  readonly defaultStyle: Style;
  readonly images: Record<string, string>;
  readonly localAccess: (path: string) => boolean;
}

/** A pdfkit document (pdfmake's subclass) that is never written, only asked for metrics. */
export function createMeasuringDocument(
  options: Pick<MeasureOptions, 'fonts' | 'localAccess'> & { readonly images?: Record<string, string> },
  width: number,
  height = 1000,
): object {
  return new (PdfmakeDocument as unknown as new (...args: unknown[]) => object)(
    structuredClone(options.fonts),
    { ...options.images },
    {},
    {},
    { size: [width, height], autoFirstPage: false, compress: false },
    null,
    options.localAccess,
  );
}

// Creating a pdfkit document costs more than most measurements (it parses
// the Helvetica metrics for its default font and hashes a file ID), and a
// render measures the header, the footer and the signature page. Laying out
// only asks the document for fonts (kept per document, read-only metrics) and
// images by name (decoded once, kept by name); it adds no pages and nothing
// else is kept, so one document serves every measurement with the same
// fonts, images and access policy. Its page size is never consulted: the
// layout gets its own. In a build that is one document per entity logo;
// the map is emptied if it ever holds more than a few. The exception is an
// image given inline as a data URL: pdfmake names it $$pdfmake$$N in the
// document, numbering from 1 on every layout, so a document that received
// one is not used again.
const MAX_MEASURING_DOCUMENTS = 16;
const measuringDocuments = new WeakMap<MeasureOptions['localAccess'], Map<string, MeasuringDocument>>();

interface MeasuringDocument {
  readonly images: Record<string, string>;
}

/** Lays out with a kept measuring document, creating it if needed and dropping it if the layout failed or named an inline image. */
function withMeasuringDocument<T>(options: MeasureOptions, layout: (kit: MeasuringDocument) => T): T {
  let cache = measuringDocuments.get(options.localAccess);
  if (!cache) {
    cache = new Map();
    measuringDocuments.set(options.localAccess, cache);
  }
  const key = JSON.stringify([options.fonts, options.images]);
  let kit = cache.get(key);
  if (!kit) {
    if (cache.size >= MAX_MEASURING_DOCUMENTS) cache.clear();
    kit = createMeasuringDocument(options, 1000) as MeasuringDocument;
    cache.set(key, kit);
  }
  const names = Object.keys(kit.images).length;
  let reusable = false;
  try {
    const result = layout(kit);
    reusable = Object.keys(kit.images).length === names;
    return result;
  } finally {
    if (!reusable) cache.delete(key);
  }
}

/**
 * Height in points of `content` laid out in a box `width` points wide.
 * pdfmake mutates what it lays out (and table layouts hold functions, so it
 * cannot be cloned): pass content built for this call only.
 */
export function measureHeight(content: Content, width: number, options: MeasureOptions): number {
  // An effectively endless page, so the content never breaks.
  const pageHeight = 100_000;
  const builder = new (LayoutBuilder as unknown as new (...args: unknown[]) => LayoutBuilderInstance)(
    { width, height: pageHeight, orientation: 'portrait' },
    { left: 0, top: 0, right: 0, bottom: 0 },
    new (SvgMeasure as unknown as new () => object)(),
  );
  builder.registerTableLayouts(tableLayouts);
  const pages = withMeasuringDocument(options, (kit) =>
    builder.layoutDocument(content, kit, structuredClone(options.styles), { ...options.defaultStyle }, null, null, null, null, null),
  );
  if (pages.length !== 1) throw new Error(`internal: measured content spilled onto ${pages.length} pages`);
  let bottom = 0;
  for (const { type, item } of pages[0]?.items ?? []) {
    if (type === 'vector') bottom = Math.max(bottom, item.y1 ?? 0, item.y2 ?? 0, (item.y ?? 0) + (item.h ?? 0));
    else if (typeof item.getHeight === 'function') bottom = Math.max(bottom, (item.y ?? 0) + item.getHeight());
    else bottom = Math.max(bottom, (item.y ?? 0) + (item._height ?? item.h ?? 0));
  }
  return bottom;
}
