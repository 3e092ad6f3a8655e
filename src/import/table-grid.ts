// A hast table as a grid of cells, merged cells spread out: a cell that
// spans rows or columns occupies each slot it covers, and only its first
// slot carries the content (the others are marked as continuations), so a
// table reads as Word shows it and `:::tabla` gets rows of equal width.
import type { Element } from 'hast';
import { cleanText, textOf } from './body-html.js';

export interface GridCell {
  /** The cell element (td/th); undefined for a slot covered by a merged cell. */
  readonly element: Element | undefined;
  readonly text: string;
  readonly merged: boolean;
}

export type Grid = GridCell[][];

export function tableGrid(table: Element): Grid {
  const rows: Element[] = [];
  const collect = (node: Element) => {
    for (const child of node.children) {
      if (child.type !== 'element') continue;
      if (child.tagName === 'tr') rows.push(child);
      else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') collect(child);
    }
  };
  collect(table);
  const grid: Grid = [];
  rows.forEach((row, r) => {
    const out: GridCell[] = (grid[r] ??= []);
    let col = 0;
    const occupied = () => out[col] !== undefined;
    for (const cell of row.children) {
      if (cell.type !== 'element' || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      while (occupied()) col++;
      const colspan = Math.max(1, Number(cell.properties?.colSpan ?? 1) || 1);
      const rowspan = Math.max(1, Number(cell.properties?.rowSpan ?? 1) || 1);
      for (let dr = 0; dr < rowspan; dr++) {
        const target = (grid[r + dr] ??= []);
        for (let dc = 0; dc < colspan; dc++) {
          target[col + dc] = dr === 0 && dc === 0 ? { element: cell, text: cleanText(textOf(cell)), merged: false } : { element: undefined, text: '', merged: true };
        }
      }
      col += colspan;
    }
  });
  const width = Math.max(0, ...grid.map((row) => row.length));
  return grid.map((row) => Array.from({ length: width }, (_, i) => row[i] ?? { element: undefined, text: '', merged: false }));
}

/** The first row's texts, folded for comparison (no accents, lowercase). */
export function headerTexts(grid: Grid): string[] {
  return (grid[0] ?? []).map((cell) => fold(cell.text));
}

export const fold = (text: string) => text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/\s+/g, ' ').trim();
