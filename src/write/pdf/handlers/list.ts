// Bulleted and numbered lists; an ordered list keeps its start number.
import type { List } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { Handler } from '../state.js';

export const list: Handler<List> = (node, state) => {
  const items: Content[] = node.children.flatMap((item) => state.one(item, node));
  const margin: [number, number, number, number] = [8, 0, 0, 6];
  if (node.ordered) return [{ ol: items, start: node.start ?? 1, margin }];
  return [{ ul: items, margin }];
};
