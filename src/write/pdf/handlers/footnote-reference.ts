// A footnote mark[^1]: a superscript number, numbered by first use.
import type { FootnoteReference } from 'mdast';
import type { Handler } from '../state.js';

export const footnoteReference: Handler<FootnoteReference> = (node, state) => {
  const number = state.settings.tree.footnotes.get(node.identifier);
  return number === undefined ? [] : [{ text: String(number), sup: true }];
};
