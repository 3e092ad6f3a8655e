// pdfmake lays out the header and the footer once per page: for every page
// it calls the callback, then preprocesses, measures and lays out what it
// returns, as if it had never seen it. Ours return the same block on every
// page — the footer exactly, the header but for the digits of "Página X de
// Y" — and a profile of the seed policy spent ~30 ms of a render there.
//
// A block may declare, under the REPEATED_BLOCK symbol, that it lays out
// like every other block of the same callback with the same key, except for
// the digits of one text (`variable`). The replacement of pdfmake's
// addDynamicRepeatable lays out the first such block of each kind (key,
// box size, and the variable with its digits as zeros) as pdfmake does, and
// on later pages adds that layout again, as pdfmake itself re-adds a
// table's repeated header rows (ElementWriter.addFragment: lines cloned,
// vectors and images copied, offsets applied). The variable's words are
// swapped in only if each has exactly the width its counterpart had: the
// words break at the same places (digits for digits), so line breaking,
// alignment, cell and row sizes are what a fresh layout would compute, and
// the renderer draws the new words where the old ones were. Anything else —
// a block without the declaration, one spread over two pages, a variable
// not found alone on one line, a different width, a polyline (which
// addFragment would move in place) — is laid out by pdfmake as before.
//
// pdfmake also lists each block's nodes in its linear node list, which the
// pageBreakBefore queries read, each node with the position of the page it
// was laid out for. A re-added block lists copies of the nodes of the block
// it repeats, with this page's positions and, for the variable's own node,
// this page's text, so the queries see what they saw before. A block whose
// lines pdfmake links to a node (ids, outline, page references) is never
// re-added. The install checks the source of the methods it replaces or relies on.
import { createRequire } from 'node:module';
import { expectKnownSource } from '../../../source-fingerprint.js';

const require = createRequire(import.meta.url);

/** Where a header or footer declares how it repeats. */
export const REPEATED_BLOCK: unique symbol = Symbol.for('docctl.repeatedBlock');

export interface RepeatedBlock {
  /** Blocks with the same key lay out alike, but for `variable`. */
  readonly key: string;
  /** The one text that differs between pages, and only in its digits. */
  readonly variable?: string;
}

interface Inline {
  text: string;
  width: number;
  [key: string]: unknown;
}
interface LineLike {
  inlines: Inline[];
  clone(): LineLike;
}
interface FragmentItem {
  type: string;
  item: { type?: string; points?: unknown; _node?: unknown; id?: unknown; _outline?: unknown; _pageNodeRef?: unknown } & Partial<LineLike>;
}
interface ListedNode {
  positions: unknown[];
  text?: unknown;
}
interface Fragment {
  items: FragmentItem[];
  xOffset?: number;
  yOffset?: number;
  height?: number;
}
interface DocumentContextLike {
  page: number;
  getCurrentPosition(): object;
  pages: { pageSize: object; pageMargins: object; customProperties: Record<string, unknown>; items: unknown[] }[];
  getCurrentPage(): { pageSize: object; pageMargins: object; customProperties: Record<string, unknown> };
}
interface WriterLike {
  context(): DocumentContextLike;
  beginUnbreakableBlock(width: number, height: number): void;
  commitUnbreakableBlock(x: number, y: number): void;
}
interface LayoutBuilderLike {
  writer: WriterLike;
  linearNodeList: unknown[];
  docPreprocessor: { preprocessBlock(node: unknown): unknown };
  docMeasure: { measureBlock(node: unknown): unknown };
  processNode(node: unknown): void;
  addDynamicRepeatable(nodeGetter: unknown, sizeFunction: SizeFunction, customPropertyName: string): void;
}
type SizeFunction = (pageSize: object, pageMargins: object) => { x: number; y: number; width: number; height: number };
type NodeGetter = (page: number, pages: number, pageSize: object) => unknown;

interface Classes {
  LayoutBuilder: { prototype: LayoutBuilderLike };
  ElementWriter: { prototype: { addFragment(block: Fragment, useBlockXOffset: boolean, useBlockYOffset: boolean, dontUpdateContextPosition: boolean): boolean } };
  PageElementWriter: { prototype: Record<string, unknown> };
  Line: { prototype: Record<string, unknown> };
  TextInlines: { prototype: { widthOfText(text: string, inline: Inline): number } };
}

