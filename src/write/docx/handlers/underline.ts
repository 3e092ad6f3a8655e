import type { Handler } from '../state.js';
import type { Underline } from '../../../parse/nodes.js';

export const underline: Handler<Underline> = (node, state) =>
  state.within({ marks: { ...state.scope.marks, underline: { type: 'single' } } }, () => state.inlines(node));
