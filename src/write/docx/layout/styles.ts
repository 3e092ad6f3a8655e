// The document's Word styles. Formatting lives here, in named styles, not as
// direct formatting on every run: the calidad team edits these files in Word,
// where "Título 1" must be a real heading (navigation pane, TOC, PDF export).
import { AlignmentType, ImportedXmlComponent, LineRuleType, type IParagraphStyleOptions, type IStylesOptions } from 'docx';

export const FONT = 'Arial';
export const LANGUAGE = 'es-CO';
/** Shading of table header rows and of the header block's labels. */
export const HEADER_FILL = 'D9D9D9';
export const BORDER_COLOR = '808080';

/** Style ids used by the handlers, so a typo is a compile error. */
export const STYLE = {
  title: 'Title',
  subtitle: 'Subtitle',
  coverLine: 'CoverLine',
  contentsHeading: 'TOCHeading',
  tableText: 'TableText',
  tableHeading: 'TableHeading',
  caption: 'Caption',
  listParagraph: 'ListParagraph',
  listContinue: 'ListContinue',
  glossaryEntry: 'GlossaryEntry',
  glossaryTerm: 'GlossaryTerm',
  verbatim: 'VerbatimChar',
  header: 'Header',
  footer: 'Footer',
  code: 'SourceCode',
  quote: 'Quote',
  signatureNote: 'SignatureNote',
  hyperlink: 'Hyperlink',
  table: 'DocctlTable',
} as const;

const pt = (points: number) => points * 2; // docx sizes are half-points

// Word's own heading styles take outline levels 0–5; docx leaves them out,
// and without them converters and the navigation pane see plain paragraphs.
function heading(level: number, size: number, extra: { italics?: boolean } = {}): IParagraphStyleOptions {
  return {
    id: `Heading${level}`,
    name: `Heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt(size), bold: true, color: '1F1F1F', ...extra },
    paragraph: {
      outlineLevel: level - 1,
      keepNext: true,
      keepLines: true,
      spacing: { before: level === 1 ? 360 : 240, after: 120 },
    },
  };
}

const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: 'Normal',
    name: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt(11) },
    paragraph: { spacing: { after: 120, line: 264, lineRule: LineRuleType.AUTO }, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: STYLE.title,
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt(22), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 480, after: 480 } },
  },
  {
    id: STYLE.subtitle,
    name: 'Subtitle',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: FONT, size: pt(14), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } },
  },
  {
    id: STYLE.coverLine,
    name: 'Cover Line',
    basedOn: 'Normal',
    run: { size: pt(12) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 120, after: 120 } },
  },
  heading(1, 13),
  heading(2, 12),
  heading(3, 11),
  heading(4, 11, { italics: true }),
  heading(5, 11, { italics: true }),
  heading(6, 11, { italics: true }),
  {
    // Not a heading: the contents must not list its own title.
    id: STYLE.contentsHeading,
    name: 'TOC Heading',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: pt(13), bold: true },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240 } },
  },
  {
    id: STYLE.tableText,
    name: 'Table Text',
    basedOn: 'Normal',
    run: { size: pt(9.5) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 40, after: 40, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.tableHeading,
    name: 'Table Heading',
    basedOn: STYLE.tableText,
    run: { bold: true },
    // No keepNext: LibreOffice turns it into "keep table with next paragraph".
    paragraph: { alignment: AlignmentType.CENTER },
  },
  {
    id: STYLE.caption,
    name: 'Caption',
    basedOn: 'Normal',
    next: 'Normal',
    run: { size: pt(10), bold: true },
    paragraph: { keepNext: true, alignment: AlignmentType.CENTER, spacing: { before: 120, after: 80 } },
  },
  {
    id: STYLE.listParagraph,
    name: 'List Paragraph',
    basedOn: 'Normal',
    paragraph: { spacing: { after: 60 } },
  },
  {
    // Second and later paragraphs of a list item: indented, no number.
    id: STYLE.listContinue,
    name: 'List Continue',
    basedOn: 'Normal',
    paragraph: { spacing: { after: 60 } },
  },
  {
    id: STYLE.glossaryEntry,
    name: 'Glossary Entry',
    basedOn: 'Normal',
    paragraph: { spacing: { after: 120 } },
  },
  {
    id: STYLE.header,
    name: 'header',
    basedOn: 'Normal',
    run: { size: pt(8) },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 20, after: 20, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.footer,
    name: 'footer',
    basedOn: 'Normal',
    run: { size: pt(7.5), color: '404040' },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.code,
    name: 'Source Code',
    basedOn: 'Normal',
    run: { font: 'Courier New', size: pt(9) },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: STYLE.quote,
    name: 'Quote',
    basedOn: 'Normal',
    next: 'Normal',
    run: { italics: true },
    paragraph: { indent: { left: 567, right: 567 } },
  },
  {
    id: STYLE.signatureNote,
    name: 'Signature Note',
    basedOn: 'Normal',
    run: { size: pt(10), italics: true },
    paragraph: { alignment: AlignmentType.LEFT, spacing: { before: 240 }, keepLines: true },
  },
];

// docx has no API for table styles; this is Word's "Table Grid" with our
// borders and cell padding, so tables keep their look when edited in Word.
// It is added to the built document (index.ts): passing it as
// `importedStyles` would replace docx's defaults, document language included.
export const tableStyle = () =>
  ImportedXmlComponent.fromXmlString(
  `<w:style w:type="table" w:styleId="${STYLE.table}"><w:name w:val="Docctl Table"/><w:basedOn w:val="TableNormal"/><w:uiPriority w:val="59"/>` +
    `<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>` +
    `<w:tblPr><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV']
      .map((side) => `<w:${side} w:val="single" w:sz="4" w:space="0" w:color="${BORDER_COLOR}"/>`)
      .join('')}</w:tblBorders>` +
    `<w:tblCellMar><w:top w:w="40" w:type="dxa"/><w:left w:w="85" w:type="dxa"/><w:bottom w:w="40" w:type="dxa"/><w:right w:w="85" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>`,
);

export function documentStyles(): IStylesOptions {
  return {
    default: {
      document: { run: { font: FONT, size: pt(11), language: { value: LANGUAGE } } },
      hyperlink: { run: { color: '0563C1', underline: { type: 'single' } } },
    },
    paragraphStyles,
    characterStyles: [
      { id: STYLE.glossaryTerm, name: 'Glossary Term', basedOn: 'DefaultParagraphFont', run: { bold: true } },
      { id: STYLE.verbatim, name: 'Verbatim Char', basedOn: 'DefaultParagraphFont', run: { font: 'Courier New', size: pt(10) } },
    ],
  };
}