const load = (path: string) => (require(path) as { default: unknown }).default;
export const pdfmakeLayoutClasses = (): Classes => ({
  LayoutBuilder: load('pdfmake/js/LayoutBuilder.js') as Classes['LayoutBuilder'],
  ElementWriter: load('pdfmake/js/ElementWriter.js') as Classes['ElementWriter'],
  PageElementWriter: load('pdfmake/js/PageElementWriter.js') as Classes['PageElementWriter'],
  Line: load('pdfmake/js/Line.js') as Classes['Line'],
  TextInlines: load('pdfmake/js/TextInlines.js') as Classes['TextInlines'],
});

/** sha256 (first 16 hex digits) of the source of the methods replaced or relied on, as shipped in pdfmake 0.3.11. */
const EXPECTED_SOURCE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  LayoutBuilder: { addDynamicRepeatable: 'c5b8a27cf36694a2', processNode: 'ccc12d1f98f1f436' },
  ElementWriter: { addFragment: 'b6c7697d429776fa' },
  PageElementWriter: { beginUnbreakableBlock: 'e924a17feefff29f', commitUnbreakableBlock: '367859e9b386b125' },
  Line: { clone: 'a4abfcde5d916176' },
  TextInlines: { widthOfText: 'e285c68b15baf512' },
};

const digitsAsZeros = (text: string) => text.replace(/[0-9]/g, '0');

interface Laid {
  readonly fragment: Fragment;
  /** The nodes pdfmake listed while laying the block out. */
  readonly nodes: readonly ListedNode[];
  /** The line holding the variable, and its text when laid out. */
  readonly variableLine?: { readonly index: number; readonly text: string };
}

/** The one line of the fragment whose words make up `text`, or undefined if not exactly one. */
function findVariableLine(fragment: Fragment, text: string): number | undefined {
  let found: number | undefined;
  for (let i = 0; i < fragment.items.length; i++) {
    const { type, item } = fragment.items[i]!;
    if (type !== 'line' || !item.inlines) continue;
    let joined = '';
    for (const inline of item.inlines) joined += inline.text;
    if (joined === text) {
      if (found !== undefined) return undefined;
      found = i;
    }
  }
  return found;
}

/** The fragment with the variable's words replaced by those of `text`, or undefined if any would change width. */
function withVariable(laid: Laid, text: string, widthOfText: (text: string, inline: Inline) => number): Fragment | undefined {
  const { variableLine } = laid;
  if (!variableLine || variableLine.text === text) return laid.fragment;
  const items = laid.fragment.items.slice();
  const entry = items[variableLine.index]!;
  const line = (entry.item as LineLike).clone();
  let offset = 0;
  line.inlines = line.inlines.map((inline) => {
    const words = text.slice(offset, offset + inline.text.length);
    offset += inline.text.length;
    if (words === inline.text) return inline;
    const swapped = { ...inline, text: words };
    return swapped;
  });
  for (let i = 0; i < line.inlines.length; i++) {
    const inline = line.inlines[i]!;
    const before = (entry.item as LineLike).inlines[i]!;
    if (inline !== before && widthOfText(inline.text, inline) !== before.width) return undefined;
  }
  items[variableLine.index] = { type: entry.type, item: line as FragmentItem['item'] };
  return { ...laid.fragment, items };
}

/** Whether addFragment can add the item again: it moves a polyline's points in place, and it updates a linked node. */
const reusable = (item: FragmentItem['item']): boolean =>
  item.type !== 'polyline' &&
  item.points === undefined &&
  item._node === undefined &&
  item.id === undefined &&
  item._outline === undefined &&
  item._pageNodeRef === undefined &&
  (item.inlines ?? []).every((inline) => inline._pageNodeRef === undefined);

let classes: Classes | undefined;

