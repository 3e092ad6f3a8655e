// A fenced block: kept line by line (preserveLeadingSpaces) so indentation survives.
import type { Code } from 'mdast';
import type { Handler } from '../state.js';

export const code: Handler<Code> = (node) => [
  { text: node.value, style: 'code', preserveLeadingSpaces: true, margin: [12, 0, 0, 6] },
];
