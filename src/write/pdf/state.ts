// The running state of one PDF write, in the mdast-util-to-hast style: a
// handler per node type and `all(node)` to recurse. Settings that never
// change during a write (the document context, the body width) are kept
// apart from the walk, as pandoc does with its writer options.
import type { Nodes, Parent } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../model/document-context.js';
import type { TextMeasurer } from './text-width.js';
import type { TreeIndex } from './tree-index.js';

export interface PdfSettings {
  readonly context: DocumentContext;
  /** Width of the body column in points (page width minus side margins). */
  readonly bodyWidth: number;
  /** Height of the body on one page, between header and footer. */
  readonly bodyHeight: number;
  /** Laid-out height of content in the body column (measure.ts); pass fresh content. */
  heightOf(content: Content): number;
  readonly measure: TextMeasurer;
  readonly tree: TreeIndex;
  /**
   * Tables an earlier layout of this document could not fit (index.ts), by
   * ordinal: 'rows' lets every row break across pages; 'header' also stops
   * repeating header rows, which are kept whole to be repeated.
   */
  readonly relaxedTables?: ReadonlyMap<number, TableRelief>;
}

export type TableRelief = 'rows' | 'header';

export type Handler<N extends Nodes = Nodes> = (node: N, state: PdfState, parent: Parent | undefined) => Content[];

export type HandlerMap = { readonly [T in Nodes['type']]?: Handler<Extract<Nodes, { type: T }>> };

export interface PdfState {
  readonly settings: PdfSettings;
  /** The content of every child of `parent`, in order. */
  all(parent: Parent): Content[];
  /** The content of one node; throws an internal error for a type with no handler. */
  one(node: Nodes, parent: Parent | undefined): Content[];
}

export function createState(settings: PdfSettings, handlers: HandlerMap): PdfState {
  const state: PdfState = {
    settings,
    all: (parent) => (parent.children as Nodes[]).flatMap((child) => state.one(child, parent)),
    one: (node, parent) => {
      const handler = handlers[node.type] as Handler | undefined;
      if (!handler) return unknownNode(node);
      return handler(node, state, parent);
    },
  };
  return state;
}

// A node without a handler means the parse stage produced something this
// writer was never taught to draw: a bug in docctl, not in the user's data.
// Silently dropping it would print an official document with text missing.
function unknownNode(node: Nodes): never {
  throw new Error(`internal: the PDF writer has no handler for mdast node type "${node.type}"`);
}
