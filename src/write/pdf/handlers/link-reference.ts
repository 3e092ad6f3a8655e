// [texto][ref] with a "[ref]: url" definition elsewhere: drawn as a link.
import type { LinkReference } from 'mdast';
import type { Handler } from '../state.js';
import { linkTo } from './link.js';

export const linkReference: Handler<LinkReference> = (node, state) => {
  const url = state.settings.tree.definitions.get(node.identifier);
  return url === undefined ? state.all(node) : linkTo(url, state.all(node), state);
};
