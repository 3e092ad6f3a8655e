import { HeadingLevel, Paragraph, TextRun } from 'docx';
import type { Handler } from '../state.js';
import type { FrontSection } from '../../../parse/nodes.js';

// CONTROL DE CAMBIOS: a Heading 1 without a number, so it is in the contents
// and the navigation pane but does not shift the numbering of the body.
export const frontSection: Handler<FrontSection> = (node, state) => [
  new Paragraph({ heading: HeadingLevel.HEADING_1, ...(node.atEnd ? { pageBreakBefore: true } : {}), children: [new TextRun({ text: node.title })] }),
  ...state.blocks(node),
];
