// Words drawn a line at a time (src/write/pdf/engine-patches/line-renderer.ts): the same
// glyphs at the same text matrices as pdfmake's word-by-word drawing, the
// same pages pixel for pixel and the same extracted text, in far fewer
// operators. Each PDF is read back by qpdf and poppler, not by our code.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RenderedDocument } from '../../../src/model/document-context.js';
import { writePdf } from '../../../src/write/pdf/index.js';
import { installLineRenderer, isPlainLine, lineRendererInstalled, originalRenderLine, Renderer, renderLine, type LineLike } from '../../../src/write/pdf/engine-patches/line-renderer.js';
import { sampleDocument } from '../../support/sample-document.js';
import { run, tempPdf } from './tools.js';

afterEach(() => {
  Renderer.prototype.renderLine = renderLine;
});

async function pdfmakeAlone(doc: RenderedDocument): Promise<Uint8Array> {
  Renderer.prototype.renderLine = originalRenderLine()!;
  try {
    return await writePdf(doc);
  } finally {
    Renderer.prototype.renderLine = renderLine;
  }
}

/** Each page's content stream, uncompressed by qpdf. */
function contentStreams(pdf: Uint8Array): string[] {
  const file = tempPdf('documento.pdf', pdf);
  const qdf = `${file}.qdf`;
  const result = run('qpdf', ['--qdf', '--object-streams=disable', file, qdf]);
  expect(result.status, result.stderr).toBe(0);
  const text = readFileSync(qdf, 'latin1');
  return text
    .split(/^%% Contents for page \d+$/m)
    .slice(1)
    .map((page) => /stream\n([\s\S]*?)endstream/.exec(page)![1]!);
}

/** Every text-showing operator with the font and text matrix it is shown with, page by page. */
function textShows(pdf: Uint8Array): string[] {
  return contentStreams(pdf).flatMap((stream, page) => {
    const shows: string[] = [];
    let font = '';
    let matrix = '';
    for (const line of stream.split('\n')) {
      if (line.endsWith(' Tf')) font = line;
      else if (line.endsWith(' Tm')) matrix = line;
      else if (line.endsWith(' TJ') || line.endsWith(' Tj')) shows.push(`${page + 1} | ${font} | ${matrix} | ${line}`);
    }
    return shows;
  });
}

/**
 * The links, named destinations and bookmarks pdfmake adds around its words,
 * as qpdf reads them: object numbers replaced by what they point to, pages
 * by their number.
 */
function linksAndBookmarks(pdf: Uint8Array): unknown {
  const file = tempPdf('documento.pdf', pdf);
  const json = (key: string) => JSON.parse(run('qpdf', ['--json', `--json-key=${key}`, file]).stdout) as Record<string, unknown>;
  const objects = (json('qpdf').qpdf as [unknown, Record<string, { value?: unknown }>])[1];
  const pages = (json('pages').pages as { object: string }[]).map((page) => page.object);
  const resolve = (value: unknown): unknown => {
    if (typeof value === 'string' && / 0 R$/.test(value)) {
      const page = pages.indexOf(value);
      return page >= 0 ? `página ${page + 1}` : resolve(objects[`obj:${value}`]?.value);
    }
    if (Array.isArray(value)) return value.map(resolve);
    if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).filter(([key]) => key !== '/Parent' && key !== '/P').map(([key, item]) => [key, resolve(item)]));
    return value;
  };
  const links = Object.values(objects)
    .map((object) => object.value as Record<string, unknown> | undefined)
    .filter((value) => value?.['/Subtype'] === '/Link')
    .map(resolve);
  const names = Object.values(objects)
    .map((object) => (object.value as Record<string, unknown> | undefined)?.['/Dests'])
    .filter(Boolean)
    .map(resolve);
  const outlines = (json('outlines').outlines as unknown[]).map((outline) => JSON.stringify(outline).replace(/"\d+ 0 R"/g, '"ref"'));
  return { links, names, outlines };
}

