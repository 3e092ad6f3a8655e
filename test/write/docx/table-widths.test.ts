// Column widths come from the content of each column.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import type { RichTable } from '../../../src/parse/nodes.js';
import { columnWidths } from '../../../src/write/docx/table-widths.js';

function table(rows: readonly (readonly string[])[]): RichTable {
  const markdown = `| ${rows[0]!.join(' | ')} |\n|${rows[0]!.map(() => '---').join('|')}|\n${rows
    .slice(1)
    .map((row) => `| ${row.join(' | ')} |`)
    .join('\n')}\n`;
  const node = parseMarkdown(markdown).children[0];
  if (node?.type !== 'richTable') throw new Error('expected a table');
  return node;
}

const DETALLE = 'Por el cual se establecen los lineamientos generales de la Política de Gobierno Digital y se subroga el Capítulo 1';

describe('columnWidths', () => {
  it('fills exactly the width available', () => {
    const widths = columnWidths(table([['Norma', 'Número', 'Fecha', 'Detalle'], ['Ley', '1712', '2014', DETALLE]]), 9000);
    expect(widths.reduce((a, b) => a + b, 0)).toBe(9000);
  });

  // Regression (seed GTI-P-001): one "Circular de la Procuraduría General de
  // la Nación" made Norma as wide as Detalle.
  it('does not let one long cell widen a column of short ones at the expense of the text column', () => {
    const rows = [['Norma', 'Número', 'Fecha', 'Detalle']];
    for (let i = 0; i < 20; i++) rows.push(['Decreto', String(100 + i), '2022', DETALLE]);
    rows.push(['Circular de la Procuraduría General de la Nación', '1', '2019', DETALLE]);
    const [norma = 0, numero = 0, fecha = 0, detalle = 0] = columnWidths(table(rows), 9000);
    expect(detalle).toBeGreaterThan(2 * norma);
    expect(Math.max(numero, fecha)).toBeLessThan(norma);
  });

  it('keeps the longest word of every column on one line when it can', () => {
    const widths = columnWidths(table([['Responsabilidades', 'x'], ['a', 'b']]), 9000);
    expect(widths[0]).toBeGreaterThanOrEqual(17 * 105);
  });

  it('shares the width in proportion when the table is wider than its content needs', () => {
    const [a = 0, b = 0] = columnWidths(table([['uno', 'dos'], ['tres', 'cuatro']]), 9000);
    expect(a + b).toBe(9000);
    expect(a).toBeGreaterThan(0);
  });
});
