// Column widths chosen from content, as a browser's automatic table layout
// does: every column gets at least its longest word (so no word is cut or
// overflows), and the remaining width goes to the columns with the most text.
// A legal-framework table thus gets narrow Norma / Número / Fecha columns and
// a wide Detalle column without any per-kind rule.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichTable } from '../../../parse/nodes.js';
import type { TextMeasurer } from '../text-width.js';

export interface ColumnWidthOptions {
  /** Width available to the whole table, borders and padding included. */
  readonly available: number;
  readonly fontSize: number;
  /** Left + right padding of a cell. */
  readonly cellPadding: number;
  readonly measure: TextMeasurer;
}

interface ColumnNeed {
  min: number;
  max: number;
}

/** Text widths of a cell: its longest word (min) and its longest line (max). */
function cellNeed(blocks: readonly Nodes[], bold: boolean, options: ColumnWidthOptions, indent = 0): ColumnNeed {
  const need: ColumnNeed = { min: 0, max: 0 };
  for (const block of blocks) {
    if (block.type === 'list') {
      // A list marker and its gap take about this much room.
      const inner = cellNeed(block.children, bold, options, indent + options.fontSize * 1.6);
      need.min = Math.max(need.min, inner.min);
      need.max = Math.max(need.max, inner.max);
      continue;
    }
    if (block.type === 'listItem' || block.type === 'blockquote') {
      const inner = cellNeed(block.children, bold, options, indent);
      need.min = Math.max(need.min, inner.min);
      need.max = Math.max(need.max, inner.max);
      continue;
    }
    const text = toString(block);
    const words = text.split(/\s+/).filter(Boolean);
    for (const word of words) need.min = Math.max(need.min, indent + options.measure.width(word, options.fontSize, bold));
    need.max = Math.max(need.max, indent + options.measure.width(text, options.fontSize, bold));
  }
  return need;
}

/** Content widths (padding and borders excluded), as pdfmake's `widths` wants them. */
export function columnWidths(table: RichTable, options: ColumnWidthOptions): number[] {
  const count = table.children[0]?.children.length ?? 0;
  if (count === 0) return [];
  const needs: ColumnNeed[] = Array.from({ length: count }, () => ({ min: 0, max: 0 }));
  table.children.forEach((row, rowIndex) => {
    row.children.forEach((cell, column) => {
      const need = cellNeed(cell.children, rowIndex < table.headerRows, options);
      const current = needs[column];
      if (!current) return;
      current.min = Math.max(current.min, need.min);
      current.max = Math.max(current.max, need.max);
    });
  });
  // A little slack so a word measured to the last point still fits after rounding.
  for (const need of needs) {
    need.min = Math.ceil(need.min + 1);
    need.max = Math.max(need.min, Math.ceil(need.max + 1));
  }
  const content = options.available - count * options.cellPadding - (count + 1);
  const minSum = needs.reduce((sum, n) => sum + n.min, 0);
  const maxSum = needs.reduce((sum, n) => sum + n.max, 0);
  if (maxSum <= content) {
    // Everything fits on one line: spread the spare room in proportion.
    return needs.map((n) => (n.max / maxSum) * content);
  }
  if (minSum <= content) {
    const share = (content - minSum) / (maxSum - minSum);
    return needs.map((n) => n.min + (n.max - n.min) * share);
  }
  return squeeze(needs.map((n) => n.min), content);
}

// Even the longest words do not fit side by side (a URL, a long code):
// columns with short words keep them whole, and only the columns with
// over-long words share what is left; pdfmake breaks a word wider than its
// column rather than let it run past the page edge.
function squeeze(mins: readonly number[], content: number): number[] {
  const widths = [...mins];
  const order = mins.map((_, i) => i).sort((a, b) => (mins[a] ?? 0) - (mins[b] ?? 0));
  let remaining = content;
  for (let k = 0; k < order.length; k++) {
    const column = order[k] ?? 0;
    const min = mins[column] ?? 0;
    if (min <= remaining / (order.length - k)) {
      remaining -= min;
      continue;
    }
    const rest = order.slice(k);
    const restSum = rest.reduce((sum, i) => sum + (mins[i] ?? 0), 0);
    for (const i of rest) widths[i] = ((mins[i] ?? 0) / restSum) * remaining;
    break;
  }
  return widths;
}
