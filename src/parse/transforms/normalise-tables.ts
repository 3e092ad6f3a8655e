// Every table becomes a richTable (see nodes.ts) so each writer has a single
// table path: GFM tables here, :::tabla directives in resolve-directives.
import type { Paragraph, Root, Table } from 'mdast';
import { SKIP, walk } from '../walk.js';
import type { RichTable } from '../nodes.js';

export function gfmTableToRichTable(table: Table): RichTable {
  return {
    type: 'richTable',
    headerRows: 1,
    children: table.children.map((row) => ({
      type: 'richTableRow',
      children: row.children.map((cell) => ({
        type: 'richTableCell',
        children: cell.children.length > 0 ? [{ type: 'paragraph', children: cell.children } satisfies Paragraph] : [],
        position: cell.position,
      })),
      position: row.position,
    })),
    position: table.position,
  };
}

export function normaliseTables(tree: Root): void {
  walk(tree, 'table', (table, index, parent) => {
    if (!parent || index === undefined) return;
    parent.children.splice(index, 1, gfmTableToRichTable(table) as never);
    return SKIP;
  });
}
