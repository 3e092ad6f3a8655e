// The table of contents. By default pdfmake collects every heading marked
// `tocItem` and prints its page number once the layout is known. With the
// format's "puntos", the contents are drawn here instead, as a table of
// entries whose page numbers are pdfmake page references to the headings'
// ids, and a row of dots leads from each title to its number: pdfmake has
// no tab leaders and does not clip text, so the dots are counted from the
// measured width of the title (one that wraps gets none rather than a
// stray line of dots).
import type { Root } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { Content } from 'pdfmake/interfaces.js';
import type { TextMeasurer } from '../text-width.js';
import { walk } from '../../../parse/walk.js';

export function contentsPage(title: string): Content {
  return {
    toc: {
      title: { text: title, style: 'tocTitle' },
      textStyle: 'tocEntry',
      numberStyle: 'tocEntry',
    },
    pageBreak: 'after',
  };
}

export interface ContentsEntry {
  readonly label: string;
  readonly id: string;
  readonly depth: number;
}

/** The entries the contents list, in document order: the change control and the headings down to `depth`. */
export function contentsEntries(tree: Root, depth: number): ContentsEntry[] {
  const entries: ContentsEntry[] = [];
  walk(tree, (node) => {
    if (node.type === 'frontSection') entries.push({ label: node.title, id: node.kind, depth: 1 });
    else if (node.type === 'heading' && node.depth <= depth && node.data?.id) {
      const number = node.data.number;
      entries.push({ label: number ? `${number} ${toString(node)}` : toString(node), id: node.data.id, depth: node.depth });
    }
  });
  return entries;
}

const ENTRY_SIZE = 10;
/** What pdfmake measures a page reference as before it knows the page (DocPreprocessor). */
const NUMBER_PLACEHOLDER = '00000';
/** pdfmake's "noBorders" layout: 4 points right of the title cell, 4 left of the number cell. */
const CELL_GAP = 8;
const INDENT = 14;
/** Kept free before the number, so rounding never pushes the dots onto a line of their own. */
const SLACK = 3;

/** The dots that fill the rest of a title's line, or "" when the title wraps. */
export function leaderDots(label: string, bold: boolean, available: number, measure: TextMeasurer): string {
  const used = measure.width(`${label} `, ENTRY_SIZE, bold);
  const dot = measure.width('.', ENTRY_SIZE, bold);
  const count = Math.floor((available - used - SLACK) / dot);
  return used > available || count < 3 ? '' : ` ${'.'.repeat(count)}`;
}

export function contentsPageWithLeaders(title: string, entries: readonly ContentsEntry[], bodyWidth: number, measure: TextMeasurer): Content {
  // The number column is as wide as its widest placeholder, as in pdfmake's own contents.
  const numberWidth = Math.max(...entries.map((entry) => measure.width(NUMBER_PLACEHOLDER, ENTRY_SIZE, entry.depth === 1)), 0);
  const rows = entries.map((entry) => {
    const bold = entry.depth === 1;
    const indent = (entry.depth - 1) * INDENT;
    const available = bodyWidth - numberWidth - CELL_GAP - indent;
    const margin: [number, number, number, number] = [indent, bold ? 4 : 1, 0, 1];
    return [
      { text: `${entry.label}${leaderDots(entry.label, bold, available, measure)}`, style: 'tocEntry', bold, margin, linkToDestination: entry.id },
      { text: '', pageReference: entry.id, style: 'tocEntry', bold, alignment: 'right', margin: [0, margin[1], 0, margin[3]], linkToDestination: entry.id },
    ];
  });
  return {
    stack: [{ text: title, style: 'tocTitle' }, { table: { dontBreakRows: true, widths: ['*', 'auto'], body: rows }, layout: 'noBorders' }],
    pageBreak: 'after',
  } as Content;
}
