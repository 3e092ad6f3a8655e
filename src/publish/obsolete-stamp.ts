// The copy of an obsolete version the site offers: the archived PDF with
// "OBSOLETO" across every page and, along the top, which version replaced
// it. Made with pdf-lib, which edits an existing PDF (pdfmake only draws new
// ones): each page gets one more content stream drawn over it, nothing else
// changes, and the archived file is only read — its bytes stay as sealed.
// The stamp uses Helvetica Bold, a standard font pdf-lib writes without
// embedding: the copy is for reading, the record is the archived file.
// Metadata is kept as it was (no new dates), so the same archived file
// always gives the same copy and the site is only rewritten when it changes.
import { degrees, PDFDocument, rgb, StandardFonts } from 'pdf-lib';

export const OBSOLETE_MARK = 'OBSOLETO';

export async function stampObsolete(archived: Uint8Array, notice: string): Promise<Uint8Array> {
  const pdf = await PDFDocument.load(archived, { updateMetadata: false });
  const font = await pdf.embedFont(StandardFonts.HelveticaBold);
  for (const page of pdf.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 5;
    const textWidth = font.widthOfTextAtSize(OBSOLETE_MARK, size);
    // Centred along the diagonal, rotated 45°.
    const angle = Math.atan2(height, width);
    const x = width / 2 - (Math.cos(angle) * textWidth) / 2 + (Math.sin(angle) * size) / 3;
    const y = height / 2 - (Math.sin(angle) * textWidth) / 2 - (Math.cos(angle) * size) / 3;
    page.drawText(OBSOLETE_MARK, { x, y, size, font, color: rgb(0.75, 0.05, 0.05), opacity: 0.3, rotate: degrees((angle * 180) / Math.PI) });
    const line = `${OBSOLETE_MARK}: ${notice}`;
    const small = 8;
    page.drawRectangle({ x: 0, y: height - 16, width, height: 16, color: rgb(1, 1, 1), opacity: 0.85 });
    page.drawText(line, { x: Math.max(8, (width - font.widthOfTextAtSize(line, small)) / 2), y: height - 11.5, size: small, font, color: rgb(0.6, 0.0, 0.0) });
  }
  return pdf.save({ useObjectStreams: false });
}
