// Every table (GFM or :::tabla). Header rows are shaded and repeated on each
// page; column widths come from content (layout/column-widths.ts). Rows are
// kept whole on one page unless one is tall (over about a third of a page):
// moving such a row leaves half-empty pages, and one taller than a page
// could never be placed at all. The estimate can be wrong (a code block, hard
// line breaks): when the layout finds a row that does not fit on a page,
// unbreakable-overflow.ts names the table and index.ts draws it again with
// relaxedTables, every row allowed to break (then, if a header row itself
// is taller than a page, without repeating it). A caption carries a
// headlineLevel so the page-break rule in index.ts keeps it with its table.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { RichTable } from '../../../parse/nodes.js';
import { columnWidths } from '../layout/column-widths.js';
import type { Handler, PdfState } from '../state.js';
import { COLORS, TABLE_SIZE, RULES } from '../styles.js';
import { TABLE_ORDINAL } from '../engine-patches/unbreakable-overflow.js';

const CELL_PADDING = 4;
/** Rows estimated taller than this may split across pages. */
const MAX_UNBREAKABLE_ROW = 220;

export const richTable: Handler<RichTable> = (node, state) => {
  const widths = columnWidths(node, {
    available: state.settings.bodyWidth,
    fontSize: TABLE_SIZE,
    cellPadding: 2 * CELL_PADDING,
    measure: state.settings.measure,
  });
  const body: TableCell[][] = node.children.map((row, rowIndex) => {
    const cells = state.one(row, node) as TableCell[];
    if (rowIndex >= node.headerRows) return cells;
    return cells.map((cell) => ({ ...asObject(leftAlignLists(cell)), style: 'tableHeader', fillColor: COLORS.shade }) as TableCell);
  });
  const ordinal = state.settings.tree.tables.get(node)?.ordinal;
  const relief = ordinal === undefined ? undefined : state.settings.relaxedTables?.get(ordinal);
  const headerRows = relief === 'header' ? 0 : node.headerRows;
  const table: Content = {
    [TABLE_ORDINAL]: ordinal,
    table: {
      headerRows,
      keepWithHeaderRows: headerRows > 0 && !relief ? 1 : 0,
      dontBreakRows: !relief && estimatedTallestRow(node, widths, state) <= MAX_UNBREAKABLE_ROW,
      widths,
      body,
    },
    layout: {
      ...RULES,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
    style: 'tableCell',
    margin: [0, 0, 0, 10],
  } as Content;
  if (!node.caption) return [table];
  return [{ text: node.caption, style: 'caption', headlineLevel: 9 }, table];
};

/**
 * pdfmake draws a numbered list's markers where a left-aligned line would
 * start, so in a centred header cell they land on the words (the property
 * test found "iOKF" read as "iOKF2" by pdftotext): lists there stay left-aligned.
 */
function leftAlignLists(content: TableCell): TableCell {
  if (Array.isArray(content)) return content.map(leftAlignLists) as TableCell;
  if (typeof content !== 'object' || content === null) return content;
  const node = content as Record<string, unknown>;
  if ('ul' in node || 'ol' in node) return { ...node, alignment: 'left' } as TableCell;
  if (Array.isArray(node.stack)) return { ...node, stack: node.stack.map(leftAlignLists) } as TableCell;
  return content;
}

function asObject(cell: TableCell): Record<string, unknown> {
  return typeof cell === 'object' && cell !== null ? { ...(cell as object) } : { text: cell };
}

/** A rough height (points) of the tallest row: lines of text times line height. */
function estimatedTallestRow(node: RichTable, widths: readonly number[], state: PdfState): number {
  const lineHeight = TABLE_SIZE * 1.15 * 1.2;
  let tallest = 0;
  for (const row of node.children) {
    row.children.forEach((cell, column) => {
      tallest = Math.max(tallest, estimatedLines(cell.children, widths[column] ?? 1, state) * lineHeight);
    });
  }
  return tallest;
}

/** Lines a run of blocks takes in a column: every paragraph and list item starts a line. */
function estimatedLines(blocks: readonly Nodes[], width: number, state: PdfState): number {
  let lines = 0;
  for (const block of blocks) {
    if (block.type === 'list' || block.type === 'listItem' || block.type === 'blockquote') {
      lines += estimatedLines(block.children, width - 2 * TABLE_SIZE, state);
    } else {
      lines += Math.max(1, Math.ceil(state.settings.measure.width(toString(block), TABLE_SIZE) / Math.max(width, 1)));
    }
  }
  return lines;
}
