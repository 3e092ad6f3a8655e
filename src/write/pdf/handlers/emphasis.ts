// *italic*
import type { Emphasis } from 'mdast';
import type { Handler } from '../state.js';
import { withStyle } from './inline-runs.js';

export const emphasis: Handler<Emphasis> = (node, state) => withStyle(state.all(node), { italics: true });
