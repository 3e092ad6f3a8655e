// Page sizes in PDF points (1 pt = 1/72 in). Oficio is the Colombian legal
// size, 216 × 330 mm, which pdfmake does not know by name.
import type { PageSize } from '../../../validate/schemas.js';

export interface PageDimensions {
  readonly width: number;
  readonly height: number;
}

const MM = 72 / 25.4;

export const PAGE_SIZES: Readonly<Record<PageSize, PageDimensions>> = {
  carta: { width: 612, height: 792 },
  a4: { width: 595.28, height: 841.89 },
  oficio: { width: 216 * MM, height: 330 * MM },
};

/** Left/right page margins; top and bottom are measured from header and footer. */
export const SIDE_MARGIN = 56;
/** Space between the page edge and the header/footer blocks. */
export const EDGE_GAP = 24;
/** Space between header/footer and the body. */
export const BODY_GAP = 12;
