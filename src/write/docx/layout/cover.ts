// The cover page and the table of contents, each in its own section so the
// body starts on a fresh page without empty page-break paragraphs. The cover
// draws the frame's cover parts, as the PDF edition does (logo included).
import { Paragraph, TableOfContents, TextRun } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import type { FramePart } from '../../../model/frame.js';
import type { Block } from '../state.js';
import { partToDocx } from './frame-parts.js';
import { STYLE } from './styles.js';

export function coverPage(context: DocumentContext, parts: readonly FramePart[], widthPoints: number): Block[] {
  const images = { logo: context.entity.logo, images: context.entity.images, entityName: context.entity.name };
  return parts.map((part) => partToDocx(part, STYLE.coverLine, images, widthPoints));
}

// docx writes the field already filled from the headings (without page
// numbers) and dirty; updateFields makes Word refresh it on opening, and
// LibreOffice recomputes it when it converts.
export function tableOfContents(title: string, depth: number): Block[] {
  return [
    new Paragraph({ style: STYLE.contentsHeading, children: [new TextRun(title)] }),
    new TableOfContents(title, { hyperlink: true, headingStyleRange: `1-${depth}`, beginDirty: true }),
  ];
}
