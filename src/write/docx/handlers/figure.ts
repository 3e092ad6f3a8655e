// A figure: the image in its own centred paragraph, no wider than the text
// column and never scaled up, with its alternative text as the picture's
// description (what Word's "Texto alternativo" shows and screen readers
// read), and the caption under it. The image's paragraph keeps with the
// caption, so the two never part at a page break.
import { AlignmentType, ImageRun, Paragraph } from 'docx';
import type { Figure } from '../../../parse/nodes.js';
import { textWidth } from '../layout/page.js';
import { STYLE } from '../layout/styles.js';
import { fitImage } from '../layout/frame-parts.js';
import type { Handler } from '../state.js';

const TWIPS_PER_POINT = 20;
const POINTS_PER_PIXEL = 72 / 96;
/** Of the page's text height, as in the PDF edition. */
const MAX_HEIGHT_SHARE = 0.75;

export const figure: Handler<Figure> = (node, state) => {
  const image = state.settings.context.figures[node.file];
  if (!image) throw new Error(`internal: figure ${node.file} was checked by the parse stage`);
  const { page } = state.settings;
  const widthPoints = Math.min(textWidth(page) / TWIPS_PER_POINT, image.width * POINTS_PER_PIXEL);
  const textHeight = (page.height - page.margin.top - page.margin.bottom) / TWIPS_PER_POINT;
  const heightPoints = Math.min(textHeight * MAX_HEIGHT_SHARE, image.height * POINTS_PER_PIXEL);
  const run = new ImageRun({
    type: image.mime === 'image/png' ? 'png' : 'jpg',
    data: image.bytes,
    transformation: fitImage(image, [widthPoints, heightPoints]),
    altText: { name: node.file, title: node.caption ?? node.alt, description: node.alt },
  });
  const picture = new Paragraph({ alignment: AlignmentType.CENTER, keepNext: node.caption !== undefined, spacing: { before: 120, after: node.caption ? 40 : 160 }, children: [run] });
  return node.caption ? [picture, new Paragraph({ style: STYLE.caption, text: node.caption })] : [picture];
};
