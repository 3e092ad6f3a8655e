// The header block of every page, as in the Personería's DE-P-007: a
// bordered table with the logo, short name and slogan | entity, process and
// title | código, versión, fecha de aprobación and "Página X de Y".
// Its height is measured in index.ts to size the top margin, so a long
// entity name or a three-line title pushes the body down instead of
// overlapping it.
import type { Content, TableCell } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../../model/document-context.js';
import { STATE_NOTICES } from '../../../model/versions.js';
import { REPEATED_BLOCK } from '../repeated-blocks.js';
import { COLORS, RULES } from '../styles.js';
import { EDGE_GAP, SIDE_MARGIN } from './page-sizes.js';

export const LOGO_IMAGE = 'logo';
const LOGO_COLUMN = 92;
const INFO_COLUMN = 140;
const LOGO_MAX_HEIGHT = 40;

/** The widest page label the header may print, used when measuring. */
export const WIDEST_PAGE_LABEL = 'Página 8888 de 8888';

export function pageLabel(page: number, pages: number): string {
  return `Página ${page} de ${pages}`;
}

const field = (name: string, value: string): TableCell => ({ text: [{ text: `${name}: `, bold: true }, value] });

/** The header table itself, without the page margins around it. */
export function headerTable(context: DocumentContext, page: string): Content {
  const { entity } = context;
  const logo: Content[] = [
    { image: LOGO_IMAGE, fit: [LOGO_COLUMN - 8, LOGO_MAX_HEIGHT], alignment: 'center', margin: [0, 0, 0, 2] },
    { text: entity.shortName, bold: true, fontSize: 7 },
  ];
  if (entity.slogan) logo.push({ text: entity.slogan, italics: true, fontSize: 6.5 });
  const body: TableCell[][] = [
    [{ stack: logo, rowSpan: 4 }, { text: entity.name, bold: true }, field('CÓDIGO', context.code)],
    ['', { text: context.process }, field('VERSIÓN', context.version.label)],
    ['', { text: context.title, bold: true, rowSpan: 2 }, field('FECHA DE APROBACIÓN', context.version.approvalDateShort || 'sin aprobar')],
    ['', '', { text: page }],
  ];
  // A draft or an obsolete version says so in the block itself, on every page.
  const notice = STATE_NOTICES[context.state];
  if (notice) body.push([{ text: notice, bold: true, colSpan: 3, alignment: 'center', color: COLORS.notice }, '', '']);
  return {
    table: {
      widths: [LOGO_COLUMN, '*', INFO_COLUMN],
      body,
    },
    layout: {
      ...RULES,
      paddingTop: () => 2,
      paddingBottom: () => 2,
    },
    style: 'header',
  };
}

/**
 * pdfmake's header callback: the table inside the page's side margins. Only
 * the page label changes from page to page, which lets pdfmake lay the
 * block out once (see repeated-blocks.ts).
 */
export function headerForPage(context: DocumentContext) {
  return (currentPage: number, pageCount: number): Content => {
    const label = pageLabel(currentPage, pageCount);
    return {
      stack: [headerTable(context, label)],
      margin: [SIDE_MARGIN, EDGE_GAP, SIDE_MARGIN, 0],
      [REPEATED_BLOCK]: { key: 'header', variable: label },
    } as Content;
  };
}
