import type { Paragraph as MdParagraph } from 'mdast';
import { Paragraph } from 'docx';
import type { Handler } from '../state.js';
import { listIndent } from '../layout/numbering.js';
import { STYLE } from '../layout/styles.js';

// Inside a list item the first paragraph carries the item's number and the
// rest are indented to the text of the item (list.ts, list-item.ts).
export const paragraph: Handler<MdParagraph> = (node, state) => {
  const children = state.inlines(node);
  const { list, paragraphStyle } = state.scope;
  if (!list) return [new Paragraph({ children, style: paragraphStyle })];
  if (list.numberNext) {
    list.numberNext = false;
    return [
      new Paragraph({
        children,
        style: paragraphStyle ?? STYLE.listParagraph,
        numbering: { reference: list.reference, level: list.level, instance: list.instance },
      }),
    ];
  }
  return [new Paragraph({ children, style: paragraphStyle ?? STYLE.listContinue, indent: { left: listIndent(list.level) } })];
};
