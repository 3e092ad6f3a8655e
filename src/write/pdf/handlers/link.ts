// Links must be clickable and look like links on paper too (colour and
// underline), since a printed copy cannot be hovered. A "#seccion-…" link
// to one of our headings jumps inside the document.
import type { Link } from 'mdast';
import type { Content } from 'pdfmake/interfaces.js';
import type { Handler, PdfState } from '../state.js';
import { COLORS } from '../styles.js';
import { withStyle } from './inline-runs.js';

const LOOK = { color: COLORS.link, decoration: 'underline' } as const;

export const link: Handler<Link> = (node, state) => linkTo(node.url, state.all(node), state);

/** Runs that link to `url`; also used for [texto][ref] references. */
export function linkTo(url: string, children: Content[], state: PdfState): Content[] {
  if (!url.startsWith('#')) return withStyle(children, { ...LOOK, link: url });
  const target = url.slice(1);
  if (!state.settings.tree.headingIds.has(target)) return children;
  return withStyle(children, { ...LOOK, linkToDestination: target });
}
