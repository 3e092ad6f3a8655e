// Page geometry shared by the section properties, the header block and the
// table-width computation, so all three agree on how wide the text is.
import { convertMillimetersToTwip } from 'docx';
import type { PageSize } from '../../../validate/schemas.js';

export interface PageGeometry {
  readonly width: number;
  readonly height: number;
  readonly margin: { readonly top: number; readonly bottom: number; readonly left: number; readonly right: number };
  /** Distance from the page edge to the header and footer blocks. */
  readonly header: number;
  readonly footer: number;
}

// Twips. Oficio is the Colombian 216 × 330 mm, not US Legal (216 × 356).
const SIZES: Readonly<Record<PageSize, { width: number; height: number }>> = {
  carta: { width: 12240, height: 15840 },
  a4: { width: 11906, height: 16838 },
  oficio: { width: convertMillimetersToTwip(216), height: convertMillimetersToTwip(330) },
};

export function pageGeometry(size: PageSize): PageGeometry {
  return {
    ...SIZES[size],
    // The top margin leaves room for the four-row header block; Word and
    // LibreOffice push the body down anyway if a long title makes it taller.
    margin: { top: convertMillimetersToTwip(38), bottom: convertMillimetersToTwip(28), left: convertMillimetersToTwip(25), right: convertMillimetersToTwip(20) },
    header: convertMillimetersToTwip(10),
    footer: convertMillimetersToTwip(8),
  };
}

export function textWidth(page: PageGeometry): number {
  return page.width - page.margin.left - page.margin.right;
}
