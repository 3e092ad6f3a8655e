import type { Break } from 'mdast';
import { TextRun } from 'docx';
import type { Handler } from '../state.js';

// A hard line break (backslash or two spaces at the end of the line).
export const lineBreak: Handler<Break> = () => [new TextRun({ break: 1 })];
