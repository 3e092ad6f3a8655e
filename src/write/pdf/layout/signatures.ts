// The signature page: each signatory with Nombre / Cargo / Firma / Fecha, the
// Elaboró / Revisó / Aprobó grid, and the approval record. Firma rows are
// ruled boxes taller than 2 cm so a pen fits; a missing name leaves an empty
// ruled line to fill in by hand. The block is unbreakable: a signature page
// split across two sheets is not a valid approval record.
import type { Content, ContentStack, TableCell } from 'pdfmake/interfaces.js';
import type { DocumentContext, SignerRole, Signatory } from '../../../model/document-context.js';
import { COLORS } from '../styles.js';

/** 2 cm is 56.7 pt; a little more leaves room for a signature's loops. */
export const SIGNATURE_ROW_HEIGHT = 64;
const HANDWRITING_ROW_HEIGHT = 22;
const LABEL_WIDTH = 70;

const ruled = {
  hLineWidth: () => 0.75,
  vLineWidth: () => 0.75,
  hLineColor: () => COLORS.rule,
  vLineColor: () => COLORS.rule,
  paddingTop: () => 4,
  paddingBottom: () => 4,
};

const label = (text: string): TableCell => ({ text, bold: true, fillColor: COLORS.shade });

function signatoryTable(signatory: Signatory): Content {
  return {
    table: {
      widths: [LABEL_WIDTH, '*'],
      heights: (row: number) => (row === 2 ? SIGNATURE_ROW_HEIGHT : HANDWRITING_ROW_HEIGHT),
      body: [
        [label('Nombre'), signatory.name ?? ''],
        [label('Cargo'), signatory.position],
        [label('Firma'), ''],
        [label('Fecha'), ''],
      ],
    },
    layout: ruled,
    margin: [0, 0, 0, 12],
  };
}

function approvalGrid(grid: readonly SignerRole[]): Content {
  const cells = (pick: (role: SignerRole) => string | undefined): TableCell[] => grid.map((role) => pick(role) ?? '');
  return {
    table: {
      widths: [LABEL_WIDTH, ...grid.map(() => '*' as const)],
      headerRows: 1,
      heights: (row: number) => (row === 3 ? SIGNATURE_ROW_HEIGHT : HANDWRITING_ROW_HEIGHT),
      body: [
        [{ text: '', fillColor: COLORS.shade }, ...grid.map((role) => ({ ...(label(role.role) as object), alignment: 'center' }) as TableCell)],
        [label('Nombre'), ...cells((role) => role.name)],
        [label('Cargo'), ...cells((role) => role.position)],
        [label('Firma'), ...cells(() => '')],
        [label('Fecha'), ...cells(() => '')],
      ],
    },
    layout: ruled,
    fontSize: 9,
    margin: [0, 4, 0, 12],
  };
}

export function signatureBlock(context: DocumentContext): ContentStack & { stack: Content[] } {
  const layout = context.frame.signatures;
  const parts: Content[] = layout.signers ? context.signatories.map(signatoryTable) : [];
  if (layout.grid && context.approvalGrid.length > 0) parts.push(approvalGrid(context.approvalGrid));
  if (layout.record && context.approvalSentence) parts.push({ text: context.approvalSentence, style: 'paragraph', italics: true });
  return { stack: parts, unbreakable: true };
}
