import type { Image, ImageReference, Link, LinkReference } from 'mdast';
import { isSafeUrl } from '../../../parse/safe-url.js';
import { children, element, text, type HtmlHandler } from '../state.js';

// Only http(s), mailto and relative addresses become links; anything else
// (javascript:, data:, file:…) keeps its text and loses the link.
export const link: HtmlHandler<Link> = (state, node) => {
  const content = children(state, node);
  if (!isSafeUrl(node.url)) return element('span', { className: ['enlace-omitido'] }, content);
  const result = element('a', { href: node.url, ...(node.title ? { title: node.title } : {}) }, content);
  state.patch(node, result);
  return result;
};

// A reference link resolves through its definition, which passes the same check.
export const linkReference: HtmlHandler<LinkReference> = (state, node) => {
  const definition = state.definitionById.get(node.identifier.toUpperCase());
  const content = children(state, node);
  if (!definition || !isSafeUrl(definition.url)) return element('span', {}, content);
  const result = element('a', { href: definition.url }, content);
  state.patch(node, result);
  return result;
};

// The accessible edition loads nothing from elsewhere: an image is its text.
export const image: HtmlHandler<Image> = (_state, node) => (node.alt ? text(node.alt) : undefined);
export const imageReference: HtmlHandler<ImageReference> = (_state, node) => (node.alt ? text(node.alt) : undefined);
