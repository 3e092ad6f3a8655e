// A table cell holds blocks: several paragraphs, numbered lists, underlined
// titles (seed 000). They are stacked; an empty cell stays an empty string
// so pdfmake still draws its borders.
import type { RichTableCell } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

export const richTableCell: Handler<RichTableCell> = (node, state) =>
  node.children.length === 0 ? [''] : [{ stack: state.all(node) }];
