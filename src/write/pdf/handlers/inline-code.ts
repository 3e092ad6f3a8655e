// `code` — rare in official documents; shown in the body font, greyed, since
// embedding a monospace font only for this is not worth a second font file.
import type { InlineCode } from 'mdast';
import type { Handler } from '../state.js';

export const inlineCode: Handler<InlineCode> = (node) => [{ text: node.value, style: 'code' }];
