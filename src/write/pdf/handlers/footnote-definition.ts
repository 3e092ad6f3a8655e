// A footnote's text, printed small where the Markdown defines it (usually at
// the end of a section); pdfmake has no page-foot notes.
import type { FootnoteDefinition } from 'mdast';
import type { Handler } from '../state.js';

export const footnoteDefinition: Handler<FootnoteDefinition> = (node, state) => {
  const number = state.settings.tree.footnotes.get(node.identifier);
  if (number === undefined) return [];
  return [{ columns: [{ text: String(number), width: 14 }, { stack: state.all(node), width: '*' }], fontSize: 8.5, columnGap: 2 }];
};
