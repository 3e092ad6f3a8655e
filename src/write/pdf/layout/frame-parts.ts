// Draws the parts of the frame (model/frame.ts) as pdfmake content: one
// value, with its label, style and spacing, or an image fitted in its box.
// The header, the footer and the cover are stacks and grids of these.
import type { Content, Alignment as PdfAlignment } from 'pdfmake/interfaces.js';
import { segmentsText, type FramePart, type FrameText } from '../../../model/frame.js';
import type { Alignment } from '../../../validate/format-schema.js';

const ALIGNMENT: Readonly<Record<Alignment, PdfAlignment>> = { izquierda: 'left', centro: 'center', derecha: 'right' };

/** The pdfmake image name of a frame image: the logo keeps the name the definition always used. */
export const pdfImageName = (image: string) => image;

/** The text of a part with the page numbers given, label included: what the line reads. */
export function partText(part: FrameText, page: number | string, pages: number | string): string {
  const value = segmentsText(part.segments, page, pages);
  return part.label ? `${part.label}: ${value}` : value;
}

export function partToPdf(part: FramePart, page: number | string = '', pages: number | string = ''): Content {
  const margin = part.spaceBefore !== undefined || part.spaceAfter !== undefined ? { margin: [0, part.spaceBefore ?? 0, 0, part.spaceAfter ?? 0] } : {};
  if (part.kind === 'image') {
    return {
      image: pdfImageName(part.image),
      ...(part.fit ? { fit: [...part.fit] } : {}),
      alignment: part.align ? ALIGNMENT[part.align] : 'center',
      ...margin,
    } as Content;
  }
  const value = segmentsText(part.segments, page, pages);
  return {
    text: part.label ? [{ text: `${part.label}: `, bold: true }, value] : value,
    ...(part.bold ? { bold: true } : {}),
    ...(part.italics ? { italics: true } : {}),
    ...(part.size !== undefined ? { fontSize: part.size } : {}),
    ...(part.align ? { alignment: ALIGNMENT[part.align] } : {}),
    ...margin,
  } as Content;
}
