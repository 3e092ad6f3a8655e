import { Paragraph, ShadingType, Table, TableCell, VerticalAlignTable, WidthType } from 'docx';
import type { Handler } from '../state.js';
import type { RichTableCell } from '../../../parse/nodes.js';
import { HEADER_FILL, STYLE } from '../layout/styles.js';

const CELL_PADDING = 2 * 85;

export const richTableCell: Handler<RichTableCell> = (node, state, parent) => {
  const row = state.scope.row;
  if (!row || !parent) throw new Error('internal: richTableCell outside a richTableRow');
  const cells: readonly object[] = parent.children;
  const width = row.widths[cells.indexOf(node)] ?? 0;
  const style = row.header ? STYLE.tableHeading : STYLE.tableText;
  // A cell starts fresh: no marks, no list, its own width for nested tables.
  const blocks = state.within({ marks: {}, list: undefined, paragraphStyle: style, availableWidth: width - CELL_PADDING, row: undefined }, () =>
    state.blocks(node),
  );
  const children = blocks.map((block) => {
    if (block instanceof Paragraph || block instanceof Table) return block;
    throw new Error('internal: a table of contents inside a table cell');
  });
  // Word requires every cell to end with a paragraph.
  if (children.length === 0 || children.at(-1) instanceof Table) children.push(new Paragraph({ style }));
  return [
    new TableCell({
      children,
      width: { size: width, type: WidthType.DXA },
      shading: row.header ? { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } : undefined,
      verticalAlign: row.header ? VerticalAlignTable.CENTER : undefined,
    }),
  ];
};
