import { Paragraph, Table, TableLayoutType, TableRow, WidthType } from 'docx';
import type { Handler } from '../state.js';
import type { RichTable } from '../../../parse/nodes.js';
import { columnWidths } from '../table-widths.js';
import { estimatedRowHeight } from '../row-height.js';
import { STYLE } from '../layout/styles.js';
import { TABLE_BORDERS } from '../layout/borders.js';

// A fixed grid (table-widths.ts) so Word and LibreOffice lay it out alike;
// rows that fit in half a page never split (row-height.ts). A taller row may
// split, header rows included: Word and LibreOffice clip a row that cannot
// split and is taller than a page, and a header row that tall is not
// repeated on every page (it would fill each one).
export const richTable: Handler<RichTable> = (node, state) => {
  const caption = node.caption ? [new Paragraph({ style: STYLE.caption, text: node.caption })] : [];
  // Word cannot open a table without rows; the parse stage never makes one.
  if (node.children.length === 0) return caption;
  const widths = columnWidths(node, state.scope.availableWidth);
  const { page } = state.settings;
  const halfPage = (page.height - page.margin.top - page.margin.bottom) / 2;
  const short = node.children.map((row) => estimatedRowHeight(row, widths) < halfPage);
  const repeatHeader = short.slice(0, node.headerRows).every(Boolean);
  const rows = node.children.map((row, index) => {
    const header = index < node.headerRows;
    const keepWhole = short[index] === true;
    return state.within({ row: { widths, header, repeat: header && repeatHeader, keepWhole } }, () => state.one(row, node));
  });
  const table = new Table({
    style: STYLE.table,
    borders: TABLE_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
    rows: rows.flat().map((row) => {
      if (!(row instanceof TableRow)) throw new Error('internal: a richTableRow handler returned something else than a row');
      return row;
    }),
  });
  return [...caption, table];
};
