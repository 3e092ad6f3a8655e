// DOCX writer: the document tree (mdast + parse/nodes.ts) and its typed
// context → a Word document. Handlers (handlers/) write the body; layout/
// draws what comes from the context (header, footer, cover, signatures);
// reproducible-zip.ts makes the bytes depend on the input only.
import { Document, SectionType, type ISectionOptions } from 'docx';
import { pageNumbersFrom, type PageHints } from './page-hints.js';
import type { RenderedDocument } from '../../model/document-context.js';
import { handlers } from './handlers/index.js';
import { verificationBlock } from './layout/verification.js';
import { coverPage, tableOfContents } from './layout/cover.js';
import { documentFooter } from './layout/footer.js';
import { documentHeader } from './layout/header.js';
import { documentNumbering } from './layout/numbering.js';
import { pageGeometry, textWidth } from './layout/page.js';
import { documentStyles, tableStyle } from './layout/styles.js';
import { packageParts } from './package-parts.js';
import { makeReproducible } from './reproducible-zip.js';
import { createState, type Block, type DocxSettings } from './state.js';

/** Who saved the file last, pinned so the bytes do not depend on the machine. */
const LAST_MODIFIED_BY = 'docctl';

/** The docx object, before packing: for tests that look at its structure. */
export function buildDocx(doc: RenderedDocument, hints?: PageHints): Document {
  const { context } = doc;
  const settings: DocxSettings = { context, page: pageGeometry(context.entity.pageSize) };
  const state = createState(settings, handlers, {
    marks: {},
    paragraphStyle: undefined,
    list: undefined,
    availableWidth: textWidth(settings.page),
    row: undefined,
  });
  // The body, then where the published copy is (as in the PDF).
  const body = [...state.blocks(doc.tree), ...verificationBlock(context)];

  const { page } = settings;
  const properties = {
    page: {
      size: { width: page.width, height: page.height },
      margin: { ...page.margin, header: page.header, footer: page.footer, gutter: 0 },
    },
  };
  // The sections share one header and footer: later sections without
  // their own inherit the first's, so every page carries the block. Cover
  // and contents are there when the format wants them.
  const { cover, contents } = context.frame;
  const widthPoints = textWidth(page) / 20;
  const parts: Block[][] = [...(cover ? [coverPage(context, cover, widthPoints)] : []), ...(contents ? [tableOfContents(contents.title, contents.depth)] : []), body];
  const sections: ISectionOptions[] = parts.map((children, index) =>
    index === 0
      ? { properties, headers: { default: documentHeader(settings) }, footers: { default: documentFooter(context, widthPoints) }, children }
      : { properties: { ...properties, type: SectionType.NEXT_PAGE }, children },
  );

  const document = new Document({
    title: context.title,
    subject: context.process ? `${context.typeLabel} — ${context.process}` : context.typeLabel,
    creator: context.entity.name,
    keywords: context.keywords.join(', '),
    description: `${context.code} versión ${context.version.label}`,
    lastModifiedBy: LAST_MODIFIED_BY,
    revision: context.version.number,
    // Word refreshes every field on opening (updateFields). LibreOffice 7.4
    // does not recompute a table of contents on import, so page numbers are
    // written in it rather than blanks: see page-hints.ts.
    features: { updateFields: true },
    pageNumbers: pageNumbersFrom(hints),
    styles: documentStyles(),
    numbering: documentNumbering(state.orderedStarts),
    sections,
  });
  document.Styles.addChildElement(tableStyle());
  return document;
}

/** The .docx bytes; the same document gives the same bytes anywhere. */
export async function writeDocx(doc: RenderedDocument, hints?: PageHints): Promise<Uint8Array> {
  return makeReproducible(packageParts(buildDocx(doc, hints)), doc.context.timestamp);
}
