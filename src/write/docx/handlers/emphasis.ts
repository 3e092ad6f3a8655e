import type { Emphasis } from 'mdast';
import type { Handler } from '../state.js';

export const emphasis: Handler<Emphasis> = (node, state) =>
  state.within({ marks: { ...state.scope.marks, italics: true } }, () => state.inlines(node));
