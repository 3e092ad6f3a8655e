// The speed-ups installed into pdfmake and pdfkit (src/write/pdf/engine-patches.ts):
// installed as soon as the PDF writer is loaded, refusing library code they
// were not written for, and changing no byte of any PDF.
import { createRequire } from 'node:module';
import fc from 'fast-check';
import { inflateSync, constants as zlibConstants } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writePdf, writePdfWithLayout } from '../../../src/write/pdf/index.js';
import { createMeasuringDocument } from '../../../src/write/pdf/measure.js';
import { fontDictionary, FONT_FAMILY } from '../../../src/write/pdf/fonts.js';
import {
  finalize,
  installReferenceBuffer,
  originalReferenceMethods,
  referenceBufferInstalled,
  referenceClass,
  setStreamCompressionLevel,
  STREAM_COMPRESSION_LEVEL,
  write,
} from '../../../src/write/pdf/engine-patches/reference-buffer.js';
import {
  embeddedFontClass,
  installSharedLayoutCache,
  layoutCached,
  MAX_RUNS_PER_FONT,
  originalLayoutCached,
  sharedLayoutCacheInstalled,
  sharedRunCount,
} from '../../../src/write/pdf/engine-patches/shared-layout-cache.js';
import {
  contentOperatorsInstalled,
  installContentOperators,
  kitDocumentClass,
  normalizeColor,
  originalContentOperators,
  setColorCore,
  transform,
} from '../../../src/write/pdf/engine-patches/content-operators.js';
import { installRepeatedBlocks, originalAddDynamicRepeatable, addDynamicRepeatable, pdfmakeLayoutClasses, repeatedBlocksInstalled } from '../../../src/write/pdf/engine-patches/repeated-blocks.js';
import { inlineMeasureInstalled, installInlineMeasure, measure, originalInlineMeasure, TextInlines } from '../../../src/write/pdf/engine-patches/inline-measure.js';
import {
  getProperty,
  getStyleProperty,
  installStyleLookup,
  originalStyleLookup,
  StyleContextStack,
  styleLookupInstalled,
} from '../../../src/write/pdf/engine-patches/style-lookup.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import type { RenderedDocument } from '../../../src/model/document-context.js';
import { SAMPLE_MARKDOWN, sampleDocument } from '../../support/sample-document.js';

type Patch = 'style' | 'measure' | 'repeated' | 'layoutCache' | 'referenceBuffer' | 'operators';

interface KitReference {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
  data: Record<string, unknown>;
  uncompressedLength: number;
}
const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (options: object) => NodeJS.ReadableStream & {
  ref(data?: object): KitReference;
  end(): void;
};

