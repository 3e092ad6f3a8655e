// Named styles and colours shared by handlers and layout pieces, so the
// document has one typographic scale. Colours are plain RGB (no alpha):
// PDF/A-1 forbids transparency.
import type { Style } from 'pdfmake/interfaces.js';
import { FONT_FAMILY } from './fonts.js';

export const COLORS = {
  text: '#1a1a1a',
  link: '#0b4f9c',
  rule: '#4d4d4d',
  shade: '#d9e2f3',
  muted: '#555555',
  notice: '#9c1c1c',
  watermark: '#e4e4e4',
} as const;

export const BODY_SIZE = 10.5;
export const TABLE_SIZE = 9;

export const DEFAULT_STYLE: Style = { font: FONT_FAMILY, fontSize: BODY_SIZE, lineHeight: 1.15, color: COLORS.text };

export const STYLES: Record<string, Style> = {
  paragraph: { margin: [0, 0, 0, 6], alignment: 'justify' },
  paragraphTight: { margin: [0, 0, 0, 2] },
  h1: { fontSize: 13, bold: true, margin: [0, 14, 0, 6] },
  h2: { fontSize: 12, bold: true, margin: [0, 10, 0, 5] },
  h3: { fontSize: 11, bold: true, margin: [0, 8, 0, 4] },
  h4: { fontSize: 10.5, bold: true, italics: true, margin: [0, 6, 0, 3] },
  tableCell: { fontSize: TABLE_SIZE, alignment: 'left' },
  tableHeader: { fontSize: TABLE_SIZE, bold: true, alignment: 'center' },
  caption: { fontSize: 9.5, bold: true, margin: [0, 4, 0, 4], alignment: 'center' },
  code: { fontSize: 9, color: COLORS.muted },
  header: { fontSize: 8.5, alignment: 'center' },
  footer: { fontSize: 7.5, alignment: 'center', color: COLORS.muted, lineHeight: 1.1 },
  tocTitle: { fontSize: 13, bold: true, alignment: 'center', margin: [0, 0, 0, 12] },
  tocEntry: { fontSize: 10 },
};

/** Thin grey rules around every cell: the header block and every body table. */
export const RULES = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  hLineColor: () => COLORS.rule,
  vLineColor: () => COLORS.rule,
} as const;
