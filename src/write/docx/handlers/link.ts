import type { Link } from 'mdast';
import { ExternalHyperlink, InternalHyperlink } from 'docx';
import type { Handler } from '../state.js';
import { STYLE } from '../layout/styles.js';

// "#seccion-5-4-1" points at a heading's bookmark (heading.ts); anything
// else is an external address. Links take Word's Hyperlink character style.
export const link: Handler<Link> = (node, state) => {
  const children = state.within({ marks: { ...state.scope.marks, style: STYLE.hyperlink } }, () => state.inlines(node));
  if (node.url.startsWith('#')) return [new InternalHyperlink({ anchor: node.url.slice(1), children })];
  return [new ExternalHyperlink({ link: node.url, children })];
};
