import type { GlossaryEntry } from '../../../parse/nodes.js';
import { children, element, text, type HtmlHandler } from '../state.js';

// HTML allows one <div> around each <dt>/<dd> group of a <dl>.
export const glossaryEntry: HtmlHandler<GlossaryEntry> = (state, node) => {
  const result = element('div', {}, [element('dt', {}, [text(node.term)]), element('dd', {}, children(state, node))]);
  state.patch(node, result);
  return result;
};
