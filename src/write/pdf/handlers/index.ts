// The handler map: one handler per node type the parse stage can produce.
// Anything else reaches the fallback in state.ts and is reported as a bug.
import type { HandlerMap } from '../state.js';
import { blockquote } from './blockquote.js';
import { breakHandler } from './break.js';
import { code } from './code.js';
import { deleteHandler } from './delete.js';
import { emphasis } from './emphasis.js';
import { figure } from './figure.js';
import { frontSection } from './front-section.js';
import { glossaryEntry } from './glossary-entry.js';
import { glossary } from './glossary.js';
import { heading } from './heading.js';
import { inlineCode } from './inline-code.js';
import { link } from './link.js';
import { listItem } from './list-item.js';
import { list } from './list.js';
import { paragraph } from './paragraph.js';
import { richTableCell } from './rich-table-cell.js';
import { richTableRow } from './rich-table-row.js';
import { richTable } from './rich-table.js';
import { signatures } from './signatures.js';
import { strong } from './strong.js';
import { text } from './text.js';
import { thematicBreak } from './thematic-break.js';
import { underline } from './underline.js';

export const handlers: HandlerMap = {
  figure,
  blockquote,
  break: breakHandler,
  code,
  delete: deleteHandler,
  emphasis,
  frontSection,
  glossary,
  glossaryEntry,
  heading,
  inlineCode,
  link,
  list,
  listItem,
  paragraph,
  richTable,
  richTableCell,
  richTableRow,
  signatures,
  strong,
  text,
  thematicBreak,
  underline,
};
