// > quoted text (a cited article of a law): indented and italic.
import type { Blockquote } from 'mdast';
import type { Handler } from '../state.js';

export const blockquote: Handler<Blockquote> = (node, state) => [
  { stack: state.all(node), margin: [24, 0, 24, 6], italics: true },
];
