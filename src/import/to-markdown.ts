// Import stage 3: hast (from mammoth's HTML) → mdast with rehype-remark →
// the Markdown docctl reads (remark-stringify with the same GFM and
// directive extensions as src/parse). Our own handlers: underline becomes
// :subrayado[…]; a table whose cells hold lists or several paragraphs, or
// that had merged cells, becomes a :::tabla (list of rows of cells, see
// docs/markdown.md), a plain one a GFM table; an image becomes a figure
// under figuras/ (convention shared with the formats stage); Word's
// bookmarks (<a id>) and internal links keep only their text.
import type { Element, ElementContent, Root as HastRoot } from 'hast';
import type { BlockContent, List, ListItem, PhrasingContent, Root as MdastRoot, RootContent, Table, TableCell, TableRow } from 'mdast';
import type { ContainerDirective, TextDirective } from 'mdast-util-directive';
import rehypeRemark from 'rehype-remark';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkStringify from 'remark-stringify';
import { unified } from 'unified';
import type { State } from 'hast-util-to-mdast';
import { IMAGE_SRC_PREFIX } from './body-html.js';
import { tableGrid } from './table-grid.js';

export interface FigureSink {
  /** Registers the image with this index and returns its Markdown path and alternative text. */
  figure(imageIndex: number, wordAlt: string | undefined): { url: string; alt: string } | undefined;
}

const STRINGIFY_OPTIONS = {
  bullet: '-',
  bulletOther: '*',
  emphasis: '*',
  strong: '*',
  listItemIndent: 'one',
  rule: '-',
  fences: true,
  incrementListMarker: true,
} as const;

export async function toMarkdown(nodes: readonly ElementContent[], figures: FigureSink): Promise<string> {
  const processor = unified()
    .use(rehypeRemark, { handlers: handlers(figures), nodeHandlers: {} })
    .use(remarkGfm)
    .use(remarkDirective)
    .use(remarkStringify, STRINGIFY_OPTIONS);
  const hast: HastRoot = { type: 'root', children: structuredClone([...nodes]) };
  const mdast = (await processor.run(hast)) as MdastRoot;
  return processor.stringify(mdast).trim();
}

type Handle = (state: State, node: Element) => RootContent | RootContent[] | undefined;

function handlers(figures: FigureSink): Record<string, Handle> {
  return {
    u: (state, node) => ({ type: 'textDirective', name: 'subrayado', attributes: {}, children: state.all(node) as PhrasingContent[] }) satisfies TextDirective,
    a: (state, node) => {
      const href = typeof node.properties?.href === 'string' ? node.properties.href : undefined;
      const children = state.all(node) as PhrasingContent[];
      if (!href || href.startsWith('#')) return children;
      return { type: 'link', url: href, title: null, children };
    },
    img: (_state, node) => {
      const src = String(node.properties?.src ?? '');
      if (!src.startsWith(IMAGE_SRC_PREFIX)) return undefined;
      const alt = typeof node.properties?.alt === 'string' && node.properties.alt.trim() ? node.properties.alt.trim() : undefined;
      const figure = figures.figure(Number(src.slice(IMAGE_SRC_PREFIX.length)), alt);
      return figure ? { type: 'image', url: figure.url, alt: figure.alt, title: null } : undefined;
    },
    table: (state, node) => table(state, node),
  };
}

function table(state: State, node: Element): Table | ContainerDirective {
  const grid = tableGrid(node);
  const cellBlocks = grid.map((row) => row.map((cell) => (cell.element ? (state.toFlow(state.all(cell.element)) as BlockContent[]) : [])));
  const hasMerges = grid.some((row) => row.some((cell) => cell.merged));
  const isRich = cellBlocks.some((row) => row.some((blocks) => blocks.length > 1 || blocks.some((b) => b.type !== 'paragraph')));
  if (!isRich && !hasMerges) {
    const rows: TableRow[] = cellBlocks.map((row) => ({
      type: 'tableRow',
      children: row.map((blocks): TableCell => ({ type: 'tableCell', children: blocks.flatMap((b) => (b.type === 'paragraph' ? b.children : [])) })),
    }));
    return { type: 'table', align: [], children: rows };
  }
  const rows: ListItem[] = cellBlocks.map((row) => ({
    type: 'listItem',
    spread: false,
    children: [{ type: 'list', ordered: false, spread: false, children: row.map((blocks): ListItem => ({ type: 'listItem', spread: false, children: blocks })) } satisfies List],
  }));
  const headerRows = node.children.some((c) => c.type === 'element' && c.tagName === 'thead') ? 1 : 0;
  return {
    type: 'containerDirective',
    name: 'tabla',
    attributes: { encabezado: String(headerRows) },
    children: [{ type: 'list', ordered: false, spread: false, children: rows }],
  };
}
