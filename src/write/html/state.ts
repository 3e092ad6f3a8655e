// Types and settings shared by the HTML writer's handlers. The walk itself is
// mdast-util-to-hast's (through remark-rehype): it owns the running state and
// `state.all(node)`; what stays fixed during one write (the document context)
// and the few counters our handlers keep (caption ids, the current section)
// travel in HtmlSettings, handed to each handler beside the state.
import type { Element, ElementContent } from 'hast';
import type { Nodes, Parents } from 'mdast';
import type { Options } from 'remark-rehype';
import type { DocumentContext } from '../../model/document-context.js';
import '../../parse/nodes.js';

type ToHastHandler = NonNullable<NonNullable<Options['handlers']>['text']>;
/** mdast-util-to-hast's state: `all(node)` recurses, `patch` keeps positions. */
export type ToHastState = Parameters<ToHastHandler>[0];

export interface HtmlSettings {
  readonly context: DocumentContext;
  /** Prefix of generated ids, so two documents on one page never clash. */
  readonly idPrefix: string;
  /** Tables seen so far: numbers captions and their ids. */
  tableCount: number;
  /** The last heading met ("5.4.1. OBJETIVO GENERAL"): names tables without a caption. */
  currentSection: string | undefined;
}

export type HtmlOutput = ElementContent | ElementContent[] | undefined;

export type HtmlHandler<N extends Nodes = Nodes> = (state: ToHastState, node: N, parent: Parents | undefined, settings: HtmlSettings) => HtmlOutput;

export type HtmlHandlers = { readonly [K in Nodes['type']]?: HtmlHandler<Extract<Nodes, { type: K }>> };

/** `state.all` typed for element children (it never returns the root). */
export function children(state: ToHastState, node: Parents): ElementContent[] {
  return state.all(node);
}

export function element(tagName: string, properties: Element['properties'], content: ElementContent[]): Element {
  return { type: 'element', tagName, properties, children: content };
}

export function text(value: string): ElementContent {
  return { type: 'text', value };
}
