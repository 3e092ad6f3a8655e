// What handlers need to know about the whole tree before drawing any node:
// the heading ids, so "#seccion-…" links can jump to their section.
// The parse stage's walk (parse/walk.ts), not unist-util-visit: that builds
// an ancestors array for every node, which made this index cost ~3 ms per
// 29-page render.
import type { Root } from 'mdast';
import { walk } from '../../parse/walk.js';

export interface TreeIndex {
  readonly headingIds: ReadonlySet<string>;
}

export function indexTree(tree: Root): TreeIndex {
  const headingIds = new Set<string>();
  walk(tree, 'heading', (heading) => {
    if (heading.data?.id) headingIds.add(heading.data.id);
  });
  return { headingIds };
}
