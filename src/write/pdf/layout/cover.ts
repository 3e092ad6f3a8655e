// The cover page, drawn from the frame: by default who issues the document,
// what it is, who approved it and when; a format may leave it out.
import type { Content } from 'pdfmake/interfaces.js';
import type { FramePart } from '../../../model/frame.js';
import { partToPdf } from './frame-parts.js';

export function coverPage(parts: readonly FramePart[]): Content {
  return { stack: parts.map((part) => partToPdf(part)), alignment: 'center', pageBreak: 'after' };
}
