import { Paragraph, TextRun } from 'docx';
import type { Handler } from '../state.js';
import type { GlossaryEntry } from '../../../parse/nodes.js';
import { STYLE } from '../layout/styles.js';

export const glossaryEntry: Handler<GlossaryEntry> = (node, state) => [
  new Paragraph({
    style: STYLE.glossaryEntry,
    children: [new TextRun({ text: `${node.term}:`, style: STYLE.glossaryTerm }), new TextRun(' '), ...state.inlines(node)],
  }),
];
