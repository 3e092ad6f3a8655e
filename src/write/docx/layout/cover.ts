// The cover page and the table of contents, each in its own section so the
// body starts on a fresh page without empty page-break paragraphs.
import { Paragraph, TableOfContents, TextRun } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import type { Block } from '../state.js';
import { STYLE } from './styles.js';

export function coverPage(context: DocumentContext): Block[] {
  const coverLine = (text: string, bold = false) => new Paragraph({ style: STYLE.coverLine, children: [new TextRun({ text, bold: bold || undefined })] });
  return [
    new Paragraph({ style: STYLE.subtitle, spacing: { before: 1440 }, children: [new TextRun(context.entity.name.toUpperCase())] }),
    coverLine(context.dependency),
    new Paragraph({ style: STYLE.title, children: [new TextRun(context.title)] }),
    coverLine(`${context.typeLabel} · Código ${context.code} · Versión ${context.version.label}`, true),
    coverLine(`Proceso: ${context.process}`),
    new Paragraph({ style: STYLE.coverLine, spacing: { before: 1440 }, children: [new TextRun(`Aprobado por: ${context.approvingBody}`)] }),
    new Paragraph({ style: STYLE.subtitle, children: [new TextRun(String(context.year))] }),
  ];
}

// docx writes the field already filled from the headings (without page
// numbers) and dirty; updateFields makes Word refresh it on opening, and
// LibreOffice recomputes it when it converts.
export function tableOfContents(): Block[] {
  return [
    new Paragraph({ style: STYLE.contentsHeading, children: [new TextRun('TABLA DE CONTENIDO')] }),
    new TableOfContents('Tabla de contenido', { hyperlink: true, headingStyleRange: '1-3', beginDirty: true }),
  ];
}
