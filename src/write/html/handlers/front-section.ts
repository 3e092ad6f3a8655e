import type { FrontSection } from '../../../parse/nodes.js';
import { children, element, text, type HtmlHandler } from '../state.js';
import { HEADING_SHIFT } from './heading.js';

// An unnumbered section before the body (control de cambios).
export const frontSection: HtmlHandler<FrontSection> = (state, node, _parent, settings) => {
  const id = `${settings.idPrefix}${node.kind}`;
  settings.currentSection = node.title;
  const result = element('section', { className: ['seccion-preliminar'], ariaLabelledBy: [id] }, [
    element(`h${1 + HEADING_SHIFT}`, { id }, [text(node.title)]),
    ...children(state, node),
  ]);
  state.patch(node, result);
  return result;
};