/** Each page rendered by poppler at 50 dpi, in grey. */
function pageImages(pdf: Uint8Array): Buffer[] {
  const file = tempPdf('documento.pdf', pdf);
  const result = run('pdftoppm', ['-r', '50', '-gray', file, join(file, '..', 'pagina')]);
  expect(result.status, result.stderr).toBe(0);
  const dir = join(file, '..');
  return readdirSync(dir)
    .filter((name) => name.startsWith('pagina'))
    .sort()
    .map((name) => readFileSync(join(dir, name)));
}

const pdftotext = (pdf: Uint8Array) => run('pdftotext', ['-layout', tempPdf('documento.pdf', pdf), '-']).stdout;

const documents: [string, () => RenderedDocument][] = [
  ['an approved document', () => sampleDocument()],
  ['a draft with its watermark', () => sampleDocument({ title: 'POLÍTICA DE SEGURIDAD DIGITAL Y PRIVACIDAD', state: 'borrador' })],
];

describe('drawing words a line at a time', () => {
  it('is installed once the PDF writer is loaded', () => {
    expect(lineRendererInstalled()).toBe(true);
  });

  it.each(documents)('shows every glyph of %s in the font and at the matrix pdfmake shows it', async (_, make) => {
    const ours = await writePdf(make());
    const theirs = await pdfmakeAlone(make());
    const shown = textShows(ours);
    expect(shown.length).toBeGreaterThan(500);
    expect(shown).toEqual(textShows(theirs));
    // The links and bookmarks pdfmake adds around its words are still there.
    const around = linksAndBookmarks(ours) as { links: unknown[]; names: unknown[]; outlines: unknown[] };
    expect(around.links.length).toBeGreaterThan(0);
    expect(around.outlines.length).toBeGreaterThan(3);
    expect(around).toEqual(linksAndBookmarks(theirs));
    // …in fewer operators (this table-heavy sample: about 70% of the bytes; prose about half).
    const size = (pdf: Uint8Array) => contentStreams(pdf).reduce((sum, stream) => sum + stream.length, 0);
    expect(size(ours)).toBeLessThan(size(theirs) * 0.8);
  });

  it.each(documents)('gives %s the same pages, pixel for pixel, and the same extracted text', async (_, make) => {
    const ours = await writePdf(make());
    const theirs = await pdfmakeAlone(make());
    const [oursPages, theirPages] = [pageImages(ours), pageImages(theirs)];
    expect(oursPages.length).toBeGreaterThan(3);
    expect(oursPages.length).toBe(theirPages.length);
    oursPages.forEach((page, index) => expect(page.equals(theirPages[index]!), `página ${index + 1}`).toBe(true));
    expect(pdftotext(ours)).toBe(pdftotext(theirs));
  });

  it('leaves to pdfmake the lines it links to something, and words that are links, superscripts or spaced', () => {
    const word = (extra: Record<string, unknown> = {}) => ({ text: 'palabra ', x: 0, font: { id: 'F1', ascender: 900, ref: () => undefined, encode: () => [[], []] as [string[], []] }, fontSize: 10, ...extra });
    const line = (inlines: ReturnType<typeof word>[], extra: Partial<LineLike> = {}): LineLike => ({ inlines, getHeight: () => 12, getAscenderHeight: () => 9, ...extra });
    expect(isPlainLine(line([word(), word()]))).toBe(true);
    expect(isPlainLine(line([word()], { _outline: {} }))).toBe(false);
    expect(isPlainLine(line([word()], { id: 'seccion-1' }))).toBe(false);
    expect(isPlainLine(line([word()], { _pageNodeRef: {} }))).toBe(false);
    for (const extra of [{ link: 'https://www.gov.co' }, { linkToDestination: 'x' }, { linkToPage: 2 }, { sup: true }, { sub: true }, { characterSpacing: 1 }, { fontFeatures: ['smcp'] }, { text: 'dos\nlíneas' }, { _pageNodeRef: {} }]) {
      expect(isPlainLine(line([word(), word(extra)])), JSON.stringify(extra)).toBe(false);
    }
  });

  it('refuses to replace a renderLine it was not written for', () => {
    class OtherRenderer {
      pdfDocument = undefined as never;
      renderLine(): void {}
    }
    expect(() => installLineRenderer(OtherRenderer)).toThrow(/line-renderer\.ts/);
  });
});
