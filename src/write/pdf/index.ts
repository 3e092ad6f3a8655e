// PDF writer: the document tree and its context → a print-faithful,
// PDF/A-1b controlled copy. Cover, contents, change control and body, with
// the header block and footer of every page sized by measuring them, so
// nothing they hold can overlap the body (see measure.ts).
import type { Content, Node, NodeQueries, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { UserError } from '../../errors.js';
import type { DocumentContext, RenderedDocument } from '../../model/document-context.js';
import { fontDictionary } from './fonts.js';
import { handlers } from './handlers/index.js';
import { figureImageName } from './handlers/figure.js';
import { FIGURE_KIND } from '../../validate/images.js';
import { contentsEntries, contentsPage, contentsPageWithLeaders } from './layout/contents.js';
import { coverPage } from './layout/cover.js';
import { footerBlock, footerForPage } from './layout/footer.js';
import { keepHeadingsWithUnbreakable } from './layout/keep-together.js';
import { headerForPage, headerTable, LOGO_IMAGE, WIDEST_PAGE } from './layout/header.js';
import { BODY_GAP, EDGE_GAP, PAGE_SIZES, SIDE_MARGIN } from './layout/page-sizes.js';
import { verificationBlock } from './layout/verification.js';
import { draftBackground } from './layout/watermark.js';
import { logoDataUrl } from './logo.js';
import { measureHeight, type MeasureOptions } from './measure.js';
import { documentInfo, useEscapedXmp, type KitWithMetadata } from './metadata.js';
import { setOutlineCounts, type KitOutline } from './outline.js';
import { localAccess, printer } from './printer.js';
import { createState, type TableRelief } from './state.js';
import { DEFAULT_STYLE, STYLES } from './styles.js';
import { createTextMeasurer, type TextMeasurer } from './text-width.js';
import { indexTree, type TreeIndex } from './tree-index.js';
import { UnbreakableOverflow } from './engine-patches/unbreakable-overflow.js';
import { drawnLines, undrawnWords } from './drawn-words.js';

export const PDF_LANGUAGE = 'es-CO';

let textMeasurer: TextMeasurer | undefined;

/**
 * A fresh pdfmake definition: pdfmake mutates the one it renders.
 * `relaxedTables`: tables whose rows must be allowed to break (writePdfWithLayout).
 */
export function buildPdfDefinition(doc: RenderedDocument, relaxedTables?: ReadonlyMap<number, TableRelief>, treeIndex: TreeIndex = indexTree(doc.tree)): TDocumentDefinitions {
  const { context, tree } = doc;
  const page = PAGE_SIZES[context.entity.pageSize];
  const bodyWidth = page.width - 2 * SIDE_MARGIN;
  const images: Record<string, string> = { [LOGO_IMAGE]: logoDataUrl(context.entity.logo) };
  for (const [name, image] of Object.entries(context.entity.images)) images[name] = logoDataUrl(image);
  for (const [name, image] of Object.entries(context.figures)) images[figureImageName(name)] = logoDataUrl(image, FIGURE_KIND);
  const measureOptions: MeasureOptions = { fonts: fontDictionary(), styles: STYLES, defaultStyle: DEFAULT_STYLE, images, localAccess };
  textMeasurer ??= createTextMeasurer(measureOptions);
  const margins = pageMargins(context, bodyWidth, page.height, measureOptions);
  const bodyHeight = page.height - margins[1] - margins[3];
  const heightOf = (piece: Content) => measureHeight(piece, bodyWidth, measureOptions);
  const state = createState({ context, bodyWidth, bodyHeight, heightOf, tree: treeIndex, measure: textMeasurer, relaxedTables }, handlers);
  const verification = verificationBlock(context);
  const { cover, contents } = context.frame;
  const content: Content[] = [
    ...(cover ? [coverPage(cover)] : []),
    ...(contents
      ? [contents.leaders ? contentsPageWithLeaders(contents.title, contentsEntries(tree, contents.depth), bodyWidth, textMeasurer) : contentsPage(contents.title)]
      : []),
    ...keepHeadingsWithUnbreakable(state.all(tree)),
    ...(verification ? [verification] : []),
  ];
  return {
    pageSize: { width: page.width, height: page.height },
    pageMargins: margins,
    header: headerForPage(context),
    background: draftBackground(context),
    footer: footerForPage(context, bodyWidth),
    content,
    images,
    info: documentInfo(context),
    language: PDF_LANGUAGE,
    version: '1.4',
    subset: 'PDF/A-1b',
    compress: true,
    defaultStyle: { ...DEFAULT_STYLE },
    styles: structuredClone(STYLES),
    pageBreakBefore: keepWithNext,
  };
}

/** The finished PDF file. */
export async function writePdf(doc: RenderedDocument): Promise<Uint8Array> {
  return (await writePdfWithLayout(doc)).bytes;
}

export interface PdfWithLayout {
  readonly bytes: Uint8Array;
  /** The page of every heading the contents list, in document order. */
  readonly headingPages: readonly number[];
  readonly pageCount: number;
}

/**
 * The PDF, and where its layout put each heading: the DOCX writer uses the
 * pages for its own table of contents (docx/page-hints.ts) instead of laying
 * the whole document out a second time.
 */
export async function writePdfWithLayout(doc: RenderedDocument): Promise<PdfWithLayout> {
  const { definition, kit } = await layOutWhole(doc);
  const undrawn = undrawnWords(doc.tree, drawnLines(kit));
  if (undrawn.length > 0) {
    throw new Error(`internal: the PDF of ${doc.context.code} lacks ${undrawn.length} word(s) of its text (${undrawn.slice(0, 8).join(', ')}); nothing was written`);
  }
  useEscapedXmp(kit, PDF_LANGUAGE);
  setOutlineCounts(kit.outline);
  // pdfmake records where it laid out each node on the definition itself.
  const headingPages = tocItemPages(definition.content);
  const pageCount = kit._root?.data.Pages?.data.Count ?? Math.max(0, ...headingPages);
  const bytes = await new Promise<Uint8Array>((resolve, reject) => {
    const chunks: Buffer[] = [];
    kit.on('data', (chunk: Buffer) => chunks.push(chunk));
    kit.on('end', () => resolve(new Uint8Array(Buffer.concat(chunks))));
    kit.on('error', reject);
    kit.end();
  });
  return { bytes, headingPages, pageCount };
}

/**
 * Lays the document out until no text is dropped. A table row that does not
 * fit on a page (unbreakable-overflow.ts) makes the layout start again with
 * that table's rows allowed to break, then with its header rows no longer
 * repeated; a block that still does not fit is refused, never left out.
 * A document whose estimates were right is laid out once.
 */
async function layOutWhole(doc: RenderedDocument): Promise<{ definition: TDocumentDefinitions; kit: PdfKitStream }> {
  const treeIndex = indexTree(doc.tree);
  const relaxed = new Map<number, TableRelief>();
  for (;;) {
    const definition = buildPdfDefinition(doc, relaxed, treeIndex);
    try {
      const kit = (await printer().createPdf(definition).getStream()) as unknown as PdfKitStream;
      return { definition, kit };
    } catch (error) {
      if (!(error instanceof UnbreakableOverflow)) throw error;
      const { table } = error;
      const relief = table === undefined ? undefined : relaxed.get(table);
      if (table === undefined || relief === 'header') throw new UserError(overflowMessage(treeIndex, table));
      relaxed.set(table, relief === 'rows' ? 'header' : 'rows');
    }
  }
}

function overflowMessage(treeIndex: TreeIndex, ordinal: number | undefined): string {
  if (ordinal === undefined) {
    return 'un bloque que debe imprimirse entero (la página de firmas o el bloque de verificación) no cabe en una página del PDF; acorte los nombres y cargos de los firmantes';
  }
  const [node, where] = [...treeIndex.tables].find(([, entry]) => entry.ordinal === ordinal) ?? [];
  const name = node?.caption ? `la tabla «${node.caption}»` : `la tabla n.º ${ordinal + 1} del documento`;
  const section = where?.section ? ` (sección «${where.section}»)` : '';
  return `${name}${section} tiene una fila que no cabe en una página del PDF ni partida; divida esa fila en varias o acorte su contenido`;
}

function tocItemPages(node: unknown, pages: number[] = []): number[] {
  if (Array.isArray(node)) {
    for (const child of node) tocItemPages(child, pages);
  } else if (node && typeof node === 'object') {
    const record = node as { tocItem?: unknown; positions?: { pageNumber: number }[] } & Record<string, unknown>;
    if (record.tocItem && record.positions?.[0]) pages.push(record.positions[0].pageNumber);
    for (const key of ['stack', 'columns', 'content', 'table', 'body', 'ul', 'ol']) if (key in record) tocItemPages(record[key], pages);
  }
  return pages;
}

type PdfKitStream = KitWithMetadata &
  NodeJS.ReadableStream & { end(): void; outline: KitOutline; _root?: { data: { Pages?: { data: { Count: number } } } } };

function pageMargins(
  context: DocumentContext,
  bodyWidth: number,
  pageHeight: number,
  options: MeasureOptions,
): [number, number, number, number] {
  const header = measureHeight(headerTable(context, WIDEST_PAGE, WIDEST_PAGE), bodyWidth, options);
  const footer = measureHeight(footerBlock(context, bodyWidth, WIDEST_PAGE, WIDEST_PAGE), bodyWidth, options);
  const top = Math.ceil(EDGE_GAP + header + BODY_GAP);
  const bottom = Math.ceil(BODY_GAP + footer + EDGE_GAP);
  if (top + bottom > pageHeight / 2) {
    throw new UserError(
      `el encabezado y el pie de página ocupan más de media página (${top + bottom} de ${Math.round(pageHeight)} puntos); acorte el título, el nombre del proceso o la nota de copia controlada`,
    );
  }
  return [SIDE_MARGIN, top, SIDE_MARGIN, bottom];
}

// A heading or table caption left alone at the foot of a page moves to the
// next one, with what it introduces.
function keepWithNext(node: Node, queries: NodeQueries): boolean {
  return node.headlineLevel !== undefined && queries.getFollowingNodesOnPage().length === 0;
}
