// Numbered headings ("5.4.1. OBJETIVO GENERAL"). Each is a table-of-contents
// entry (pdfmake fills in its page number), a link destination (its id) and
// a bookmark nested under its parent section, so the PDF can be navigated.
import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Handler } from '../state.js';

export const heading: Handler<Heading> = (node, state) => {
  const number = node.data?.number;
  const id = node.data?.id;
  const depth = Math.min(node.depth, 4);
  const label = number ? `${number} ${toString(node)}` : toString(node);
  const parentId = id ? id.replace(/-\d+$/, '') : undefined;
  return [
    {
      text: number ? [`${number} `, ...state.all(node)] : state.all(node),
      style: `h${depth}`,
      headlineLevel: node.depth,
      // Listed in the contents down to the depth the format asks for.
      tocItem: node.depth <= (state.settings.context.frame.contents?.depth ?? 6),
      tocStyle: node.depth === 1 ? { bold: true } : {},
      tocMargin: [(node.depth - 1) * 14, node.depth === 1 ? 4 : 1, 0, 1],
      ...(id ? { id } : {}),
      outline: true,
      outlineText: label,
      ...(parentId && parentId !== id && state.settings.tree.headingIds.has(parentId) ? { outlineParentId: parentId } : {}),
    },
  ];
};
