import type { ListItem } from 'mdast';
import { Paragraph } from 'docx';
import type { Handler } from '../state.js';
import { STYLE } from '../layout/styles.js';

export const listItem: Handler<ListItem> = (node, state) => {
  const blocks = state.blocks(node);
  const list = state.scope.list;
  // An item that does not start with a paragraph ("- " alone, or a nested
  // list first) still shows its own number or bullet.
  if (list?.numberNext) {
    list.numberNext = false;
    const marker = new Paragraph({
      style: state.scope.paragraphStyle ?? STYLE.listParagraph,
      numbering: { reference: list.reference, level: list.level, instance: list.instance },
    });
    return [marker, ...blocks];
  }
  return blocks;
};
