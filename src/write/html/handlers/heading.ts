import type { Heading } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { children, element, text, type HtmlHandler } from '../state.js';

/** The page's only <h1> is the document title, so sections start at <h2>. */
export const HEADING_SHIFT = 1;

// The generated number ("5.4.1.") is printed before the text; the id is the
// stable anchor numberHeadings gave it.
export const heading: HtmlHandler<Heading> = (state, node, _parent, settings) => {
  const number = node.data?.number;
  const level = Math.min(6, node.depth + HEADING_SHIFT);
  settings.currentSection = [number, toString(node)].filter(Boolean).join(' ');
  const content = children(state, node);
  const result = element(`h${level}`, node.data?.id ? { id: `${settings.idPrefix}${node.data.id}` } : {}, [
    ...(number ? [element('span', { className: ['numero'] }, [text(number)]), text(' ')] : []),
    ...content,
  ]);
  state.patch(node, result);
  return result;
};
