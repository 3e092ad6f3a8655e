// "Término: definición" — the term in bold, as the seeds print it.
import type { GlossaryEntry } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

export const glossaryEntry: Handler<GlossaryEntry> = (node, state) => [
  { text: [{ text: `${node.term}: `, bold: true }, ...state.all(node)], style: 'paragraph' },
];
