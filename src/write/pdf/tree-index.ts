// What handlers need to know about the whole tree before drawing any node:
// the heading ids, so "#seccion-…" links can jump to their section.
// A plain walk over `children`: unist-util-visit builds an ancestors array
// for every node, which made this index cost ~3 ms per 29-page render.
import type { Nodes, Root } from 'mdast';

export interface TreeIndex {
  readonly headingIds: ReadonlySet<string>;
}

export function indexTree(tree: Root): TreeIndex {
  const headingIds = new Set<string>();
  const walk = (node: Nodes) => {
    if (node.type === 'heading' && node.data?.id) headingIds.add(node.data.id);
    if ('children' in node) for (const child of node.children) walk(child);
  };
  walk(tree);
  return { headingIds };
}
