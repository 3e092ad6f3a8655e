// A rough height for a table row, to decide whether it may split. A row
// that fits on a page is kept whole (cantSplit), so a list in a cell is never
// cut from its first lines; a row taller than about half a page would leave
// a blank half page before it, and one taller than a page splits anyway in
// Word and LibreOffice, so those rows are allowed to split.
import type { Nodes } from 'mdast';
import type { RichTableRow } from '../../parse/nodes.js';
import { walk } from '../../parse/walk.js';

/** 9.5 pt table text: average character width and line height, in twips. */
const CHAR = 105;
const LINE = 240;
const PARAGRAPH_GAP = 80;
const CELL_PADDING = 2 * 85;

/** The text of a paragraph, cut at its hard line breaks. */
function linesOf(block: Nodes): string[] {
  const lines = [''];
  walk(block, (node) => {
    if (node.type === 'break') lines.push('');
    else if (node.type === 'text' || node.type === 'inlineCode') lines[lines.length - 1] += node.value;
  });
  return lines;
}

export function estimatedRowHeight(row: RichTableRow, widths: readonly number[]): number {
  let tallest = 0;
  row.children.forEach((cell, column) => {
    const perLine = Math.max(1, Math.floor(((widths[column] ?? 0) - CELL_PADDING) / CHAR));
    let height = 0;
    // Every paragraph, heading and code block, each line of it: a hard
    // line break or a code line starts a new one (a row estimated short
    // but taller than a page would be clipped, not split).
    walk(cell as Nodes, (node) => {
      if (node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'code') return;
      const lines = node.type === 'code' ? node.value.split('\n') : linesOf(node);
      for (const line of lines) height += Math.max(1, Math.ceil(line.length / perLine)) * LINE;
      height += PARAGRAPH_GAP;
    });
    tallest = Math.max(tallest, height);
  });
  return tallest + 80;
}
