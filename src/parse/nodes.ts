// The document tree every writer consumes is mdast plus a few node types of
// our own, declared here so handlers are type-checked. They are produced by
// the transforms in ./transforms/ from directives and GFM tables; nothing
// after the parse stage ever sees a directive.
//
//   richTable      every table (GFM tables are normalised to it), so writers
//                  have one table path; cells hold block content.
//   underline      :subrayado[texto]
//   glossary       :::glosario container, one glossaryEntry per term.
//   signatures     ::firmas — a placeholder: writers draw the signature block
//                  from the typed DocumentContext, never from Markdown text.
//   frontSection   :::control-de-cambios — an unnumbered section before the
//                  body (change control).
//   figure         ![alt](figuras/x.png "Leyenda") alone in its paragraph:
//                  an image file beside the document's data (transforms/figures.ts).
import type { BlockContent, Data, Parent, PhrasingContent } from 'mdast';
import type { Node } from 'unist';

export interface RichTableCell extends Parent {
  type: 'richTableCell';
  children: BlockContent[];
}

export interface RichTableRow extends Parent {
  type: 'richTableRow';
  children: RichTableCell[];
}

export interface RichTable extends Parent {
  type: 'richTable';
  /** Leading rows that form the header; repeated on every page. */
  headerRows: number;
  caption?: string | undefined;
  /** Set by templates for known tables, so writers may style them. */
  kind?: string | undefined;
  children: RichTableRow[];
}

export interface Underline extends Parent {
  type: 'underline';
  children: PhrasingContent[];
}

export interface GlossaryEntry extends Parent {
  type: 'glossaryEntry';
  term: string;
  /** The definition, without the term. */
  children: PhrasingContent[];
}

export interface Glossary extends Parent {
  type: 'glossary';
  children: GlossaryEntry[];
}

export interface Signatures {
  type: 'signatures';
  data?: Data | undefined;
}

export interface FrontSection extends Parent {
  type: 'frontSection';
  kind: 'control-de-cambios';
  title: string;
  /** After the body (the format's "lugar": "final"), instead of before it. */
  atEnd?: boolean;
  children: BlockContent[];
}

/** An image of the document's figuras/ folder, drawn as a block with its caption. */
export interface Figure extends Node {
  type: 'figure';
  /** The file's name inside figuras/: "flujograma.png". */
  file: string;
  /** Alternative text, required: what the figure shows, for whoever cannot see it. */
  alt: string;
  /** The caption (the image's title), printed under it. */
  caption?: string | undefined;
}

declare module 'mdast' {
  interface BlockContentMap {
    figure: Figure;
    richTable: RichTable;
    glossary: Glossary;
    signatures: Signatures;
    frontSection: FrontSection;
  }
  interface PhrasingContentMap {
    underline: Underline;
  }
  interface RootContentMap {
    figure: Figure;
    richTable: RichTable;
    glossary: Glossary;
    signatures: Signatures;
    frontSection: FrontSection;
    underline: Underline;
    richTableRow: RichTableRow;
    richTableCell: RichTableCell;
    glossaryEntry: GlossaryEntry;
  }
  interface HeadingData {
    /** Generated section number, e.g. "5.4.1." — never typed into the data. */
    number?: string;
    /** Stable anchor for contents, bookmarks and links: "seccion-5-4-1". */
    id?: string;
  }
}
