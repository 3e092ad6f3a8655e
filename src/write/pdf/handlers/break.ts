// A hard line break ("\\" at the end of a line) inside a paragraph.
import type { Break } from 'mdast';
import type { Handler } from '../state.js';

export const breakHandler: Handler<Break> = () => ['\n'];
