// The speed-ups installed into pdfmake and pdfkit (src/write/pdf/engine-patches/):
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
import { installRepeatedBlocks, originalAddDynamicRepeatable, addDynamicRepeatable, pdfmakeLayoutClasses, repeatedBlocksInstalled } from '../../../src/write/pdf/engine-patches/repeated-blocks.js';
import { inlineMeasureInstalled, installInlineMeasure, measure, originalInlineMeasure, TextInlines } from '../../../src/write/pdf/engine-patches/inline-measure.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import type { RenderedDocument } from '../../../src/model/document-context.js';
import { SAMPLE_MARKDOWN, sampleDocument } from '../../support/sample-document.js';

type Patch = 'measure' | 'repeated' | 'layoutCache' | 'referenceBuffer';

interface KitReference {
  write(chunk: unknown): void;
  end(chunk?: unknown): void;
  data: Record<string, unknown>;
  uncompressedLength: number;
}
/** pdfmake's style stack, which measuring reads. */
const StyleContextStack = (
  createRequire(import.meta.url)('pdfmake/js/StyleContextStack.js') as {
    default: new (dictionary: Record<string, unknown>, defaultStyle: Record<string, unknown>) => { styleOverrides?: unknown[]; styleDictionary: never; getProperty(property: string): unknown };
  }
).default;
const PDFDocument = createRequire(import.meta.url)('pdfkit') as new (options: object) => NodeJS.ReadableStream & {
  ref(data?: object): KitReference;
  end(): void;
};

/** Runs `fn` with the listed patches replaced by the library's own methods, then puts them back. */
async function withOriginal<T>(patches: readonly Patch[], fn: () => Promise<T>): Promise<T> {
  const font = embeddedFontClass().prototype;
  const reference = referenceClass().prototype;
  const layoutBuilder = pdfmakeLayoutClasses().LayoutBuilder.prototype;
  const references = originalReferenceMethods()!;
  try {
    if (patches.includes('measure')) TextInlines.prototype.measure = originalInlineMeasure()!;
    if (patches.includes('repeated')) layoutBuilder.addDynamicRepeatable = originalAddDynamicRepeatable()!;
    if (patches.includes('layoutCache')) font.layoutCached = originalLayoutCached()!;
    if (patches.includes('referenceBuffer')) {
      reference.write = references.write;
      reference.finalize = references.finalize;
    }
    return await fn();
  } finally {
    TextInlines.prototype.measure = measure;
    layoutBuilder.addDynamicRepeatable = addDynamicRepeatable;
    font.layoutCached = layoutCached;
    reference.write = write;
    reference.finalize = finalize;
  }
}

const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));

// The patches are compared with pdfkit's own output, so streams are
// compressed at pdfkit's level here; the level we write at is tested last.
beforeAll(() => setStreamCompressionLevel(zlibConstants.Z_DEFAULT_COMPRESSION));
afterAll(() => setStreamCompressionLevel(STREAM_COMPRESSION_LEVEL));

describe('the engine patches', () => {
  it('are installed once the PDF writer is loaded', () => {
    expect(inlineMeasureInstalled()).toBe(true);
    expect(repeatedBlocksInstalled()).toBe(true);
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
      ['measure'],
      ['repeated'],
      ['layoutCache'],
      ['referenceBuffer'],
      ['measure', 'repeated', 'layoutCache', 'referenceBuffer'],
    ];
    for (const patches of cases) {
      expect(same(await withOriginal(patches, () => writePdf(sampleDocument())), patched), patches.join('+')).toBe(true);
      expect(same(await withOriginal(patches, () => writePdf(other())), otherPatched), patches.join('+')).toBe(true);
    }
  });

  it('refuse to replace library methods they were not written for', () => {
    expect(() => installInlineMeasure({ name: 'TextInlines', prototype: { measure: () => [] } } as never)).toThrow(/TextInlines\.measure is not the version/);
    const layout = { ...pdfmakeLayoutClasses(), LayoutBuilder: { prototype: { addDynamicRepeatable: () => undefined, processNode: () => undefined } } };
    expect(() => installRepeatedBlocks(layout as never)).toThrow(/LayoutBuilder\.addDynamicRepeatable is not the version/);
    const font = { name: 'EmbeddedFont', prototype: { layoutCached: () => undefined, layoutRun: () => undefined, layout: () => undefined } };
    expect(() => installSharedLayoutCache(font as never)).toThrow(/EmbeddedFont\.layoutCached is not the version/);
    const reference = { name: 'PDFReference', prototype: { write: () => undefined, finalize: () => undefined, end: () => undefined } };
    expect(() => installReferenceBuffer(reference as never)).toThrow(/PDFReference\.write is not the version/);
    // Installing again on the real classes is a no-op, not an error.
    expect(() => installInlineMeasure()).not.toThrow();
    expect(() => installRepeatedBlocks()).not.toThrow();
    expect(() => installSharedLayoutCache()).not.toThrow();
    expect(() => installReferenceBuffer()).not.toThrow();
  });
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
