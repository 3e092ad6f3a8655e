import { TableCell, TableRow } from 'docx';
import type { Handler } from '../state.js';
import type { RichTableRow } from '../../../parse/nodes.js';

// Header rows repeat on every page (tblHeader); a row that fits on a page
// does not split, so a cell's numbered list is never cut from its first line.
export const richTableRow: Handler<RichTableRow> = (node, state) => {
  const cells = state.all(node).map((cell) => {
    if (!(cell instanceof TableCell)) throw new Error('internal: a richTableCell handler returned something else than a cell');
    return cell;
  });
  return [new TableRow({ children: cells, tableHeader: state.scope.row?.repeat || undefined, cantSplit: state.scope.row?.keepWhole || undefined })];
};
