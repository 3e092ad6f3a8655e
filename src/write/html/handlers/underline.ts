import type { Underline } from '../../../parse/nodes.js';
import { children, element, type HtmlHandler } from '../state.js';

// <u> means "unarticulated annotation" (a misspelling), not emphasis: the
// source's underlined titles are plain text styled underlined.
export const underline: HtmlHandler<Underline> = (state, node) => {
  const result = element('span', { className: ['subrayado'] }, children(state, node));
  state.patch(node, result);
  return result;
};
