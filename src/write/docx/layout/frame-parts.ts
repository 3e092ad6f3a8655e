// Draws the parts of the frame (model/frame.ts) as Word paragraphs: the
// same values, labels, styles and images the PDF edition prints, with the
// page numbers as PAGE and NUMPAGES fields that Word and LibreOffice fill in
// on every page.
import { AlignmentType, ImageRun, PageNumber, Paragraph, TextRun, type IParagraphOptions } from 'docx';
import type { LogoImage } from '../../../model/document-context.js';
import type { FramePart } from '../../../model/frame.js';
import type { Alignment } from '../../../validate/format-schema.js';

const ALIGNMENT = { izquierda: AlignmentType.LEFT, centro: AlignmentType.CENTER, derecha: AlignmentType.RIGHT } as const satisfies Record<Alignment, unknown>;
/** Points to twentieths of a point (spacing) and to pixels at 96 dpi (images). */
const TWIPS_PER_POINT = 20;
const PIXELS_PER_POINT = 96 / 72;

export interface PartImages {
  readonly logo: LogoImage;
  readonly images: Readonly<Record<string, LogoImage>>;
  readonly entityName: string;
}

/** The image scaled to fit its box (points), kept in proportion, in pixels. */
export function fitImage(image: Pick<LogoImage, 'width' | 'height'>, box: readonly [number, number]) {
  const scale = Math.min((box[0] * PIXELS_PER_POINT) / image.width, (box[1] * PIXELS_PER_POINT) / image.height);
  return { width: Math.max(1, Math.round(image.width * scale)), height: Math.max(1, Math.round(image.height * scale)) };
}

export function partToDocx(part: FramePart, style: string, images: PartImages, maxWidthPoints: number, extra: Partial<IParagraphOptions> = {}): Paragraph {
  const spacing =
    part.spaceBefore !== undefined || part.spaceAfter !== undefined
      ? { spacing: { before: Math.round((part.spaceBefore ?? 0) * TWIPS_PER_POINT), after: Math.round((part.spaceAfter ?? 0) * TWIPS_PER_POINT) } }
      : {};
  const alignment = part.align ? { alignment: ALIGNMENT[part.align] } : {};
  if (part.kind === 'image') {
    const image = part.image === 'logo' ? images.logo : images.images[part.image];
    if (!image) throw new Error(`internal: image ${part.image} was loaded by validation`);
    const box: [number, number] = [Math.min(part.fit?.[0] ?? maxWidthPoints, maxWidthPoints), part.fit?.[1] ?? maxWidthPoints];
    const run = new ImageRun({
      type: image.mime === 'image/png' ? 'png' : 'jpg',
      data: image.bytes,
      transformation: fitImage(image, box),
      altText: part.image === 'logo' ? { name: 'Logo', title: 'Logo', description: `Logo de ${images.entityName}` } : { name: 'Imagen', title: 'Imagen', description: `Imagen del formato de ${images.entityName}` },
    });
    return new Paragraph({ ...extra, style, ...alignment, ...spacing, children: [run] });
  }
  const marks = { bold: part.bold || undefined, italics: part.italics || undefined, ...(part.size !== undefined ? { size: Math.round(part.size * 2) } : {}) };
  const children: TextRun[] = [];
  if (part.label) children.push(new TextRun({ ...marks, text: `${part.label}: `, bold: true }));
  for (const segment of part.segments) {
    if ('text' in segment) {
      if (segment.text) children.push(new TextRun({ ...marks, text: segment.text }));
    } else children.push(new TextRun({ ...marks, children: [segment.page === 'current' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES] }));
  }
  return new Paragraph({ ...extra, style, ...alignment, ...spacing, children });
}
