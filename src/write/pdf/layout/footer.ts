// The footer of every page, drawn from the frame: by default contact data,
// the controlled-copy notice and the information classification (Ley 1712
// de 2014); the format may give other lines (the format's own code and
// version, nothing but the notice). Measured in index.ts like the header,
// so a long notice never runs into the body or off the sheet.
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { REPEATED_BLOCK } from '../engine-patches/repeated-blocks.js';
import { COLORS } from '../styles.js';
import { partText, partToPdf } from './frame-parts.js';
import { BODY_GAP, SIDE_MARGIN } from './page-sizes.js';

export function footerBlock(context: DocumentContext, width: number, page: number | string = '', pages: number | string = ''): Content {
  const { footer } = context.frame;
  const rule: Content[] = footer.rule ? [{ canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule }], margin: [0, 0, 0, 3] }] : [];
  return { stack: [...rule, ...footer.lines.map((line) => partToPdf(line, page, pages))], style: 'footer' };
}

/** pdfmake's footer callback: the same block on every page, inside the side margins, laid out once (see repeated-blocks.ts). */
export function footerForPage(context: DocumentContext, width: number) {
  const numbered = context.frame.footer.lines.find((line) => line.segments.some((s) => 'page' in s));
  return (currentPage: number, pageCount: number): Content =>
    ({
      stack: [footerBlock(context, width, currentPage, pageCount)],
      margin: [SIDE_MARGIN, BODY_GAP, SIDE_MARGIN, 0],
      [REPEATED_BLOCK]: numbered ? { key: 'footer', variable: partText(numbered, currentPage, pageCount) } : { key: 'footer' },
    }) as Content;
}
