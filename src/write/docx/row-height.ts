// A rough height for a table row, to decide whether it may split. A row
// that fits on a page is kept whole (cantSplit), so a list in a cell is never
// cut from its first lines; a row taller than about half a page would leave
// a blank half page before it, and one taller than a page splits anyway in
// Word and LibreOffice, so those rows are allowed to split.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichTableRow } from '../../parse/nodes.js';
import { walk } from '../../parse/walk.js';

/** 9.5 pt table text: average character width and line height, in twips. */
const CHAR = 105;
const LINE = 240;
const PARAGRAPH_GAP = 80;
const CELL_PADDING = 2 * 85;

export function estimatedRowHeight(row: RichTableRow, widths: readonly number[]): number {
  let tallest = 0;
  row.children.forEach((cell, column) => {
    const perLine = Math.max(1, Math.floor(((widths[column] ?? 0) - CELL_PADDING) / CHAR));
    let height = 0;
    walk(cell as Nodes, 'paragraph', (paragraph) => {
      height += Math.max(1, Math.ceil(toString(paragraph).length / perLine)) * LINE + PARAGRAPH_GAP;
    });
    tallest = Math.max(tallest, height);
  });
  return tallest + 80;
}
