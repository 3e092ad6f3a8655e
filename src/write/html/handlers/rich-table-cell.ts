import type { RichTableCell } from '../../../parse/nodes.js';
import { children, element, type HtmlHandler, type ToHastState } from '../state.js';

/** A cell holds blocks (paragraphs, lists); a header cell names its column. */
export function cellToHast(state: ToHastState, node: RichTableCell, header: boolean) {
  const result = header ? element('th', { scope: 'col' }, children(state, node)) : element('td', {}, children(state, node));
  state.patch(node, result);
  return result;
}

// Reached only if a cell is walked outside its table: a plain data cell.
export const richTableCell: HtmlHandler<RichTableCell> = (state, node) => cellToHast(state, node, false);
