// A figure: the image centred, no wider than the body and never scaled up
// (pixels at 96 dpi), no taller than most of a page so it and its caption
// always fit on one; image and caption are one unbreakable block, so a
// caption is never left alone at the foot of a page. PDF/A-1 has no
// transparency: the image is embedded flattened onto white (logo.ts).
import type { Content } from 'pdfmake/interfaces.js';
import type { Figure } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

/** The pdfmake image name of a figure. */
export const figureImageName = (file: string) => `figura:${file}`;

const POINTS_PER_PIXEL = 72 / 96;
/** Of the body's height: leaves room for the caption and a heading kept with it. */
const MAX_HEIGHT_SHARE = 0.75;

export const figure: Handler<Figure> = (node, state) => {
  const image = state.settings.context.figures[node.file];
  if (!image) throw new Error(`internal: figure ${node.file} was checked by the parse stage`);
  const { bodyWidth, bodyHeight } = state.settings;
  const fit: [number, number] = [Math.min(bodyWidth, image.width * POINTS_PER_PIXEL), Math.min(bodyHeight * MAX_HEIGHT_SHARE, image.height * POINTS_PER_PIXEL)];
  const parts: Content[] = [{ image: figureImageName(node.file), fit, alignment: 'center', margin: [0, 6, 0, node.caption ? 2 : 8] }];
  if (node.caption) parts.push({ text: node.caption, style: 'caption', margin: [0, 2, 0, 8] });
  return [{ stack: parts, unbreakable: true }];
};
