// One list item: its blocks stacked (paragraph.ts keeps tight items tight).
import type { ListItem } from 'mdast';
import type { Handler } from '../state.js';

export const listItem: Handler<ListItem> = (node, state) => [{ stack: state.all(node) }];
