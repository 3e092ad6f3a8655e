// ~~struck~~ (GFM): kept visible as struck text, as a Word document shows it.
import type { Delete } from 'mdast';
import type { Handler } from '../state.js';
import { withStyle } from './inline-runs.js';

export const deleteHandler: Handler<Delete> = (node, state) => withStyle(state.all(node), { decoration: 'lineThrough' });
