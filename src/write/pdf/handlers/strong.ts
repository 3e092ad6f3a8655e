// **bold** (Roboto Medium).
import type { Strong } from 'mdast';
import type { Handler } from '../state.js';
import { withStyle } from './inline-runs.js';

export const strong: Handler<Strong> = (node, state) => withStyle(state.all(node), { bold: true });
