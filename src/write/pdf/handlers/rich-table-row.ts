// A row is the list of its cells; rich-table.ts decides header styling.
import type { RichTableRow } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

export const richTableRow: Handler<RichTableRow> = (node, state) => node.children.flatMap((cell) => state.one(cell, node));
