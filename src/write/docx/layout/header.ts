// The bordered identification block printed on every page, as in the PDF
// edition: logo, short name and slogan | entity / process / title | CÓDIGO,
// VERSIÓN, FECHA DE APROBACIÓN and "Página X de Y" from PAGE and NUMPAGES
// fields, which Word and LibreOffice fill in on every page. A version that
// is not in force says so in the block, and a draft carries a watermark.
import { Header, ImageRun, PageNumber, Paragraph, ShadingType, Table, TableCell, TableLayoutType, TableRow, TextRun, VerticalAlignTable, WidthType } from 'docx';
import { TextWatermark } from 'docx/watermarks';
import type { DocumentContext, LogoImage } from '../../../model/document-context.js';
import { DRAFT_WATERMARK, STATE_NOTICES } from '../../../model/versions.js';
import type { DocxSettings } from '../state.js';
import { TABLE_BORDERS } from './borders.js';
import { textWidth } from './page.js';
import { HEADER_FILL, STYLE } from './styles.js';

/** Share of the text width taken by logo | middle | label | value. */
const COLUMNS = [0.2, 0.44, 0.21, 0.15] as const;
const CELL_PADDING = 2 * 85;
/** The logo may not be taller than this (pixels at 96 dpi ≈ 1.3 cm). */
const LOGO_MAX_HEIGHT = 50;
const TWIPS_PER_PIXEL = 15;

export function documentHeader(settings: DocxSettings): Header {
  const { context } = settings;
  const widths = distribute(textWidth(settings.page));
  const [logoWidth = 0, middleWidth = 0, labelWidth = 0, valueWidth = 0] = widths;
  const cell = (children: Paragraph[], width: number, extra: Partial<ConstructorParameters<typeof TableCell>[0]> = {}) =>
    new TableCell({ children, width: { size: width, type: WidthType.DXA }, verticalAlign: VerticalAlignTable.CENTER, ...extra });
  const label = (text: string) =>
    cell([line(text, { bold: true })], labelWidth, { shading: { fill: HEADER_FILL, type: ShadingType.CLEAR, color: 'auto' } });
  const value = (text: string) => cell([line(text)], valueWidth);

  const rows = [
    new TableRow({
      cantSplit: true,
      children: [
        cell(logoBlock(context, logoWidth - CELL_PADDING), logoWidth, { rowSpan: 4 }),
        cell([line(context.entity.name.toUpperCase(), { bold: true })], middleWidth),
        label('CÓDIGO'),
        value(context.code),
      ],
    }),
    new TableRow({ cantSplit: true, children: [cell([line(context.process.toUpperCase())], middleWidth), label('VERSIÓN'), value(context.version.label)] }),
    new TableRow({
      cantSplit: true,
      children: [
        cell([line(context.title, { bold: true })], middleWidth, { rowSpan: 2 }),
        label('FECHA DE APROBACIÓN'),
        value(context.version.approvalDateShort || '—'),
      ],
    }),
    new TableRow({
      cantSplit: true,
      children: [
        cell(
          [new Paragraph({ style: STYLE.header, children: [new TextRun({ children: ['Página ', PageNumber.CURRENT, ' de ', PageNumber.TOTAL_PAGES] })] })],
          labelWidth + valueWidth,
          { columnSpan: 2 },
        ),
      ],
    }),
  ];
  const notice = STATE_NOTICES[context.state];
  if (notice) rows.push(new TableRow({ cantSplit: true, children: [cell([line(notice, { bold: true })], widths.reduce((a, b) => a + b, 0), { columnSpan: 4 })] }));
  const table = new Table({
    rows,
    borders: TABLE_BORDERS,
    layout: TableLayoutType.FIXED,
    width: { size: widths.reduce((a, b) => a + b, 0), type: WidthType.DXA },
    columnWidths: widths,
  });
  // A header, like a cell, must end with a paragraph; this one keeps a small
  // gap between the block and the body, and holds the draft watermark,
  // which Word draws behind every page of the sections using this header.
  const watermark = context.state === 'borrador' ? [new TextWatermark({ text: DRAFT_WATERMARK, font: 'Arial', color: 'C0C0C0', opacity: 0.5 })] : [];
  return new Header({ children: [table, new Paragraph({ style: STYLE.header, children: watermark })] });
}

function distribute(total: number): number[] {
  const widths = COLUMNS.map((share) => Math.floor(total * share));
  widths[widths.length - 1]! += total - widths.reduce((a, b) => a + b, 0);
  return widths;
}

function line(text: string, marks: { bold?: boolean; italics?: boolean } = {}): Paragraph {
  return new Paragraph({ style: STYLE.header, children: [new TextRun({ text, ...marks })] });
}

function logoBlock(context: DocumentContext, maxWidthTwips: number): Paragraph[] {
  const { entity } = context;
  const blocks = [new Paragraph({ style: STYLE.header, children: [logoRun(entity.logo, entity.name, maxWidthTwips / TWIPS_PER_PIXEL)] })];
  blocks.push(line(entity.shortName, { bold: true }));
  if (entity.slogan) blocks.push(line(entity.slogan, { italics: true }));
  return blocks;
}

/** The logo scaled to fit, kept in proportion. */
export function logoSize(logo: Pick<LogoImage, 'width' | 'height'>, maxWidth: number, maxHeight = LOGO_MAX_HEIGHT) {
  const scale = Math.min(maxWidth / logo.width, maxHeight / logo.height);
  return { width: Math.max(1, Math.round(logo.width * scale)), height: Math.max(1, Math.round(logo.height * scale)) };
}

function logoRun(logo: LogoImage, entityName: string, maxWidth: number): ImageRun {
  return new ImageRun({
    type: logo.mime === 'image/png' ? 'png' : 'jpg',
    data: logo.bytes,
    transformation: logoSize(logo, maxWidth),
    altText: { name: 'Logo', title: 'Logo', description: `Logo de ${entityName}` },
  });
}
