// The end of the DOCX, as of the PDF (pdf/layout/verification.ts): where the
// published version of this document lives, as a link and a QR code, so
// anyone holding a printed copy can check it against the one in force. Word
// has no QR field: the code is drawn here as a PNG from the same encoder
// pdfmake uses for the PDF's (its module matrix), so both editions carry the
// same code. A draft has no public page (build-context.ts), so no block.
import { createRequire } from 'node:module';
import { AlignmentType, ExternalHyperlink, ImageRun, Paragraph, TextRun } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import { writeRgbPng } from '../../pdf/png.js';
import type { Block } from '../state.js';
import { STYLE } from './styles.js';

const require = createRequire(import.meta.url);
const qrEncoder = (require('pdfmake/js/qrEnc.js') as { default: { measure(node: Record<string, unknown>): { _canvas: { x: number; y: number; w: number; color: string }[] } } }).default;

/** Points, as in the PDF. */
const QR_SIZE = 72;
const PIXELS_PER_MODULE = 8;
/** White modules around the code, as the QR specification asks. */
const QUIET_ZONE = 4;

/** The QR code of `text` as an opaque PNG (black modules on white). */
export function qrPng(text: string): { bytes: Uint8Array; size: number } {
  const node = qrEncoder.measure({ qr: text, eccLevel: 'M' });
  const [background, ...modules] = node._canvas;
  const moduleSize = modules[0]?.w ?? 5;
  const count = Math.round((background?.w ?? 0) / moduleSize);
  const side = (count + 2 * QUIET_ZONE) * PIXELS_PER_MODULE;
  const pixels = Buffer.alloc(side * side * 3, 0xff);
  for (const module of modules) {
    const column = Math.round(module.x / moduleSize) + QUIET_ZONE;
    const row = Math.round(module.y / moduleSize) + QUIET_ZONE;
    for (let y = 0; y < PIXELS_PER_MODULE; y++) {
      const start = ((row * PIXELS_PER_MODULE + y) * side + column * PIXELS_PER_MODULE) * 3;
      pixels.fill(0, start, start + PIXELS_PER_MODULE * 3);
    }
  }
  return { bytes: new Uint8Array(writeRgbPng(side, side, pixels)), size: side };
}

export function verificationBlock(context: DocumentContext): Block[] {
  const url = context.publicPageUrl;
  if (!url) return [];
  const qr = qrPng(url);
  const pixels = Math.round((QR_SIZE * 96) / 72);
  const small = 17; // half-points: 8.5 pt
  return [
    new Paragraph({
      keepNext: true,
      keepLines: true,
      spacing: { before: 360, after: 60 },
      alignment: AlignmentType.LEFT,
      children: [new ImageRun({ type: 'png', data: qr.bytes, transformation: { width: pixels, height: pixels }, altText: { name: 'QR', title: 'Código QR', description: `Código QR de la dirección ${url}` } })],
    }),
    new Paragraph({ keepNext: true, spacing: { after: 40 }, children: [new TextRun({ text: 'Verificación de esta copia', bold: true })] }),
    new Paragraph({ keepNext: true, children: [new TextRun({ text: 'La versión vigente y controlada de este documento está publicada en:', size: small })] }),
    new Paragraph({ keepNext: true, children: [new ExternalHyperlink({ link: url, children: [new TextRun({ text: url, style: STYLE.hyperlink, size: small })] })] }),
    new Paragraph({ children: [new TextRun({ text: 'Compare esta copia con la publicada; la página muestra el SHA-256 de cada archivo.', size: small, color: '595959' })] }),
  ];
}
