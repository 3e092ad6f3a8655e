// The depth-first walk the parse stage's transforms make over a document's
// tree, with unist-util-visit's contract: the visitor gets (node, index,
// parent); it may return SKIP (do not enter this node), EXIT, an index to
// go on from among the siblings, or [action, index]; children are read
// after the visitor returns, so it may replace or remove the node it is
// given (a replaced node's old children are still entered, as there).
//
// Why not unist-util-visit itself: for every node it visits, it makes a
// closure, copies the ancestors into a new array and renames the closure
// (Object.defineProperty, for readable stack traces). parseMarkdown walks a
// 26-page policy's ~10,000 nodes seven times; a build profile put ~20 ms per
// document there and ~20 MB of garbage per render, which the collector paid
// for again. This walk allocates nothing. test/parse/walk.test.ts checks it
// against unist-util-visit on random trees and random visitors.
import type { Nodes, Parents } from 'mdast';
import { CONTINUE, EXIT, SKIP } from 'unist-util-visit';

export { CONTINUE, EXIT, SKIP };

type Action = typeof CONTINUE | typeof EXIT | typeof SKIP;
export type WalkResult = Action | number | readonly [Action?, number?] | void;

type NodeOfType<K extends Nodes['type']> = Extract<Nodes, { type: K }>;
type Visitor<N> = (node: N, index: number | undefined, parent: Parents | undefined) => WalkResult;

// Where the last visited node asked its siblings' walk to go on: set by
// enter() just before it returns, read by its caller straight away.
let jumpTo: number | undefined;

function enter(node: Nodes, index: number | undefined, parent: Parents | undefined, type: string | undefined, visitor: Visitor<Nodes>): boolean {
  let action: unknown = CONTINUE;
  let jump: number | undefined;
  if (type === undefined || node.type === type) {
    const result = visitor(node, index, parent);
    if (Array.isArray(result)) {
      action = result[0] ?? CONTINUE;
      jump = typeof result[1] === 'number' ? result[1] : undefined;
    } else if (typeof result === 'number') {
      jump = result;
    } else if (result !== undefined && result !== null) {
      action = result;
    }
    if (action === EXIT) return false;
  }
  if (action !== SKIP && 'children' in node && node.children) {
    const asParent = node as Parents;
    let offset = 0;
    while (offset > -1 && offset < asParent.children.length) {
      if (!enter(asParent.children[offset] as Nodes, offset, asParent, type, visitor)) return false;
      offset = jumpTo ?? offset + 1;
    }
  }
  jumpTo = jump;
  return true;
}

/** Visits every node of `tree` (of type `type`, when given), in document order. */
export function walk<K extends Nodes['type']>(tree: Nodes, type: K, visitor: Visitor<NodeOfType<K>>): void;
export function walk(tree: Nodes, visitor: Visitor<Nodes>): void;
export function walk(tree: Nodes, typeOrVisitor: string | Visitor<Nodes>, maybeVisitor?: Visitor<Nodes>): void {
  const [type, visitor] = typeof typeOrVisitor === 'string' ? [typeOrVisitor, maybeVisitor!] : [undefined, typeOrVisitor];
  enter(tree, undefined, undefined, type, visitor);
  jumpTo = undefined;
}
