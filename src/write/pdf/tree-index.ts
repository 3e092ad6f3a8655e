// What handlers need to know about the whole tree before drawing any node:
// the heading ids, so "#seccion-…" links can jump to their section.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface TreeIndex {
  readonly headingIds: ReadonlySet<string>;
}

export function indexTree(tree: Root): TreeIndex {
  const headingIds = new Set<string>();
  visit(tree, 'heading', (node) => {
    if (node.data?.id) headingIds.add(node.data.id);
  });
  return { headingIds };
}
