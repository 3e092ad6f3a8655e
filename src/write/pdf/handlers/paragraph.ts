// A paragraph: one pdfmake text block whose inline runs come from the
// children. Inside a tight list item or a table cell the space after it
// shrinks, so lists and cells do not look double-spaced.
import type { ListItem, Paragraph } from 'mdast';
import type { Handler } from '../state.js';

export const paragraph: Handler<Paragraph> = (node, state, parent) => {
  const tight = (parent?.type === 'listItem' && !(parent as ListItem).spread) || parent?.type === 'richTableCell';
  return [{ text: state.all(node), style: tight ? 'paragraphTight' : 'paragraph' }];
};
