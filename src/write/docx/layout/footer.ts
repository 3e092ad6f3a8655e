// Footer on every page, drawn from the frame's footer lines, as in the PDF
// edition: by default how to reach the entity, the controlled-copy notice
// (a printed copy is not the controlled one) and the Ley 1712 label.
import { BorderStyle, Footer, Paragraph } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import { partToDocx } from './frame-parts.js';
import { BORDER_COLOR, STYLE } from './styles.js';

export function documentFooter(context: DocumentContext, widthPoints: number): Footer {
  const { footer } = context.frame;
  const images = { logo: context.entity.logo, images: context.entity.images, entityName: context.entity.name };
  // The rule above the footer is the first line's top border.
  const rule = { border: { top: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR, space: 4 } } };
  const lines = footer.lines.map((line, index) => partToDocx(line, STYLE.footer, images, widthPoints, index === 0 && footer.rule ? rule : {}));
  return new Footer({ children: lines.length > 0 ? lines : [new Paragraph({ style: STYLE.footer, children: [] })] });
}