/** Runs `fn` with the listed patches replaced by the library's own methods, then puts them back. */
async function withOriginal<T>(patches: readonly Patch[], fn: () => Promise<T>): Promise<T> {
  const font = embeddedFontClass().prototype;
  const reference = referenceClass().prototype;
  const layoutBuilder = pdfmakeLayoutClasses().LayoutBuilder.prototype;
  const kitDocument = kitDocumentClass().prototype;
  const style = originalStyleLookup()!;
  const references = originalReferenceMethods()!;
  try {
    if (patches.includes('style')) {
      StyleContextStack.prototype.getProperty = style.getProperty;
      StyleContextStack.getStyleProperty = style.getStyleProperty;
    }
    if (patches.includes('measure')) TextInlines.prototype.measure = originalInlineMeasure()!;
    if (patches.includes('repeated')) layoutBuilder.addDynamicRepeatable = originalAddDynamicRepeatable()!;
    if (patches.includes('layoutCache')) font.layoutCached = originalLayoutCached()!;
    if (patches.includes('referenceBuffer')) {
      reference.write = references.write;
      reference.finalize = references.finalize;
    }
    if (patches.includes('operators')) Object.assign(kitDocument, originalContentOperators()!);
    return await fn();
  } finally {
    StyleContextStack.prototype.getProperty = getProperty;
    StyleContextStack.getStyleProperty = getStyleProperty;
    TextInlines.prototype.measure = measure;
    layoutBuilder.addDynamicRepeatable = addDynamicRepeatable;
    font.layoutCached = layoutCached;
    reference.write = write;
    reference.finalize = finalize;
    Object.assign(kitDocument, { _normalizeColor: normalizeColor, _setColorCore: setColorCore, transform });
  }
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

// The patches are compared with pdfkit's own output, so streams are
// compressed at pdfkit's level here; the level we write at is tested last.
beforeAll(() => setStreamCompressionLevel(zlibConstants.Z_DEFAULT_COMPRESSION));
afterAll(() => setStreamCompressionLevel(STREAM_COMPRESSION_LEVEL));

describe('the engine patches', () => {
  it('are installed once the PDF writer is loaded', () => {
    expect(styleLookupInstalled()).toBe(true);
    expect(inlineMeasureInstalled()).toBe(true);
    expect(repeatedBlocksInstalled()).toBe(true);
    expect(contentOperatorsInstalled()).toBe(true);
    expect(sharedLayoutCacheInstalled()).toBe(true);
    expect(referenceBufferInstalled()).toBe(true);
  });

  it('leave every byte of the PDF as pdfmake and pdfkit alone write it, one by one and all together', async () => {
    const patched = await writePdf(sampleDocument());
    // A second, different document after the first: it reuses the first one's shaped words.
    const other = () => sampleDocument({ title: 'POLÍTICA DE SEGURIDAD DIGITAL Y PRIVACIDAD', state: 'borrador' });
    const otherPatched = await writePdf(other());
    expect(same(otherPatched, patched)).toBe(false);
    const cases: (readonly Patch[])[] = [
      ['style'],
      ['measure'],
      ['repeated'],
      ['layoutCache'],
      ['referenceBuffer'],
      ['operators'],
      ['style', 'measure', 'repeated', 'layoutCache', 'referenceBuffer', 'operators'],
    ];
    for (const patches of cases) {
      expect(same(await withOriginal(patches, () => writePdf(sampleDocument())), patched), patches.join('+')).toBe(true);
      expect(same(await withOriginal(patches, () => writePdf(other())), otherPatched), patches.join('+')).toBe(true);
    }
  });

  it('refuse to replace library methods they were not written for', () => {
    class Stack {
      getProperty(property: string) {
        return property;
      }
      static getStyleProperty() {
        return undefined;
      }
    }
    expect(() => installStyleLookup(Stack as never)).toThrow(/StyleContextStack\.getProperty is not the version/);
    expect(() => installInlineMeasure({ name: 'TextInlines', prototype: { measure: () => [] } } as never)).toThrow(/TextInlines\.measure is not the version/);
    const layout = { ...pdfmakeLayoutClasses(), LayoutBuilder: { prototype: { addDynamicRepeatable: () => undefined, processNode: () => undefined } } };
    expect(() => installRepeatedBlocks(layout as never)).toThrow(/LayoutBuilder\.addDynamicRepeatable is not the version/);
    const original = originalContentOperators()!;
    const kit = { name: 'PDFDocument', prototype: { ...kitDocumentClass().prototype, ...original, transform: () => undefined } };
    expect(() => installContentOperators(kit as never)).toThrow(/PDFDocument\.transform is not the version/);
    const font = { name: 'EmbeddedFont', prototype: { layoutCached: () => undefined, layoutRun: () => undefined, layout: () => undefined } };
    expect(() => installSharedLayoutCache(font as never)).toThrow(/EmbeddedFont\.layoutCached is not the version/);
    const reference = { name: 'PDFReference', prototype: { write: () => undefined, finalize: () => undefined, end: () => undefined } };
    expect(() => installReferenceBuffer(reference as never)).toThrow(/PDFReference\.write is not the version/);
    // Installing again on the real classes is a no-op, not an error.
    expect(() => installStyleLookup()).not.toThrow();
    expect(() => installInlineMeasure()).not.toThrow();
    expect(() => installRepeatedBlocks()).not.toThrow();
    expect(() => installContentOperators()).not.toThrow();
    expect(() => installSharedLayoutCache()).not.toThrow();
    expect(() => installReferenceBuffer()).not.toThrow();
  });
});

describe('the style lookup', () => {
  const dictionary = {
    base: { fontSize: 10, color: 'black' },
    heading: { extends: 'base', bold: true, fontSize: 14 },
    tableHeader: { extends: ['heading', 'shaded'], alignment: 'center' },
    shaded: { fillColor: '#eee', color: 'grey' },
    loopA: { extends: 'loopB' },
    loopB: { extends: ['loopA', 'base'], italics: true },
    empty: {},
  };
  const stack = (...overrides: unknown[]) => {
    const s = new StyleContextStack(dictionary, { font: 'Roboto', fontSize: 12, lineHeight: 1 });
    s.styleOverrides!.push(...overrides);
    return s;
  };

  it('reads overrides from the top of the stack down, then the default style', () => {
    expect(stack('base', { fontSize: 8 }).getProperty('fontSize')).toBe(8);
    expect(stack({ fontSize: 8 }, 'base').getProperty('fontSize')).toBe(10);
    expect(stack({ fontSize: null }, 'empty').getProperty('fontSize')).toBe(12);
    expect(stack('missing').getProperty('font')).toBe('Roboto');
    expect(stack().getProperty('bold')).toBeUndefined();
  });

  it('follows extends from the last parent to the first, and survives cycles', () => {
    expect(stack('heading').getProperty('fontSize')).toBe(14);
    expect(stack('heading').getProperty('color')).toBe('black');
    // shaded is the last parent of tableHeader, so its colour wins over base's.
    expect(stack('tableHeader').getProperty('color')).toBe('grey');
    expect(stack('tableHeader').getProperty('bold')).toBe(true);
    expect(stack('loopA').getProperty('italics')).toBe(true);
    expect(stack('loopA').getProperty('fontSize')).toBe(10);
    expect(stack('loopA').getProperty('underline')).toBeUndefined();
  });

  it('gives an item its own value, then its named styles (last first), then the stack, then the default', () => {
    const s = stack('base');
    expect(StyleContextStack.getStyleProperty({ fontSize: 7, style: 'heading' }, s, 'fontSize', 99)).toBe(7);
    expect(StyleContextStack.getStyleProperty({ style: ['shaded', 'heading'] }, s, 'fontSize', 99)).toBe(14);
    expect(StyleContextStack.getStyleProperty({ style: ['heading', 'shaded'] }, s, 'color', 99)).toBe('grey');
    expect(StyleContextStack.getStyleProperty({ style: 'empty' }, s, 'color', 99)).toBe('black');
    expect(StyleContextStack.getStyleProperty({ section: {}, style: 'heading' }, s, 'fontSize', 99)).toBe(10);
    expect(StyleContextStack.getStyleProperty('texto', s, 'fontSize', 99)).toBe(10);
    expect(StyleContextStack.getStyleProperty({}, s, 'sup', false)).toBe(false);
    expect(StyleContextStack.getStyleProperty({}, null, 'fontSize', 99)).toBe(99);
    expect(s.styleOverrides).toEqual(['base']);
  });

  it('answers exactly as pdfmake does for any styles, stack, item and property', () => {
    const original = originalStyleLookup()!;
    const names = ['a', 'b', 'c', 'd', 'missing'];
    const properties = ['fontSize', 'color', 'bold', 'alignment', 'font'];
    const name = fc.constantFrom(...names);
    const values = fc.constantFrom(undefined, null, 0, false, '', 'x', 3);
    const overrides = fc.dictionary(fc.constantFrom(...properties), values, { maxKeys: 3 });
    const style = fc.record({ props: overrides, extends: fc.option(fc.oneof(name, fc.array(name, { maxLength: 3 })), { nil: undefined }) });
    const styles = fc.dictionary(fc.constantFrom('a', 'b', 'c', 'd'), style, { maxKeys: 4 });
    const entry = fc.oneof(name, overrides);
    const item = fc.oneof(
      fc.constant('texto'),
      fc.record({
        props: overrides,
        style: fc.option(fc.oneof(name, fc.array(name, { maxLength: 3 })), { nil: undefined }),
        section: fc.option(fc.constant({}), { nil: undefined }),
      }),
    );
    fc.assert(
      fc.property(styles, fc.array(entry, { maxLength: 6 }), item, fc.constantFrom(...properties), (dict, entries, it, property) => {
        const dictionary = Object.fromEntries(
          Object.entries(dict).map(([key, { props, extends: parents }]) => [key, parents === undefined ? props : { ...props, extends: parents }]),
        );
        const s = new StyleContextStack(dictionary, { font: 'Roboto', fontSize: 12 });
        s.styleOverrides!.push(...entries);
        const node = typeof it === 'string' ? it : { ...it.props, ...(it.style === undefined ? {} : { style: it.style }), ...(it.section ? { section: it.section } : {}) };
        const before = [...s.styleOverrides!];
        expect(s.getProperty(property)).toBe(original.getProperty.call(s, property));
        // pdfmake's own getStyleProperty, asking pdfmake's own getProperty.
        const expected = withOriginalSync(() => StyleContextStack.getStyleProperty(node, s, property, 'default'));
        expect(StyleContextStack.getStyleProperty(node, s, property, 'default')).toBe(expected);
        expect(s.styleOverrides).toEqual(before);
      }),
      { numRuns: 5000 },
    );
  });

  function withOriginalSync<T>(fn: () => T): T {
    const original = originalStyleLookup()!;
    StyleContextStack.prototype.getProperty = original.getProperty;
    StyleContextStack.getStyleProperty = original.getStyleProperty;
    try {
      return fn();
    } finally {
      StyleContextStack.prototype.getProperty = getProperty;
      StyleContextStack.getStyleProperty = getStyleProperty;
    }
  }
});

describe('the shared cache of shaped words', () => {
  const font = (options: { fontLayoutCache?: boolean } = {}) => {
    const kit = createMeasuringDocument({ fonts: fontDictionary(), localAccess: () => true }, 1000) as {
      provideFont(family: string, bold: boolean, italics: boolean): { font: object; layoutCached(text: string): unknown };
      options: Record<string, unknown>;
    };
    if (options.fontLayoutCache === false) {
      // As pdfkit does for a document created with fontLayoutCache: false.
      const provided = kit.provideFont(FONT_FAMILY, false, false) as { layoutCache?: unknown };
      delete provided.layoutCache;
    }
    return kit.provideFont(FONT_FAMILY, false, false);
  };

  it('hands two documents the same shaped run for a word', () => {
    const first = font();
    const second = font();
    expect(second).not.toBe(first);
    expect(second.font).toBe(first.font);
    expect(second.layoutCached('Transformación ')).toBe(first.layoutCached('Transformación '));
  });

  it('keeps the total advance fontkit would compute for a cached run', () => {
    const run = font().layoutCached('Gobierno, ') as { advanceWidth: number; positions: { xAdvance: number }[] };
    let sum = 0;
    for (const position of run.positions) sum += position.xAdvance;
    expect(run.advanceWidth).toBe(sum);
    expect(run.advanceWidth).toBeGreaterThan(0);
  });

  it('keeps no cache for a document that asked for none', () => {
    const uncached = font({ fontLayoutCache: false });
    expect(uncached.layoutCached('Digital ')).not.toBe(uncached.layoutCached('Digital '));
  });

  it('stays bounded', () => {
    const f = font();
    for (let i = 0; i <= MAX_RUNS_PER_FONT + 10; i++) f.layoutCached(`p${i.toString(36)} `);
    expect(sharedRunCount(f.font)).toBeGreaterThan(0);
    expect(sharedRunCount(f.font)).toBeLessThanOrEqual(MAX_RUNS_PER_FONT);
  });
});

describe('the kept colour and matrix operators', () => {
  it('write what pdfkit writes, for named, hex, spot and invalid colours and any matrix', async () => {
    type Kit = NodeJS.ReadableStream & {
      addPage(options?: object): Kit;
      addSpotColor(name: string, c: number, m: number, y: number, k: number): Kit;
      fillColor(color: unknown, opacity?: number): Kit;
      strokeColor(color: unknown): Kit;
      transform(...m: number[]): Kit;
      resolveColor?: unknown;
      _normalizeColor(color: unknown): unknown;
      end(): void;
    };
    const render = async () => {
      const kit = new PDFDocument({ autoFirstPage: false, compress: false, info: { CreationDate: new Date(Date.UTC(2022, 0, 1)) } }) as unknown as Kit;
      const chunks: Buffer[] = [];
      kit.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise((resolve) => kit.on('end', resolve));
      const normalized: unknown[] = [];
      for (const height of [792, 1008, 841.89]) {
        kit.addPage({ size: [612, height] });
        kit.addSpotColor('marca', 10, 20, 30, 40);
        for (const color of ['#1a1a1a', '#abc', '#ABC', 'black', 'red', 'marca', 'no-es-color', [10, 20, 30], [0, 0, 0, 100], '#1a1a1a', 'black', 'marca']) {
          kit.fillColor(color).strokeColor(color);
          const components = kit._normalizeColor(color);
          // A spot colour belongs to its document: compare its name.
          normalized.push(Array.isArray(components) || components === null ? components : (components as { id: string }).id);
        }
        for (const m of [[1, 0, 0, -1, 0, height], [1, 0, 0, -1, 0, height], [1, 0, 0, -1, 5, height], [2, 0, 0, 2, 0, 0], [1, 0, 0, 1, 0, 0]]) kit.transform(...m);
      }
      kit.end();
      await done;
      return { bytes: Buffer.concat(chunks), normalized };
    };
    const patched = await render();
    const original = await withOriginal(['operators'], render);
    expect(patched.normalized).toEqual(original.normalized);
    expect(patched.bytes.equals(original.bytes)).toBe(true);
    expect(patched.bytes.includes(Buffer.from('/DeviceRGB cs\n0.10196078431372549 0.10196078431372549 0.10196078431372549 scn'))).toBe(true);
    expect(patched.bytes.includes(Buffer.from('1 0 0 -1 0 1008 cm'))).toBe(true);
  });

  it('hand each caller its own components array', () => {
    const kit = new PDFDocument({ autoFirstPage: false }) as unknown as { _normalizeColor(color: string): number[] };
    const first = kit._normalizeColor('#336699');
    first[0] = 99;
    expect(kit._normalizeColor('#336699')[0]).toBeCloseTo(0.2);
  });
});

describe('the buffered content streams', () => {
  it('write the same bytes as pdfkit for text and binary chunks in any order', async () => {
    const render = async (compress: boolean) => {
      // pdfkit itself (the module pdfmake renders with), with a fixed date so the file ID is fixed too.
      const kit = new PDFDocument({ autoFirstPage: false, compress, info: { CreationDate: new Date(Date.UTC(2022, 0, 1)) } });
      const chunks: Buffer[] = [];
      kit.on('data', (chunk: Buffer) => chunks.push(chunk));
      const done = new Promise((resolve) => kit.on('end', resolve));
      const ref = kit.ref({});
      ref.write('BT');
      ref.write('1 0 0 1 72 700 Tm');
      ref.write(Buffer.from([0, 1, 2, 255]));
      ref.write('(Página ñ — €) Tj');
      ref.write(12.5);
      ref.write(new Uint8Array([10, 20]));
      ref.end('ET');
      const recorded = { length: ref.data.Length, filter: ref.data.Filter, uncompressed: ref.uncompressedLength };
      kit.end();
      await done;
      return { bytes: Buffer.concat(chunks), recorded };
    };
    for (const compress of [false, true]) {
      const patched = await render(compress);
      const original = await withOriginal(['referenceBuffer'], () => render(compress));
      expect(patched.recorded).toEqual(original.recorded);
      expect(patched.bytes.equals(original.bytes)).toBe(true);
      if (!compress) expect(patched.bytes.includes(Buffer.from('BT\n1 0 0 1 72 700 Tm\n\x00\x01\x02\xff(P', 'latin1'))).toBe(true);
    }
  });
});

describe('the measuring of words', () => {
  const kit = createMeasuringDocument({ fonts: fontDictionary(), localAccess: () => true }, 1000);
  const inlines = new (TextInlines as unknown as new (pdfDocument: object) => { measure(array: object[], stack: unknown): object[] })(kit);
  // A word as the test compares it: its font by identity, everything else by value.
  const fonts: unknown[] = [];
  const comparable = (words: object[]) =>
    words.map((word) => {
      const { font, ...rest } = word as { font: unknown };
      if (!fonts.includes(font)) fonts.push(font);
      return { ...rest, font: fonts.indexOf(font) };
    });

  it('gives every word exactly what pdfmake gives it, for any styles, stack and words', () => {
    const original = originalInlineMeasure()!;
    const properties = ['fontSize', 'color', 'bold', 'italics', 'alignment', 'lineHeight', 'sup', 'noWrap', 'preserveLeadingSpaces', 'leadingIndent', 'characterSpacing', 'decoration'];
    const values = fc.constantFrom(undefined, null, 0, false, true, 2, 'x');
    const own = fc.dictionary(fc.constantFrom(...properties), values, { maxKeys: 4 });
    const name = fc.constantFrom('a', 'b', 'c', 'missing');
    const style = fc.record({ props: own, extends: fc.option(fc.oneof(name, fc.array(name, { maxLength: 2 })), { nil: undefined }) });
    const styles = fc.dictionary(fc.constantFrom('a', 'b', 'c'), style, { maxKeys: 3 });
    const styleNames = fc.option(fc.oneof(name, fc.array(fc.oneof(name, own), { maxLength: 3 })), { nil: undefined });
    const text = fc.constantFrom('Gestión ', '  sangría', 'final  ', 'ñ', '');
    const run = fc.record({ props: own, style: styleNames, section: fc.boolean(), words: fc.array(text, { minLength: 1, maxLength: 4 }) });
    fc.assert(
      fc.property(styles, fc.array(fc.oneof(name, own), { maxLength: 4 }), fc.array(run, { minLength: 1, maxLength: 3 }), (dict, entries, runs) => {
        const dictionary = Object.fromEntries(
          Object.entries(dict).map(([key, { props, extends: parents }]) => [key, parents === undefined ? props : { ...props, extends: parents }]),
        );
        const stack = new StyleContextStack(dictionary, { font: FONT_FAMILY, fontSize: 10, lineHeight: 1.2 });
        stack.styleOverrides!.push(...entries);
        // As TextBreaker makes them: the words of a run share its properties and its style names.
        const words = () =>
          runs.flatMap((r) =>
            r.words.map((t) => ({ ...r.props, ...(r.style === undefined ? {} : { style: r.style }), ...(r.section ? { section: {} } : {}), text: t })),
          );
        const expected = comparable(original.call(inlines as never, words() as never, stack));
        expect(comparable(inlines.measure(words(), stack))).toEqual(expected);
        expect(comparable(inlines.measure(words(), null))).toEqual(comparable(original.call(inlines as never, words() as never, null)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('the header and footer laid out once', () => {
  // Long enough for two-digit page numbers, whose label has another shape.
  const longDocument = (overrides: Parameters<typeof sampleDocument>[0] = {}): RenderedDocument => {
    const paragraph = 'La entidad adopta la política con sus lineamientos, responsables y plazos, y la revisa cada año. '.repeat(12);
    const annexes = Array.from({ length: 14 }, (_, i) => `# ANEXO ${i + 1}\n\n${paragraph}\n\n${paragraph}\n\n${paragraph}\n`).join('\n');
    const markdown = `${SAMPLE_MARKDOWN}\n${annexes}`;
    return { ...sampleDocument(overrides), tree: parseMarkdown(markdown), markdown };
  };
  const measureBlock = () => {
    const DocMeasure = createRequire(import.meta.url)('pdfmake/js/DocMeasure.js') as { default: { prototype: { measureBlock(node: unknown): unknown } } };
    return DocMeasure.default.prototype;
  };

  it('writes the same bytes as laying them out on every page, with one- and two-digit page numbers', async () => {
    for (const doc of [() => longDocument(), () => longDocument({ state: 'borrador', title: 'POLÍTICA 2 DE SEGURIDAD DIGITAL' })]) {
      const { bytes, pageCount } = await writePdfWithLayout(doc());
      expect(pageCount).toBeGreaterThan(10);
      expect(same(await withOriginal(['repeated'], () => writePdf(doc())), bytes)).toBe(true);
    }
  });

  it('measures the header and footer once per kind of page, not once per page', async () => {
    const proto = measureBlock();
    const original = proto.measureBlock;
    let calls = 0;
    proto.measureBlock = function (this: unknown, node: unknown) {
      calls++;
      return original.call(this, node);
    };
    try {
      const { pageCount } = await writePdfWithLayout(longDocument());
      const once = calls;
      calls = 0;
      await withOriginal(['repeated'], () => writePdfWithLayout(longDocument()));
      // pdfmake measures both blocks on every page; laid out once, the header
      // is measured for pages 1–9 and 10 onwards, the footer once.
      expect(calls - once).toBe(2 * pageCount - 3);
    } finally {
      proto.measureBlock = original;
    }
  });
});

describe('the compression level of the streams', () => {
  /** The file with every stream inflated, lengths and byte offsets blanked: what it says, not how it is packed. */
  const content = (pdf: Uint8Array) => {
    const text = Buffer.from(pdf).toString('latin1');
    const inflated = text.replace(/stream\n([\s\S]*?)\nendstream/g, (_whole, body: string) => {
      const bytes = Buffer.from(body, 'latin1');
      let plain: Buffer;
      try {
        plain = inflateSync(bytes);
      } catch {
        plain = bytes;
      }
      return `stream\n${plain.toString('latin1')}\nendstream`;
    });
    return inflated.replace(/\/Length \d+/g, '/Length ?').replace(/xref\n[\s\S]*$/, '');
  };

  it('changes how the streams are packed and nothing they hold', async () => {
    const doc = () => sampleDocument({ state: 'borrador' });
    const pdfkits = await writePdf(doc());
    setStreamCompressionLevel(STREAM_COMPRESSION_LEVEL);
    let ours: Uint8Array;
    try {
      ours = await writePdf(doc());
    } finally {
      setStreamCompressionLevel(zlibConstants.Z_DEFAULT_COMPRESSION);
    }
    expect(same(ours, pdfkits)).toBe(false);
    expect(content(ours)).toBe(content(pdfkits));
    expect(content(ours)).toContain('BT\n1 0 0 1');
  });
});
