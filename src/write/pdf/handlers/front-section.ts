// The unnumbered CONTROL DE CAMBIOS section, printed between the contents and
// the body, listed in the contents, and ending its own page.
import type { FrontSection } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

export const frontSection: Handler<FrontSection> = (node, state) => [
  {
    stack: [
      {
        text: node.title,
        style: 'h1',
        headlineLevel: 1,
        tocItem: true,
        tocStyle: { bold: true },
        tocMargin: [0, 4, 0, 1],
        id: node.kind,
        outline: true,
        outlineText: node.title,
      },
      ...state.all(node),
    ],
    // Before the body it ends its own page; after the body it opens one.
    pageBreak: node.atEnd ? 'before' : 'after',
  },
];
