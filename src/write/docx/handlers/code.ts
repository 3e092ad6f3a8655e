import type { Code } from 'mdast';
import { Paragraph, TextRun } from 'docx';
import type { Handler } from '../state.js';
import { STYLE } from '../layout/styles.js';

// One paragraph, lines joined by breaks, so the block stays one unit.
export const code: Handler<Code> = (node) => [
  new Paragraph({
    style: STYLE.code,
    children: node.value.split('\n').map((line, index) => new TextRun({ text: line, break: index > 0 ? 1 : undefined })),
  }),
];
