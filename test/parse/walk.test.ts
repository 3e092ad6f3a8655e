// walk() (src/parse/walk.ts) must behave exactly as unist-util-visit, whose
// contract the transforms were written against: the same nodes visited in
// the same order with the same index and parent, and the same tree left
// behind, whatever the visitor returns or changes on the way.
import fc from 'fast-check';
import type { Nodes, Parents } from 'mdast';
import { visit } from 'unist-util-visit';
import { describe, expect, it } from 'vitest';
import { EXIT, SKIP, walk } from '../../src/parse/walk.js';

interface TestNode {
  type: string;
  id: number;
  children?: TestNode[];
}

const TYPES = ['paragraph', 'text', 'heading', 'list', 'table'] as const;
const ACTIONS = ['continue', 'continue', 'continue', 'skip', 'jump', 'remove', 'replace', 'replaceAndEnter', 'exit'] as const;

interface Shape {
  type: string;
  children?: Shape[];
}

const treeArbitrary = fc.letrec<{ node: Shape }>((tie) => ({
  node: fc.record(
    {
      type: fc.constantFrom(...TYPES),
      children: fc.array(tie('node'), { maxLength: 4 }),
    },
    { requiredKeys: ['type'] },
  ),
})).node;

/** Numbers every node, so a visitor can decide from a node what to do with it. */
function numbered(node: Shape, next = { id: 0 }): TestNode {
  return { type: node.type, id: next.id++, ...(node.children ? { children: node.children.map((child) => numbered(child, next)) } : {}) };
}

type Walker = (tree: TestNode, type: string | undefined, visitor: (node: TestNode, index: number | undefined, parent: TestNode | undefined) => unknown) => void;

const withVisit: Walker = (tree, type, visitor) =>
  type === undefined ? visit(tree as never, visitor as never) : visit(tree as never, type, visitor as never);
const withWalk: Walker = (tree, type, visitor) =>
  type === undefined ? walk(tree as unknown as Nodes, visitor as never) : walk(tree as unknown as Nodes, type as Nodes['type'], visitor as never);

/** Walks a copy of `tree` with a visitor whose choices depend only on what it is shown; returns what it saw and the tree left. */
function run(walker: Walker, tree: TestNode, type: string | undefined, choices: readonly number[]) {
  const copy = structuredClone(tree);
  const seen: string[] = [];
  const acted = new Set<number>();
  let fresh = 1000;
  walker(copy, type, (node, index, parent) => {
    seen.push(`${node.type}#${node.id}@${index ?? '-'} in ${parent ? `#${parent.id}` : 'raíz'}`);
    if (seen.length > 300) return EXIT;
    if (acted.has(node.id)) return undefined;
    acted.add(node.id);
    const action = ACTIONS[choices[node.id % choices.length]! % ACTIONS.length]!;
    if (!parent || index === undefined) return action === 'skip' ? SKIP : undefined;
    switch (action) {
      case 'skip':
        return SKIP;
      case 'jump':
        return index + 2;
      case 'remove':
        parent.children!.splice(index, 1);
        return [SKIP, index];
      case 'replace':
        parent.children!.splice(index, 1, { type: 'text', id: fresh++ });
        return [SKIP, index];
      case 'replaceAndEnter':
        parent.children!.splice(index, 1, { type: 'list', id: fresh++, children: node.children ?? [] });
        return undefined;
      case 'exit':
        return choices.length % 3 === 0 ? EXIT : undefined;
      default:
        return undefined;
    }
  });
  return { seen, tree: copy };
}

describe('walk', () => {
  it('visits, skips, jumps, exits and follows changes exactly as unist-util-visit', () => {
    fc.assert(
      fc.property(treeArbitrary, fc.option(fc.constantFrom(...TYPES), { nil: undefined }), fc.array(fc.nat(), { minLength: 1, maxLength: 12 }), (shape, type, choices) => {
        const tree = numbered({ ...shape, type: 'root', children: shape.children ?? [] });
        expect(run(withWalk, tree, type, choices)).toEqual(run(withVisit, tree, type, choices));
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the visitor the node, its index and its parent', () => {
    const tree = { type: 'root', children: [{ type: 'paragraph', children: [{ type: 'text', value: 'a' }] }] } as unknown as Parents;
    const calls: string[] = [];
    walk(tree, 'text', (node, index, parent) => {
      calls.push(`${node.value} ${index} ${parent?.type}`);
    });
    expect(calls).toEqual(['a 0 paragraph']);
  });
});
