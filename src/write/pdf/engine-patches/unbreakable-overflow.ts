// pdfmake keeps an unbreakable block (a table row with dontBreakRows, a
// table's header rows and the row kept with them, a node marked
// `unbreakable`) whole by laying it out on a page of its own and then adding
// that page to the document. When the block is taller than a page it keeps
// only the first page of it ("no support for multi-page unbreakableBlocks",
// PageElementWriter.commitUnbreakableBlock), and when the block does not fit
// even on a fresh page below a table's repeated header, addFragment gives up
// after one page break: either way the text is dropped without a word, and
// the PDF goes on to be archived as the approved version (issue 16).
//
// This replacement of commitUnbreakableBlock does what pdfmake's does but
// throws UnbreakableOverflow in those two cases, naming the table whose rows
// opened the block (the innermost table being laid out when it began). The
// PDF writer (index.ts) then lays the document out again with that table's
// rows allowed to break, as Word does, and refuses the document with a user
// error only when nothing is left to relax. Blocks laid out outside the flow
// (header, footer, background: forcedX/forcedY) keep pdfmake's behaviour;
// measure.ts lays out on an endless page, where no block can overflow.
import { createRequire } from 'node:module';
import { expectKnownSource } from '../../../source-fingerprint.js';

const require = createRequire(import.meta.url);

/** Where a table definition carries its ordinal among the document's tables (tree-index.ts). */
export const TABLE_ORDINAL = 'docctlTable';

export class UnbreakableOverflow extends Error {
  constructor(
    /** The ordinal of the table whose rows opened the block; undefined for another unbreakable node. */
    readonly table: number | undefined,
  ) {
    super(`internal: an unbreakable block${table === undefined ? '' : ` of table ${table}`} does not fit on a page`);
    this.name = 'UnbreakableOverflow';
  }
}

interface Page {
  items: unknown[];
  pageSize: { height: number };
}
interface Context {
  pages: Page[];
  y: number;
  pageMargins: { top: number; bottom: number };
  getCurrentPage(): Page;
}
interface Fragment {
  xOffset?: number | undefined;
  yOffset?: number | undefined;
  height?: number;
}
interface WriterLike {
  transactionLevel: number;
  repeatables: { height: number }[];
  context(): Context;
  popContext(): void;
  addFragment(fragment: Fragment): unknown;
  /** Set by our beginUnbreakableBlock: the table that opened the outermost block. */
  docctlOpener?: number | undefined;
}
type Proto<T> = { prototype: T };

const load = (path: string) => (require(path) as { default: unknown }).default;
const LayoutBuilder = load('pdfmake/js/LayoutBuilder.js') as Proto<Record<string, unknown>>;
const ElementWriter = load('pdfmake/js/ElementWriter.js') as Proto<{ addFragment(this: WriterLike, ...args: unknown[]): unknown }>;
const PageElementWriter = load('pdfmake/js/PageElementWriter.js') as Proto<Record<string, unknown>>;

const EXPECTED = {
  processTable: '9e7a2ad113f52d55',
  beginUnbreakableBlock: 'e924a17feefff29f',
  commitUnbreakableBlock: '367859e9b386b125',
} as const;

// Layout is synchronous, so one stack serves every layout in this thread.
const tablesBeingLaidOut: (number | undefined)[] = [];

export function installUnbreakableOverflow(): void {
  const builder = LayoutBuilder.prototype;
  const writer = PageElementWriter.prototype;
  if ((writer.commitUnbreakableBlock as { docctl?: boolean }).docctl) return;
  expectKnownSource(builder.processTable, EXPECTED.processTable, "pdfmake's LayoutBuilder.processTable", 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/unbreakable-overflow.ts');
  expectKnownSource(writer.beginUnbreakableBlock, EXPECTED.beginUnbreakableBlock, "pdfmake's PageElementWriter.beginUnbreakableBlock", 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/unbreakable-overflow.ts');
  expectKnownSource(writer.commitUnbreakableBlock, EXPECTED.commitUnbreakableBlock, "pdfmake's PageElementWriter.commitUnbreakableBlock", 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/unbreakable-overflow.ts');

  const processTable = builder.processTable as (this: unknown, node: Record<string, unknown>) => unknown;
  builder.processTable = function (this: unknown, node: Record<string, unknown>) {
    const ordinal = node[TABLE_ORDINAL];
    tablesBeingLaidOut.push(typeof ordinal === 'number' ? ordinal : undefined);
    try {
      return processTable.call(this, node);
    } finally {
      tablesBeingLaidOut.pop();
    }
  };

  const begin = writer.beginUnbreakableBlock as (this: WriterLike, ...args: unknown[]) => unknown;
  writer.beginUnbreakableBlock = function (this: WriterLike, ...args: unknown[]) {
    if (this.transactionLevel === 0) this.docctlOpener = tablesBeingLaidOut.at(-1);
    return begin.apply(this, args);
  };

  const commit = function (this: WriterLike, forcedX?: number, forcedY?: number): void {
    if (--this.transactionLevel !== 0) return;
    const unbreakable = this.context();
    this.popContext();
    const pageCount = unbreakable.pages.length;
    if (pageCount === 0) return;
    const fragment = unbreakable.pages[0] as Page & Fragment;
    fragment.xOffset = forcedX;
    fragment.yOffset = forcedY;
    const outOfFlow = forcedX !== undefined || forcedY !== undefined;
    if (pageCount > 1) {
      if (!outOfFlow) throw new UnbreakableOverflow(this.docctlOpener);
      fragment.height = unbreakable.getCurrentPage().pageSize.height - unbreakable.pageMargins.top - unbreakable.pageMargins.bottom;
    } else {
      fragment.height = unbreakable.y;
    }
    if (outOfFlow) {
      ElementWriter.prototype.addFragment.call(this, fragment, true, true, true);
    } else if (!this.addFragment(fragment)) {
      throw new UnbreakableOverflow(this.docctlOpener);
    }
  };
  (commit as { docctl?: boolean }).docctl = true;
  writer.commitUnbreakableBlock = commit;
}
