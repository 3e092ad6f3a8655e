// Plain text. Soft line breaks inside a paragraph are spaces in print.
import type { Text } from 'mdast';
import type { Handler } from '../state.js';

export const text: Handler<Text> = (node) => [node.value.replace(/\r?\n/g, ' ')];
