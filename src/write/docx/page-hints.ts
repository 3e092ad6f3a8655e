// Page numbers for the DOCX table of contents. LibreOffice does not fill a
// TOC on import and Word refreshes it when the file opens, so the numbers
// written in the file are only a starting point. docx's own layout estimate
// (docx/layout) works them out by laying the pages out as Word would, which
// profiling showed to be ~95% of the DOCX's rendering time. When the build
// has just laid out the PDF edition of the same tree, its heading pages are
// used instead: the same sections, in the same order, paginated by a real
// layout engine. Without such hints, or if the headings do not line up,
// docx's estimate is used.
//
// docx's estimate lives in its own 1.7 MB module (docx/layout), which a build
// needs only in that rare case: it is loaded on first use, not with the
// writer. Importing it cost every rendering process ~55 ms and ~4 MB of heap.
// It is self-contained (it requires nothing, not even docx), so its CommonJS
// build, loaded synchronously while docx packs, runs the same code as the
// ES module.
import { createRequire } from 'node:module';
import type { EstimatedPageNumbers, IContext, IXmlableObject, PageNumberEstimator } from 'docx';
import type * as DocxLayout from 'docx/layout';

const require = createRequire(import.meta.url);

let docxEstimate: PageNumberEstimator | undefined;

/** docx's own estimate of the contents' page numbers, laying the document out itself. */
const estimatePageNumbers: PageNumberEstimator = (body, context) => {
  docxEstimate ??= (require('docx/layout') as typeof DocxLayout).estimatePageNumbers;
  return docxEstimate(body, context);
};

export interface PageHints {
  /** The page of each heading listed in the contents, in document order. */
  readonly headingPages: readonly number[];
  readonly pageCount: number;
}

/** The names of the bookmarks docx put on the headings its contents list, in document order. */
function contentsBookmarks(node: unknown, found: string[] = []): string[] {
  if (Array.isArray(node)) {
    for (const child of node) contentsBookmarks(child, found);
  } else if (node && typeof node === 'object') {
    for (const [key, value] of Object.entries(node)) {
      if (key === 'w:bookmarkStart') {
        const name = (value as { _attr?: Record<string, unknown> })._attr?.['w:name'];
        if (typeof name === 'string' && name.startsWith('_Toc')) found.push(name);
      } else contentsBookmarks(value, found);
    }
  }
  return found;
}

export function pageNumbersFrom(hints: PageHints | undefined): PageNumberEstimator {
  if (!hints) return estimatePageNumbers;
  const estimator = (body: IXmlableObject, context: IContext): EstimatedPageNumbers => {
    const names = contentsBookmarks(body);
    if (names.length !== hints.headingPages.length) return estimatePageNumbers(body, context);
    return {
      bookmarks: new Map(names.map((name, index) => [name, String(hints.headingPages[index])])),
      pageCount: hints.pageCount,
    };
  };
  return estimator;
}
