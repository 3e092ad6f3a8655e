import type { Handler } from '../state.js';
import type { Signatures } from '../../../parse/nodes.js';
import { signatureBlock } from '../layout/signatures.js';

// ::firmas is a placeholder: the block is drawn from the typed context, never
// from Markdown text. When a heading introduces it, the heading opens the page.
export const signatures: Handler<Signatures> = (node, state, parent) => {
  const siblings: readonly { type: string }[] = parent?.children ?? [];
  const introduced = siblings[siblings.indexOf(node) - 1]?.type === 'heading';
  return signatureBlock(state.settings, { opensPage: !introduced });
};
