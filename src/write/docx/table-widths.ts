// Column widths from content, so a legal-framework table gets narrow Norma /
// Número / Fecha columns and a wide Detalle without the template saying so.
// Both Word and LibreOffice get the same fixed grid: "autofit" tables are
// laid out differently by each client.
import type { Nodes } from 'mdast';
import { toString } from 'mdast-util-to-string';
import type { RichTable } from '../../parse/nodes.js';

/** Average width of a character of 9.5 pt Arial, in twips. */
const CHAR = 105;
/** A word must fit on one line even in bold capitals (header cells). */
const WORD_CHAR = 125;
const PADDING = 2 * 85 + 40;
/** Past this many characters a column wraps anyway: more width buys little. */
const LONG = 70;
/** Words longer than this may break rather than widen their column further. */
const LONGEST_WORD = 18;

interface ColumnNeed {
  /** Its longest word on one line. */
  readonly min: number;
  /** Its longest cell on one line (up to LONG characters). */
  readonly desired: number;
  /** All its text: how much the column gains from extra width. */
  readonly text: number;
}

function need(table: RichTable, column: number): ColumnNeed {
  let longestWord = 1;
  let longestCell = 1;
  let text = 0;
  for (const row of table.children) {
    const cell = row.children[column];
    if (!cell) continue;
    const content = toString(cell as Nodes);
    text += content.length;
    longestCell = Math.max(longestCell, content.length);
    for (const word of content.split(/\s+/)) longestWord = Math.max(longestWord, word.length);
  }
  const min = Math.min(longestWord, LONGEST_WORD) * WORD_CHAR + PADDING;
  return { min, desired: Math.max(min, Math.min(longestCell, LONG) * CHAR + PADDING), text: Math.max(1, text) };
}

/** Widths in twips that add up to `available`. */
export function columnWidths(table: RichTable, available: number): number[] {
  const columns = Math.max(0, ...table.children.map((row) => row.children.length));
  const needs = Array.from({ length: columns }, (_, column) => need(table, column));
  const sum = (values: readonly number[]) => values.reduce((a, b) => a + b, 0);
  const minimum = sum(needs.map((n) => n.min));
  if (minimum >= available) return fill(needs.map((n) => (n.min * available) / minimum), available);

  // Each column first gets its longest word; the rest goes where the text
  // is, a column never past its longest cell: one long "Norma" does not
  // widen a column of short ones at the expense of Detalle.
  const widths = needs.map((n) => n.min);
  let spare = available - minimum;
  let open = needs.map((_, i) => i).filter((i) => needs[i]!.desired > widths[i]!);
  while (spare > 1 && open.length > 0) {
    const weight = sum(open.map((i) => needs[i]!.text));
    let given = 0;
    for (const i of open) {
      const grant = Math.min((spare * needs[i]!.text) / weight, needs[i]!.desired - widths[i]!);
      widths[i]! += grant;
      given += grant;
    }
    spare -= given;
    open = open.filter((i) => needs[i]!.desired - widths[i]! > 1);
  }
  // Everything fits on one line: share what is left in proportion.
  if (spare > 1) return fill(widths.map((w) => w + (spare * w) / sum(widths)), available);
  return fill(widths, available);
}

/** Whole twips; the rounding remainder goes to the last column. */
function fill(widths: readonly number[], available: number): number[] {
  const rounded = widths.map((w) => Math.floor(w));
  const last = rounded.length - 1;
  if (last >= 0) rounded[last]! += available - rounded.reduce((a, b) => a + b, 0);
  return rounded;
}
