// The editions of one document, rendered from its tree — PDF, DOCX and the
// accessible HTML edition: what a build writes into a version folder. Runs in the main thread or in a worker thread.
import type { RenderedDocument } from '../model/document-context.js';
import { writeDocx } from '../write/docx/index.js';
import { writeHtml } from '../write/html/index.js';
import { writePdfWithLayout } from '../write/pdf/index.js';
import { editionNames } from './output-paths.js';

export interface Edition {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export async function renderEditions(doc: RenderedDocument): Promise<Edition[]> {
  const { context } = doc;
  const names = editionNames(context.code, context.version.number);
  // The PDF's layout gives the DOCX its contents' page numbers (docx/page-hints.ts).
  const { bytes: pdf, headingPages, pageCount } = await writePdfWithLayout(doc);
  const docx = await writeDocx(doc, { headingPages, pageCount });
  const html = Buffer.from(writeHtml(doc), 'utf8');
  return [
    { name: names.pdf, bytes: pdf },
    { name: names.docx, bytes: docx },
    { name: names.html, bytes: html },
  ];
}
