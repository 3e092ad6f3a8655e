import type { InlineCode } from 'mdast';
import { TextRun } from 'docx';
import type { Handler } from '../state.js';
import { STYLE } from '../layout/styles.js';

export const inlineCode: Handler<InlineCode> = (node, state) => [
  new TextRun({ text: node.value, ...state.scope.marks, style: STYLE.verbatim }),
];
