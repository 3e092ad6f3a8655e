// :subrayado[…] — underlined titles inside tables (seed 000).
import type { Underline } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';
import { withStyle } from './inline-runs.js';

export const underline: Handler<Underline> = (node, state) => withStyle(state.all(node), { decoration: 'underline' });
