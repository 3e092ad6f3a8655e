// The end of the PDF: where the published version of this document lives,
// as a link and a QR code, so anyone holding a printed copy can check it
// against the one in force (Ley 1712: the web copy is the controlled one).
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { COLORS } from '../styles.js';

export const QR_SIZE = 72;

export function verificationBlock(context: DocumentContext): Content | undefined {
  const url = context.publicPageUrl;
  if (!url) return undefined;
  return {
    unbreakable: true,
    margin: [0, 18, 0, 0],
    columns: [
      { width: QR_SIZE + 8, qr: url, fit: QR_SIZE, eccLevel: 'M' },
      {
        width: '*',
        stack: [
          { text: 'Verificación de esta copia', bold: true, margin: [0, 0, 0, 2] },
          { text: 'La versión vigente y controlada de este documento está publicada en:', fontSize: 8.5 },
          { text: url, link: url, color: COLORS.link, decoration: 'underline', fontSize: 8.5, margin: [0, 2, 0, 2] },
          { text: 'Compare esta copia con la publicada; la página muestra el SHA-256 de cada archivo.', fontSize: 8.5, color: COLORS.muted },
        ],
      },
    ],
  };
}
