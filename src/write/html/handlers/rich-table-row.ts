import type { RichTableRow } from '../../../parse/nodes.js';
import { element, type HtmlHandler, type ToHastState } from '../state.js';
import { cellToHast } from './rich-table-cell.js';

export function rowToHast(state: ToHastState, node: RichTableRow, header: boolean) {
  const result = element('tr', {}, node.children.map((cell) => cellToHast(state, cell, header)));
  state.patch(node, result);
  return result;
}

// Reached only if a row is walked outside its table: a body row.
export const richTableRow: HtmlHandler<RichTableRow> = (state, node) => rowToHast(state, node, false);
