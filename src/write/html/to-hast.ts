// The HTML edition as hast, rendered from the same mdast every writer walks,
// through remark-rehype (mdast-util-to-hast) with one handler per node type
// of ours (handlers/). It returns a hast tree, never a string of HTML; one
// serialiser (hastToHtml) escapes every value.
import type { Element, ElementContent, Root } from 'hast';
import remarkRehype, { type Options } from 'remark-rehype';
import rehypeStringify from 'rehype-stringify';
import { unified } from 'unified';
import type { RenderedDocument } from '../../model/document-context.js';
import { handlers } from './handlers/index.js';
import { element, text, type HtmlHandler, type HtmlSettings } from './state.js';


export interface HtmlOptions {
  /** Prefix for every generated id (default none). */
  readonly idPrefix?: string;
}

type ToHastHandlers = NonNullable<Options['handlers']>;

function bind(settings: HtmlSettings): ToHastHandlers {
  const bound: Record<string, NonNullable<ToHastHandlers['text']>> = {};
  for (const [type, handler] of Object.entries(handlers) as [string, HtmlHandler][]) {
    bound[type] = (state, node, parent) => handler(state, node, parent, settings);
  }
  return bound;
}

/** The document title: the page's only <h1>. */
export function documentTitle(doc: RenderedDocument, options: HtmlOptions = {}): Element {
  return element('h1', { id: `${options.idPrefix ?? ''}titulo` }, [text(doc.context.title)]);
}

/** The body (change control, numbered sections, signatures); headings start at <h2>. */
export function documentBody(doc: RenderedDocument, options: HtmlOptions = {}): ElementContent[] {
  const settings: HtmlSettings = { context: doc.context, idPrefix: options.idPrefix ?? '', tableCount: 0, currentSection: undefined };
  const processor = unified().use(remarkRehype, {
    // The tree never holds raw HTML (the parse stage rejects it); if some did,
    // it would be dropped, never passed through.
    allowDangerousHtml: false,
    handlers: bind(settings),
    unknownHandler: (_state, node: { type: string }) => {
      throw new Error(`internal: the HTML writer has no handler for mdast node "${node.type}"`);
    },
  });
  const hast = processor.runSync(doc.tree) as Root;
  return hast.children.filter((child): child is ElementContent => child.type !== 'doctype');
}

/** The HTML edition: the title and the body, as a hast root. */
export function documentToHast(doc: RenderedDocument, options: HtmlOptions = {}): Root {
  return { type: 'root', children: [documentTitle(doc, options), ...documentBody(doc, options)] };
}

/** Serialises hast; the one place HTML text is made, escaping every value. */
export function hastToHtml(tree: Root): string {
  return unified().use(rehypeStringify, { allowDangerousHtml: false, upperDoctype: true }).stringify(tree);
}
