import type { Glossary } from '../../../parse/nodes.js';
import { children, element, type HtmlHandler } from '../state.js';

// A glossary is a description list: one <dt>/<dd> pair per term.
export const glossary: HtmlHandler<Glossary> = (state, node) => {
  const result = element('dl', { className: ['glosario'] }, children(state, node));
  state.patch(node, result);
  return result;
};
