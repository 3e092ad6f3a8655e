// The signature page, drawn from the typed context (never from Markdown):
// who signs (Nombre, Cargo, Firma with room to sign by hand, Fecha), the
// Elaboró / Revisó / Aprobó grid and the approval record. Rows never split
// and every row keeps with the next, so the block stays on one page.
import { convertMillimetersToTwip, HeightRule, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, WidthType } from 'docx';
import type { DocumentContext } from '../../../model/document-context.js';
import type { Block, DocxSettings } from '../state.js';
import { TABLE_BORDERS } from './borders.js';
import { textWidth } from './page.js';
import { HEADER_FILL, STYLE } from './styles.js';

/** A handwritten signature needs at least 2 cm; a written name or date less. */
export const SIGNATURE_HEIGHT = convertMillimetersToTwip(22);
const WRITING_HEIGHT = convertMillimetersToTwip(8);
const LABEL_SHARE = 0.18;
/** Signatories side by side per table; more continue in another table. */
const PER_TABLE = 3;

interface GridRow {
  readonly label: string;
  readonly values: readonly (string | undefined)[];
  readonly height: number;
}

export function signatureBlock(settings: DocxSettings, options: { readonly opensPage: boolean }): Block[] {
  const { context } = settings;
  const width = textWidth(settings.page);
  const blocks: Block[] = [];
  if (options.opensPage) blocks.push(new Paragraph({ style: STYLE.caption, pageBreakBefore: true, children: [new TextRun('FIRMAS')] }));
  const layout = context.frame.signatures;
  const signatories = layout.signers ? context.signatories : [];
  const sentence = layout.record ? context.approvalSentence : undefined;
  for (let first = 0; first < signatories.length; first += PER_TABLE) {
    const group = signatories.slice(first, first + PER_TABLE);
    blocks.push(
      grid(width, undefined, true, [
        { label: 'Nombre', values: group.map((s) => s.name), height: WRITING_HEIGHT },
        { label: 'Cargo', values: group.map((s) => s.position), height: WRITING_HEIGHT },
        { label: 'Firma', values: group.map(() => undefined), height: SIGNATURE_HEIGHT },
        { label: 'Fecha', values: group.map(() => undefined), height: WRITING_HEIGHT },
      ]),
      spacer(),
    );
  }
  if (layout.grid) blocks.push(approvalGrid(context, width, sentence !== undefined));
  if (sentence) blocks.push(new Paragraph({ style: STYLE.signatureNote, children: [new TextRun(sentence)] }));
  return blocks;
}

function approvalGrid(context: DocumentContext, width: number, keepWithNext: boolean): Table {
  const roles = context.approvalGrid;
  return grid(width, roles.map((r) => r.role), keepWithNext, [
    // A role without a name leaves its cell blank, to be filled in by hand.
    { label: 'Nombre', values: roles.map((r) => r.name), height: WRITING_HEIGHT },
    { label: 'Cargo', values: roles.map((r) => r.position), height: WRITING_HEIGHT },
    { label: 'Firma', values: roles.map(() => undefined), height: SIGNATURE_HEIGHT },
    // As in the PDF: the date each one signs, written by hand.
    { label: 'Fecha', values: roles.map(() => undefined), height: WRITING_HEIGHT },
  ]);
}

function grid(width: number, headings: readonly string[] | undefined, keepWithNext: boolean, rows: readonly GridRow[]): Table {
  const columns = Math.max(1, rows[0]?.values.length ?? 1);
  const labelWidth = Math.floor(width * LABEL_SHARE);
  const valueWidth = Math.floor((width - labelWidth) / columns);
  const widths = [labelWidth, ...Array.from({ length: columns }, () => valueWidth)];
  const shaded = { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } as const;
  const cell = (text: string | undefined, cellWidth: number, header = false) =>
    new TableCell({
      width: { size: cellWidth, type: WidthType.DXA },
      shading: header ? shaded : undefined,
      children: [new Paragraph({ style: header ? STYLE.tableHeading : STYLE.tableText, children: text ? [new TextRun(text)] : [] })],
    });
  const tableRows = [
    ...(headings ? [new TableRow({ cantSplit: true, keepNext: true, tableHeader: true, children: [cell('', labelWidth, true), ...headings.map((h) => cell(h, valueWidth, true))] })] : []),
    ...rows.map(
      (row, index) =>
        new TableRow({
          cantSplit: true,
          keepNext: keepWithNext || index < rows.length - 1 || undefined,
          height: { value: row.height, rule: HeightRule.ATLEAST },
          children: [cell(row.label, labelWidth, true), ...row.values.map((value) => cell(value, valueWidth))],
        }),
    ),
  ];
  return new Table({
    rows: tableRows,
    borders: TABLE_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
  });
}

function spacer(): Paragraph {
  return new Paragraph({ keepNext: true, children: [] });
}
