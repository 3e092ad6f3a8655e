// Reference-style links ([texto][ref] with "[ref]: https://…" elsewhere)
// become ordinary links, so writers only ever see `link`; the definitions
// themselves print nothing and are removed. Footnotes are not part of the
// Markdown docctl accepts: a printed controlled document has no place where
// every edition could put them the same way.
import type { Definition, Link, Root } from 'mdast';
import { SKIP, walk } from '../walk.js';
import { MarkdownProblem } from '../markdown-problem.js';

const normalise = (id: string) => id.trim().replace(/\s+/g, ' ').toLowerCase();

export function resolveReferences(tree: Root): void {
  const definitions = new Map<string, Definition>();
  walk(tree, 'definition', (node) => {
    definitions.set(normalise(node.identifier), node);
  });
  walk(tree, (node, index, parent) => {
    if (!parent || index === undefined) return;
    if (node.type === 'footnoteReference' || node.type === 'footnoteDefinition') {
      throw new MarkdownProblem('las notas al pie ([^1]) no se admiten; escriba la nota en el texto o entre paréntesis', node);
    }
    if (node.type === 'definition') {
      parent.children.splice(index, 1);
      return [SKIP, index];
    }
    if (node.type === 'linkReference') {
      const definition = definitions.get(normalise(node.identifier));
      const link: Link = { type: 'link', url: definition?.url ?? '', title: definition?.title ?? null, children: node.children, position: node.position };
      (parent.children as unknown[]).splice(index, 1, link);
    }
    return undefined;
  });
}