/** Replacement for LayoutBuilder.prototype.addDynamicRepeatable: pdfmake's loop, laying out each kind of declared block once. */
export function addDynamicRepeatable(this: LayoutBuilderLike, nodeGetter: unknown, sizeFunction: SizeFunction, customPropertyName: string): void {
  const { ElementWriter, TextInlines } = classes!;
  const widthOfText = TextInlines.prototype.widthOfText;
  const laidOut = new Map<string, Laid>();
  const pages = this.writer.context().pages;
  for (let pageIndex = 0, l = pages.length; pageIndex < l; pageIndex++) {
    this.writer.context().page = pageIndex;
    const customProperties = this.writer.context().getCurrentPage().customProperties;
    let pageNodeGetter = nodeGetter as NodeGetter | null | undefined;
    if (customProperties[customPropertyName] || customProperties[customPropertyName] === null) {
      pageNodeGetter = customProperties[customPropertyName] as NodeGetter | null;
    }
    if (typeof pageNodeGetter === 'undefined' || pageNodeGetter === null) {
      continue;
    }
    let node = pageNodeGetter(pageIndex + 1, l, this.writer.context().pages[pageIndex]!.pageSize);
    if (!node) continue;
    const sizes = sizeFunction(this.writer.context().getCurrentPage().pageSize, this.writer.context().getCurrentPage().pageMargins);
    const declared = (node as { [REPEATED_BLOCK]?: RepeatedBlock })[REPEATED_BLOCK];
    const kind = declared && `${declared.key}\u0000${sizes.width}\u0000${sizes.height}\u0000${digitsAsZeros(declared.variable ?? '')}`;
    const laid = kind === undefined ? undefined : laidOut.get(kind);
    const fragment = laid && withVariable(laid, declared!.variable ?? '', widthOfText);
    if (laid && fragment) {
      const variable = declared!.variable;
      for (const listed of laid.nodes) {
        // Positions are taken from the page's own context, which laying the block out does not move.
        const copy: ListedNode = { ...listed, positions: listed.positions.map(() => this.writer.context().getCurrentPosition()) };
        if (laid.variableLine && listed.text === laid.variableLine.text) copy.text = variable;
        this.linearNodeList.push(copy);
      }
      // What commitUnbreakableBlock does with a one-page block laid out at a forced position.
      ElementWriter.prototype.addFragment.call(this.writer, { ...fragment, xOffset: sizes.x, yOffset: sizes.y }, true, true, true);
      continue;
    }
    const listed = this.linearNodeList.length;
    this.writer.beginUnbreakableBlock(sizes.width, sizes.height);
    const block = this.writer.context() as unknown as { pages: Fragment[] };
    node = this.docPreprocessor.preprocessBlock(node);
    this.processNode(this.docMeasure.measureBlock(node));
    this.writer.commitUnbreakableBlock(sizes.x, sizes.y);
    if (kind !== undefined && !laid && block.pages.length === 1) {
      const first = block.pages[0]!;
      if (!first.items.every(({ item }) => reusable(item))) continue;
      const nodes = this.linearNodeList.slice(listed) as ListedNode[];
      const variable = declared!.variable;
      if (variable === undefined) {
        laidOut.set(kind, { fragment: first, nodes });
        continue;
      }
      const index = findVariableLine(first, variable);
      if (index !== undefined) laidOut.set(kind, { fragment: first, nodes, variableLine: { index, text: variable } });
    }
  }
}

let original: LayoutBuilderLike['addDynamicRepeatable'] | undefined;

/** Swaps pdfmake's addDynamicRepeatable for ours; idempotent. Throws if pdfmake's methods are not the ones we know. */
export function installRepeatedBlocks(target: Classes = pdfmakeLayoutClasses()): void {
  const proto = target.LayoutBuilder.prototype;
  if (proto.addDynamicRepeatable === addDynamicRepeatable) return;
  for (const [className, methods] of Object.entries(EXPECTED_SOURCE)) {
    const prototype = (target as unknown as Record<string, { prototype: Record<string, unknown> }>)[className]?.prototype;
    for (const [method, fingerprint] of Object.entries(methods)) {
      expectKnownSource(prototype?.[method], fingerprint, `pdfmake's ${className}.${method}`, 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/repeated-blocks.ts');
    }
  }
  classes = target;
  original = proto.addDynamicRepeatable;
  proto.addDynamicRepeatable = addDynamicRepeatable;
}

/** pdfmake's own method, for tests that compare it with ours (undefined before install). */
export const originalAddDynamicRepeatable = (): LayoutBuilderLike['addDynamicRepeatable'] | undefined => original;

export const repeatedBlocksInstalled = (): boolean => pdfmakeLayoutClasses().LayoutBuilder.prototype.addDynamicRepeatable === addDynamicRepeatable;
