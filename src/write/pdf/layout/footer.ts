// The footer of every page: contact data, the controlled-copy notice and the
// information classification (Ley 1712 de 2014). Measured in index.ts like
// the header, so a long notice never runs into the body or off the sheet.
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { REPEATED_BLOCK } from '../repeated-blocks.js';
import { COLORS } from '../styles.js';
import { BODY_GAP, SIDE_MARGIN } from './page-sizes.js';

export function footerBlock(context: DocumentContext, width: number): Content {
  const { entity } = context;
  const contact = [entity.address, ...entity.phones.map((phone) => `Tel. ${phone}`)].join(' · ');
  const online = [...entity.emails, ...(entity.web ? [entity.web] : [])].join(' · ');
  return {
    stack: [
      { canvas: [{ type: 'line', x1: 0, y1: 0, x2: width, y2: 0, lineWidth: 0.5, lineColor: COLORS.rule }], margin: [0, 0, 0, 3] },
      { text: contact },
      ...(online ? [{ text: online }] : []),
      { text: entity.controlledCopyNotice, italics: true },
      { text: [{ text: 'Clasificación de la información: ', bold: true }, context.classificationLabel] },
    ],
    style: 'footer',
  };
}

/** pdfmake's footer callback: the same block on every page, inside the side margins, laid out once (see repeated-blocks.ts). */
export function footerForPage(context: DocumentContext, width: number) {
  return (): Content => ({ stack: [footerBlock(context, width)], margin: [SIDE_MARGIN, BODY_GAP, SIDE_MARGIN, 0], [REPEATED_BLOCK]: { key: 'footer' } }) as Content;
}
