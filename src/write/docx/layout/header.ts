// The bordered identification block printed on every page, drawn from the
// frame (model/frame.ts) as in the PDF edition: the same grid, spans,
// widths, labels and values, with "Página X de Y" from PAGE and NUMPAGES
// fields. A version that is not in force says so in the block, and a draft
// carries a watermark.
import { Header, Paragraph, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import { DRAFT_WATERMARK, STATE_NOTICES } from '../../../model/versions.js';
import type { DocxSettings } from '../state.js';
import { TABLE_BORDERS } from './borders.js';
import { partToDocx } from './frame-parts.js';
import { textWidth } from './page.js';
import { STYLE } from './styles.js';

const TWIPS_PER_POINT = 20;
/** Cell padding on both sides, in points: an image is fitted inside it. */
const CELL_PADDING = 8.5;

/** Column widths in twips: points as given, "*" sharing what is left of the text width. */
export function headerColumnWidths(widths: readonly (number | '*')[], total: number): number[] {
  const fixed = widths.reduce<number>((sum, w) => sum + (w === '*' ? 0 : Math.round(w * TWIPS_PER_POINT)), 0);
  const stars = widths.filter((w) => w === '*').length;
  const share = stars > 0 ? Math.max(0, Math.floor((total - fixed) / stars)) : 0;
  return widths.map((w) => (w === '*' ? share : Math.round(w * TWIPS_PER_POINT)));
}

export function documentHeader(settings: DocxSettings): Header {
  const { context } = settings;
  const { header } = context.frame;
  const widths = headerColumnWidths(header.widths, textWidth(settings.page));
  const total = widths.reduce((a, b) => a + b, 0);
  const images = { logo: context.entity.logo, images: context.entity.images, entityName: context.entity.name };
  const rows = header.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: row.map((cell) => {
          const width = widths.slice(cell.column, cell.column + cell.colSpan).reduce((a, b) => a + b, 0);
          return new TableCell({
            children: cell.parts.map((part) => partToDocx(part, STYLE.header, images, width / TWIPS_PER_POINT - CELL_PADDING)),
            width: { size: width, type: WidthType.DXA },
            verticalAlign: VerticalAlignTable.CENTER,
            ...(cell.rowSpan > 1 ? { rowSpan: cell.rowSpan } : {}),
            ...(cell.colSpan > 1 ? { columnSpan: cell.colSpan } : {}),
          });
        }),
      }),
  );
  const notice = STATE_NOTICES[context.state];
  if (notice) {
    rows.push(
      new TableRow({
        cantSplit: true,
        children: [
          new TableCell({
            children: [new Paragraph({ style: STYLE.header, children: [new TextRun({ text: notice, bold: true })] })],
            width: { size: total, type: WidthType.DXA },
            columnSpan: widths.length,
          }),
        ],
      }),
    );
  }
  const table = new Table({ rows, borders: TABLE_BORDERS, layout: TableLayoutType.FIXED, width: { size: total, type: WidthType.DXA }, columnWidths: widths });
  // A header, like a cell, must end with a paragraph; this one keeps a small
  // gap between the block and the body, and holds the draft watermark,
  // which Word draws behind every page of the sections using this header.
  const watermark = context.state === 'borrador' ? [new TextWatermark({ text: DRAFT_WATERMARK, font: 'Arial', color: 'C0C0C0', opacity: 0.5 })] : [];
  return new Header({ children: [table, new Paragraph({ style: STYLE.header, children: watermark })] });
}

