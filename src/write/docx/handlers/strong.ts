import type { Strong } from 'mdast';
import type { Handler } from '../state.js';

export const strong: Handler<Strong> = (node, state) =>
  state.within({ marks: { ...state.scope.marks, bold: true } }, () => state.inlines(node));
