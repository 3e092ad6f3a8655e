import type { List } from 'mdast';
import type { Handler } from '../state.js';
import { BULLET_REFERENCE, orderedReference } from '../layout/numbering.js';

// Every Markdown list is a numbering instance of its own, so an ordered list
// after a paragraph starts again at its start instead of continuing the last.
export const list: Handler<List> = (node, state) => {
  const start = node.ordered ? (node.start ?? 1) : undefined;
  if (start !== undefined) state.orderedStarts.add(start);
  const reference = start === undefined ? BULLET_REFERENCE : orderedReference(start);
  const outer = state.scope.list;
  const level = Math.min(outer ? outer.level + 1 : 0, 8);
  const instance = state.nextListInstance();
  return node.children.flatMap((item) =>
    state.within({ list: { reference, level, instance, numberNext: true } }, () => state.one(item, node)),
  );
};
