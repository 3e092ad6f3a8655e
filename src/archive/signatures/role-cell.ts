// Where a role's visible mark goes: its "Firma" cell in the signature page
// of the archived PDF. The approved PDF is frozen, so the cell is found in
// its text, not in today's layout: pdf.js (Mozilla's, the reference reader
// in JavaScript) gives each piece of text with its position. The table has a
// column per role headed Elaboró, Revisó, Aprobó and rows Nombre, Cargo,
// Firma, Fecha; the cell is the role's column between the Firma and Fecha
// rows.
import type { SignatureRole } from './roles.js';
import { ROLE_LABELS } from './roles.js';

export interface RoleCell {
  readonly pageIndex: number;
  readonly rect: readonly [number, number, number, number];
}

interface Piece {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

async function pagePieces(pdf: Uint8Array): Promise<{ pageWidth: number; pieces: Piece[] }[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const document = await pdfjs.getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, disableFontFace: true, isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const pages: { pageWidth: number; pieces: Piece[] }[] = [];
    for (let number = 1; number <= document.numPages; number++) {
      const page = await document.getPage(number);
      const content = await page.getTextContent();
      const pieces: Piece[] = [];
      for (const item of content.items) {
        if (!('str' in item) || item.str.trim() === '') continue;
        pieces.push({ text: item.str.trim(), x: item.transform[4] as number, y: item.transform[5] as number, width: item.width, height: item.height });
      }
      pages.push({ pageWidth: page.view[2]! - page.view[0]!, pieces });
    }
    return pages;
  } finally {
    await document.destroy();
  }
}

/** The role's Firma cell on the last page that has the signature table, or undefined. */
export async function findRoleCell(pdf: Uint8Array, role: SignatureRole): Promise<RoleCell | undefined> {
  const pages = await pagePieces(pdf);
  for (let index = pages.length - 1; index >= 0; index--) {
    const { pageWidth, pieces } = pages[index]!;
    const header = pieces.find((p) => p.text === ROLE_LABELS[role]);
    const firma = pieces.find((p) => p.text === 'Firma' && header !== undefined && p.y < header.y && p.x < header.x);
    if (!header || !firma) continue;
    const fecha = pieces.find((p) => p.text === 'Fecha' && p.y < firma.y && Math.abs(p.x - firma.x) < 2);
    // The columns are as wide as the distance between two headers; one header alone spans to the page's margin.
    const headers = Object.values(ROLE_LABELS)
      .map((label) => pieces.find((p) => p.text === label && Math.abs(p.y - header.y) < 2))
      .filter((p): p is Piece => p !== undefined)
      .map((p) => p.x + p.width / 2)
      .sort((a, b) => a - b);
    const center = header.x + header.width / 2;
    const gaps = headers.slice(1).map((c, i) => c - headers[i]!);
    const columnWidth = gaps.length > 0 ? Math.min(...gaps) : Math.min(2 * (center - firma.x - firma.width), 2 * (pageWidth - center - 36));
    // Labels sit at the top of their cells: the Firma row runs from just above its label to just above the Fecha label.
    const y2 = firma.y + firma.height + 2;
    const y1 = fecha ? fecha.y + fecha.height + 6 : y2 - 4 * firma.height;
    return { pageIndex: index, rect: [center - columnWidth / 2 + 3, y1, center + columnWidth / 2 - 3, y2] };
  }
  return undefined;
}
