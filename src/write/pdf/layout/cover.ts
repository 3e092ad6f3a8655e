// The cover page: who issues the document, what it is, who approved it, when.
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { LOGO_IMAGE } from './header.js';

export function coverPage(context: DocumentContext): Content {
  return {
    stack: [
      { image: LOGO_IMAGE, fit: [180, 110], alignment: 'center', margin: [0, 30, 0, 24] },
      { text: context.entity.name, fontSize: 16, bold: true },
      { text: context.dependency, fontSize: 12, margin: [0, 6, 0, 0] },
      { text: context.typeLabel.toUpperCase(), fontSize: 12, margin: [0, 56, 0, 8] },
      { text: context.title, fontSize: 20, bold: true },
      { text: `Código ${context.code} · Versión ${context.version.label}`, fontSize: 11, margin: [0, 12, 0, 0] },
      { text: 'Aprobado por', fontSize: 10, margin: [0, 56, 0, 2] },
      { text: context.approvingBody, fontSize: 12, bold: true },
      { text: String(context.year), fontSize: 14, bold: true, margin: [0, 32, 0, 0] },
    ],
    alignment: 'center',
    pageBreak: 'after',
  };
}
