// Footer on every page: how to reach the entity, the controlled-copy notice
// (a printed copy is not the controlled one) and the Ley 1712 label.
import { BorderStyle, Footer, Paragraph, TextRun } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import { BORDER_COLOR, STYLE } from './styles.js';

export function documentFooter(context: DocumentContext): Footer {
  const { entity } = context;
  const contact = [entity.address, entity.phones.join(' – '), entity.emails.join(' – '), entity.web].filter(Boolean).join(' · ');
  return new Footer({
    children: [
      new Paragraph({
        style: STYLE.footer,
        border: { top: { style: BorderStyle.SINGLE, size: 4, color: BORDER_COLOR, space: 4 } },
        children: [new TextRun(contact)],
      }),
      new Paragraph({ style: STYLE.footer, children: [new TextRun({ text: entity.controlledCopyNotice, italics: true })] }),
      new Paragraph({
        style: STYLE.footer,
        children: [new TextRun({ text: 'Clasificación de la información: ', bold: true }), new TextRun(context.classificationLabel)],
      }),
    ],
  });
}
