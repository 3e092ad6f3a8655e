// The header block of every page, drawn from the frame (model/frame.ts): a
// bordered table whose grid, fields and labels the entity's format gives
// (by default the Personería's DE-P-007: logo, short name and slogan |
// entity, process and title | código, versión, fecha de aprobación and
// "Página X de Y"). Its height is measured in index.ts to size the top
// margin, so a long entity name or a three-line title pushes the body down
// instead of overlapping it.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import type { FrameCell, FrameText } from '../../../model/frame.js';
import { STATE_NOTICES } from '../../../model/versions.js';
import { REPEATED_BLOCK } from '../engine-patches/repeated-blocks.js';
import { COLORS, RULES } from '../styles.js';
import { EDGE_GAP, SIDE_MARGIN } from './page-sizes.js';
import { partText, partToPdf } from './frame-parts.js';

export const LOGO_IMAGE = 'logo';

/** The widest page numbers the header may print, used when measuring. */
export const WIDEST_PAGE = 8888;

function cellToPdf(cell: FrameCell, page: number | string, pages: number | string): TableCell {
  const spans = { ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}), ...(cell.colSpan > 1 ? { colSpan: cell.colSpan } : {}) };
  const [only] = cell.parts;
  if (cell.parts.length === 1 && only) return { ...(partToPdf(only, page, pages) as object), ...spans } as TableCell;
  return { stack: cell.parts.map((part) => partToPdf(part, page, pages)), ...spans } as TableCell;
}

/** The header table itself, without the page margins around it. */
export function headerTable(context: DocumentContext, page: number | string, pages: number | string): Content {
  const { header } = context.frame;
  const columns = header.widths.length;
  // pdfmake wants every grid position in every row: spanned ones hold ''.
  const grid: TableCell[][] = header.rows.map(() => Array<TableCell>(columns).fill(''));
  for (const row of header.rows) for (const cell of row) grid[cell.row]![cell.column] = cellToPdf(cell, page, pages);
  // A draft or an obsolete version says so in the block itself, on every page.
  const notice = STATE_NOTICES[context.state];
  if (notice) grid.push([{ text: notice, bold: true, colSpan: columns, alignment: 'center', color: COLORS.notice }, ...Array<TableCell>(columns - 1).fill('')]);
  return {
    table: { widths: [...header.widths], body: grid },
    layout: { ...RULES, paddingTop: () => 2, paddingBottom: () => 2 },
    style: 'header',
    ...(header.fontSize !== 8.5 ? { fontSize: header.fontSize } : {}),
  };
}

/** The text of the header's page-number part on a page, if the header has one. */
function pageLabelText(context: DocumentContext, page: number, pages: number): string | undefined {
  for (const row of context.frame.header.rows) {
    for (const cell of row) {
      for (const part of cell.parts) if (part.kind === 'text' && part.segments.some((s) => 'page' in s)) return partText(part as FrameText, page, pages);
    }
  }
  return undefined;
}

/**
 * pdfmake's header callback: the table inside the page's side margins. Only
 * the page label changes from page to page, which lets pdfmake lay the
 * block out once (see repeated-blocks.ts).
 */
export function headerForPage(context: DocumentContext) {
  return (currentPage: number, pageCount: number): Content => {
    const label = pageLabelText(context, currentPage, pageCount);
    return {
      stack: [headerTable(context, currentPage, pageCount)],
      margin: [SIDE_MARGIN, EDGE_GAP, SIDE_MARGIN, 0],
      [REPEATED_BLOCK]: label === undefined ? { key: 'header' } : { key: 'header', variable: label },
    } as Content;
  };
}
