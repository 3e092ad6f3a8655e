import type { Delete } from 'mdast';
import type { Handler } from '../state.js';

// GFM ~~tachado~~: kept visible, as the source shows it.
export const strikethrough: Handler<Delete> = (node, state) =>
  state.within({ marks: { ...state.scope.marks, strike: true } }, () => state.inlines(node));
