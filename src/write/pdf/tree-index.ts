// What handlers need to know about the whole tree before drawing any node:
// the heading ids, so "#seccion-…" links can jump to their section, and each
// table's ordinal, so a table whose rows do not fit on a page can be named
// and laid out again with its rows allowed to break (unbreakable-overflow.ts).
// The parse stage's walk (parse/walk.ts), not unist-util-visit: that builds
// an ancestors array for every node, which made this index cost ~3 ms per
// 29-page render.
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichTable } from '../../parse/nodes.js';
import { walk } from '../../parse/walk.js';

export interface TreeIndex {
  readonly headingIds: ReadonlySet<string>;
  /** Every table, in document order, with the heading of the section it is in. */
  readonly tables: ReadonlyMap<RichTable, { readonly ordinal: number; readonly section: string | undefined }>;
}

export function indexTree(tree: Root): TreeIndex {
  const headingIds = new Set<string>();
  const tables = new Map<RichTable, { ordinal: number; section: string | undefined }>();
  let section: string | undefined;
  walk(tree, (node) => {
    if (node.type === 'frontSection') {
      section = node.title;
    } else if (node.type === 'heading') {
      if (node.data?.id) headingIds.add(node.data.id);
      section = toString(node);
    } else if (node.type === 'richTable') {
      tables.set(node, { ordinal: tables.size, section });
    }
  });
  return { headingIds, tables };
}
