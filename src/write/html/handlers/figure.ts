// A figure: <figure> with the image (its alternative text in alt) and the
// caption in <figcaption>. The image is written into the page as a data:
// address, so the accessible edition stays one self-contained file and the
// site loads nothing from elsewhere; width and height let the browser keep
// the room before it decodes it, and CSS keeps it within the column.
import type { Figure } from '../../../parse/nodes.js';
import { element, text, type HtmlHandler } from '../state.js';

export const figure: HtmlHandler<Figure> = (state, node, _parent, settings) => {
  const image = settings.context.figures[node.file];
  if (!image) throw new Error(`internal: figure ${node.file} was checked by the parse stage`);
  const src = `data:${image.mime};base64,${Buffer.from(image.bytes).toString('base64')}`;
  const img = element('img', { src, alt: node.alt, width: image.width, height: image.height, loading: 'lazy', decoding: 'async' }, []);
  const result = element('figure', { className: ['figura'] }, [img, ...(node.caption ? [element('figcaption', {}, [text(node.caption)])] : [])]);
  state.patch(node as never, result);
  return result;
};
