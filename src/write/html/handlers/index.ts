// The handler map: our own node types (parse/nodes.ts) and the mdast nodes
// whose default rendering we change (numbered headings, filtered links).
// Every other mdast node takes mdast-util-to-hast's default handler; a node
// type nobody knows reaches the fallback in ../index.ts.
import type { HtmlHandlers } from '../state.js';
import { figure } from './figure.js';
import { frontSection } from './front-section.js';
import { glossaryEntry } from './glossary-entry.js';
import { glossary } from './glossary.js';
import { heading } from './heading.js';
import { image, imageReference, link, linkReference } from './link.js';
import { richTableCell } from './rich-table-cell.js';
import { richTableRow } from './rich-table-row.js';
import { richTable } from './rich-table.js';
import { signatures } from './signatures.js';
import { underline } from './underline.js';

export const handlers: HtmlHandlers = {
  figure,
  frontSection,
  glossary,
  glossaryEntry,
  heading,
  image,
  imageReference,
  link,
  linkReference,
  richTable,
  richTableCell,
  richTableRow,
  signatures,
  underline,
};
