// What handlers need to know about the whole tree before drawing any node:
// heading ids (so "#seccion-…" links can jump), link definitions (for
// [texto][ref] references) and footnote numbers, in order of first use.
import type { Root } from 'mdast';
import { visit } from 'unist-util-visit';

export interface TreeIndex {
  readonly headingIds: ReadonlySet<string>;
  readonly definitions: ReadonlyMap<string, string>;
  readonly footnotes: ReadonlyMap<string, number>;
}

export function indexTree(tree: Root): TreeIndex {
  const headingIds = new Set<string>();
  const definitions = new Map<string, string>();
  const footnotes = new Map<string, number>();
  visit(tree, (node) => {
    if (node.type === 'heading' && node.data?.id) headingIds.add(node.data.id);
    else if (node.type === 'definition' && !definitions.has(node.identifier)) definitions.set(node.identifier, node.url);
    else if (node.type === 'footnoteReference' && !footnotes.has(node.identifier)) footnotes.set(node.identifier, footnotes.size + 1);
  });
  return { headingIds, definitions, footnotes };
}
