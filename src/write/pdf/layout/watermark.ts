// The diagonal BORRADOR across every page of a draft. pdfmake's own
// watermark is painted over the text with transparency, which PDF/A-1
// forbids; this one is a page background (painted first, under the text) in
// a light solid grey, drawn as SVG text in the embedded font.
import type { Content } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { DRAFT_WATERMARK } from '../../../model/versions.js';
import { FONT_FAMILY } from '../fonts.js';
import { COLORS } from '../styles.js';

export function draftBackground(context: DocumentContext) {
  if (context.state !== 'borrador') return undefined;
  return (_page: number, size: { width: number; height: number }): Content => {
    const { width, height } = size;
    const angle = (-Math.atan2(height, width) * 180) / Math.PI;
    // Sized to sit inside the page along its diagonal, with room to spare.
    const fontSize = Math.round(Math.hypot(width, height) / 9);
    // SVG text sits on its baseline: lower it by about a third of the size
    // so the word is centred on the page.
    const baseline = height / 2 + fontSize * 0.35;
    const svg =
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}">` +
      `<text x="${width / 2}" y="${baseline.toFixed(1)}" transform="rotate(${angle.toFixed(2)} ${width / 2} ${height / 2})" ` +
      `font-family="${FONT_FAMILY}" font-weight="bold" font-size="${fontSize}" fill="${COLORS.watermark}" ` +
      `text-anchor="middle" dominant-baseline="middle">${DRAFT_WATERMARK}</text></svg>`;
    return { svg, width, height, absolutePosition: { x: 0, y: 0 } };
  };
}
