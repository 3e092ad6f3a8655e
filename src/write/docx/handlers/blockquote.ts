import type { Blockquote } from 'mdast';
import type { Handler } from '../state.js';
import { STYLE } from '../layout/styles.js';

export const blockquote: Handler<Blockquote> = (node, state) =>
  state.within({ paragraphStyle: STYLE.quote }, () => state.blocks(node));
