// ::firmas is only a placeholder: the signature block is drawn from the typed
// context (layout/signatures.ts), never from Markdown text. The block is
// unbreakable, but pdfmake silently drops an unbreakable block taller than a
// page; with many signatories each part is kept whole on its own instead.
import type { Signatures } from '../../../parse/nodes.js';
import { signatureBlock } from '../layout/signatures.js';
import type { Handler } from '../state.js';

/** Room left on the page for the section heading kept with the block. */
const HEADING_ALLOWANCE = 80;

export const signatures: Handler<Signatures> = (_node, state) => {
  const { context, bodyHeight, heightOf } = state.settings;
  if (heightOf(signatureBlock(context)) <= bodyHeight - HEADING_ALLOWANCE) return [signatureBlock(context)];
  return signatureBlock(context).stack.map((part) => ({ stack: [part], unbreakable: true }));
};
