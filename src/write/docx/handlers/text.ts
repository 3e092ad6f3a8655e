import type { Text } from 'mdast';
import { TextRun } from 'docx';
import type { Handler } from '../state.js';

// A soft line break in Markdown is a space; only `break` nodes break lines.
export const text: Handler<Text> = (node, state) => [new TextRun({ text: node.value.replace(/[ \t]*\n[ \t]*/g, ' '), ...state.scope.marks })];
