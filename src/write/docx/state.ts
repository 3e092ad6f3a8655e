// The running state of one DOCX write, in the style of mdast-util-to-hast:
// a handler per node type (handlers/), and this small object passed to each
// so it can recurse with `all(node)`. Settings that never change during a
// write (the document context, the page) are kept apart from what changes as
// the walk goes down (run marks, the list we are in, the width available).
import type { Nodes, Parents } from 'mdast';
import { Paragraph, Table, TableCell, TableOfContents, TableRow, type ParagraphChild } from 'docx';
import type { DocumentContext } from '../../model/document-context.js';
import type { PageGeometry } from './layout/page.js';
import '../../parse/nodes.js';

export type Block = Paragraph | Table | TableOfContents;
export type Inline = ParagraphChild;
/** Rows and cells only ever come back from the richTable handlers. */
export type Output = Block | Inline | TableRow | TableCell;

export interface RunMarks {
  readonly bold?: boolean;
  readonly italics?: boolean;
  readonly underline?: { readonly type: 'single' };
  readonly strike?: boolean;
  /** A character style, e.g. Hyperlink. */
  readonly style?: string;
}

export interface ListContext {
  readonly reference: string;
  readonly level: number;
  readonly instance: number;
  /** The next paragraph of the item is its first: it carries the number. */
  numberNext: boolean;
}

export interface DocxSettings {
  readonly context: DocumentContext;
  readonly page: PageGeometry;
}

/** What a handler may change for the nodes below it. */
export interface Scope {
  readonly marks: RunMarks;
  /** Style of plain paragraphs here: Normal in the body, TableText in cells. */
  readonly paragraphStyle: string | undefined;
  readonly list: ListContext | undefined;
  /** Width in twips that a table placed here may take. */
  readonly availableWidth: number;
  /** Inside a richTableRow: its column widths, whether it is a header row, whether it may split. */
  readonly row: { readonly widths: readonly number[]; readonly header: boolean; readonly repeat: boolean; readonly keepWhole: boolean } | undefined;
}

export type Handler<N extends Nodes = Nodes> = (node: N, state: DocxState, parent: Parents | undefined) => Output[];
export type Handlers = { readonly [K in Nodes['type']]?: Handler<Extract<Nodes, { type: K }>> };

export interface DocxState {
  readonly settings: DocxSettings;
  readonly scope: Scope;
  /** Ordered-list starts used, so numbering.ts defines one list per start. */
  readonly orderedStarts: Set<number>;
  nextListInstance(): number;
  one(node: Nodes, parent: Parents | undefined): Output[];
  all(parent: Parents): Output[];
  /** all(), for parents whose children must be blocks (paragraphs, tables). */
  blocks(parent: Parents): Block[];
  /** all(), for parents whose children must be inline (runs, links). */
  inlines(parent: Parents): Inline[];
  within<T>(changes: Partial<Scope>, walk: () => T): T;
}

export function isBlock(output: Output): output is Block {
  return output instanceof Paragraph || output instanceof Table || output instanceof TableOfContents;
}

function isInline(output: Output): output is Inline {
  return !isBlock(output) && !(output instanceof TableRow) && !(output instanceof TableCell);
}

export function createState(settings: DocxSettings, handlers: Handlers, scope: Scope): DocxState {
  let instances = 0;
  let current = scope;
  const state: DocxState = {
    settings,
    get scope() {
      return current;
    },
    orderedStarts: new Set(),
    nextListInstance: () => ++instances,
    one(node, parent) {
      const handler = handlers[node.type] as Handler | undefined;
      // A node type nobody wrote a handler for is a bug in docctl, not in the
      // user's data: the parse stage only lets known constructs through.
      if (!handler) throw new Error(`internal: the DOCX writer has no handler for mdast node "${node.type}"`);
      return handler(node, state, parent);
    },
    all(parent) {
      return parent.children.flatMap((child) => state.one(child, parent));
    },
    blocks(parent) {
      return state.all(parent).map((output) => {
        if (!isBlock(output)) throw new Error(`internal: inline content directly inside mdast "${parent.type}"`);
        return output;
      });
    },
    inlines(parent) {
      return state.all(parent).map((output) => {
        if (!isInline(output)) throw new Error(`internal: block content inside inline mdast "${parent.type}"`);
        return output;
      });
    },
    within(changes, walk) {
      const saved = current;
      current = { ...current, ...changes };
      try {
        return walk();
      } finally {
        current = saved;
      }
    },
  };
  return state;
}
