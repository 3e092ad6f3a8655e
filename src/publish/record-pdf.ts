// A table as a controlled record in PDF: the listado maestro and the three
// instruments of Ley 1712. Every page carries the entity's header (logo and
// name), the record's title and the date it was generated, and "Página X de
// Y". Columns are sized so that no word is ever broken in the middle (the
// old listado printed "APROBACIÓ/N"): each column is at least as wide as its
// longest word, measured with the very font pdfmake draws with, and the
// room left is shared out in proportion to how much text each column holds.
import * as fontkit from 'fontkit';
import { join } from 'node:path';
import type { Content, TableCell, TDocumentDefinitions } from 'pdfmake/interfaces.js';
import { formatDateShort } from '../dates.js';
import type { LogoImage } from '../model/document-context.js';
import { FONT_DIR, FONT_FAMILY } from '../write/pdf/fonts.js';
import { printer } from '../write/pdf/printer.js';

export interface RecordPdf {
  readonly entityName: string;
  readonly parentName?: string | undefined;
  readonly logo?: LogoImage | undefined;
  readonly title: string;
  /** A line under the title: the legal basis, the scope. */
  readonly subtitle?: string | undefined;
  /** ISO date the record was generated. */
  readonly generatedOn: string;
  readonly headers: readonly string[];
  readonly rows: readonly (readonly string[])[];
  /** Printed when there are no rows. */
  readonly emptyText?: string | undefined;
}

const FONT_SIZE = 7;
const CELL_PADDING = 8; // pdfmake's default: 4 pt each side
const PAGE = { width: 792, height: 612 }; // US Letter, landscape
const MARGINS: [number, number, number, number] = [30, 96, 30, 40];

type Font = { layout(text: string): { advanceWidth: number }; unitsPerEm: number };
const fonts = new Map<string, Font>();
function font(bold: boolean): Font {
  const file = bold ? 'Roboto-Medium.ttf' : 'Roboto-Regular.ttf';
  if (!fonts.has(file)) fonts.set(file, fontkit.openSync(join(FONT_DIR, file)) as unknown as Font);
  return fonts.get(file)!;
}

function textWidth(text: string, bold: boolean): number {
  const f = font(bold);
  return (f.layout(text).advanceWidth / f.unitsPerEm) * FONT_SIZE;
}

const longestWord = (text: string, bold: boolean) => Math.max(0, ...text.split(/\s+/).filter(Boolean).map((w) => textWidth(w, bold)));

/**
 * Widths in points: each column at least its longest word (header in bold),
 * the rest of the page shared by the text each column holds. If even the
 * longest words do not fit side by side, the widest columns give way last.
 */
export function columnWidths(headers: readonly string[], rows: readonly (readonly string[])[], available: number): number[] {
  // pdfmake's widths are the cells' content: padding and rules come on top.
  const room = available - headers.length * (CELL_PADDING + 1);
  const minimum = headers.map((header, c) => Math.max(longestWord(header, true), ...rows.map((row) => longestWord(row[c] ?? '', false))) + 1);
  const wanted = headers.map((header, c) => Math.max(textWidth(header, true), ...rows.map((row) => textWidth(row[c] ?? '', false))) + 1);
  const spare = room - minimum.reduce((a, b) => a + b, 0);
  if (spare <= 0) return minimum;
  const extra = wanted.map((w, c) => Math.max(0, w - minimum[c]!));
  const totalExtra = extra.reduce((a, b) => a + b, 0);
  if (totalExtra <= spare) return minimum.map((m, c) => m + extra[c]! + (spare - totalExtra) / headers.length);
  return minimum.map((m, c) => m + (spare * extra[c]!) / totalExtra);
}

function logoDataUrl(logo: LogoImage): string {
  return `data:${logo.mime};base64,${Buffer.from(logo.bytes).toString('base64')}`;
}

export async function recordPdf(record: RecordPdf): Promise<Uint8Array> {
  const available = PAGE.width - MARGINS[0] - MARGINS[2];
  const widths = columnWidths(record.headers, record.rows, available);
  const stamp = new Date(`${record.generatedOn}T12:00:00Z`);
  const header = record.headers.map((text): TableCell => ({ text, bold: true, fillColor: '#d9e2ec' }));
  const body = record.rows.map((row) => record.headers.map((_, c): TableCell => ({ text: row[c] ?? '' })));
  const logoHeight = 44;
  const logoWidth = record.logo ? Math.min(120, (record.logo.width / record.logo.height) * logoHeight) : 0;
  const pageHeader = (): Content => ({
    margin: [MARGINS[0], 24, MARGINS[2], 0],
    table: {
      widths: [...(record.logo ? [logoWidth + 8] : []), '*', 130],
      body: [
        [
          ...(record.logo ? [{ image: logoDataUrl(record.logo), fit: [logoWidth, logoHeight] as [number, number] }] : []),
          {
            stack: [
              ...(record.parentName ? [{ text: record.parentName, fontSize: 7 }] : []),
              { text: record.entityName, bold: true, fontSize: 9 },
              { text: record.title.toUpperCase(), bold: true, fontSize: 10, margin: [0, 2, 0, 0] },
            ],
          },
          { text: [{ text: 'Generado: ', bold: true }, formatDateShort(record.generatedOn)], fontSize: 7, alignment: 'right' },
        ],
      ],
    },
    layout: 'noBorders',
  });
  const definition: TDocumentDefinitions = {
    pageSize: 'LETTER',
    pageOrientation: 'landscape',
    pageMargins: MARGINS,
    defaultStyle: { font: FONT_FAMILY, fontSize: FONT_SIZE },
    info: { title: `${record.title} — ${record.entityName}`, creationDate: stamp, modDate: stamp, producer: 'docctl', creator: 'docctl' },
    header: pageHeader,
    content: [
      ...(record.subtitle ? [{ text: record.subtitle, fontSize: 7, margin: [0, 0, 0, 6] as [number, number, number, number] }] : []),
      record.rows.length === 0
        ? { text: record.emptyText ?? 'Sin registros.', fontSize: 8 }
        : {
            table: { headerRows: 1, dontBreakRows: true, widths, body: [header, ...body] },
            // Rules between rows only, and the padding columnWidths counts on (4 pt a side).
            layout: {
              hLineWidth: (i: number) => (i === 1 ? 1 : 0.5),
              vLineWidth: () => 0,
              hLineColor: () => '#8a8a8a',
              paddingLeft: () => CELL_PADDING / 2,
              paddingRight: () => CELL_PADDING / 2,
            },
          },
    ],
    footer: (current: number, total: number) => ({ text: `Página ${current} de ${total}`, alignment: 'center', fontSize: 7, margin: [0, 10, 0, 0] }),
  };
  return new Uint8Array(await printer().createPdf(definition).getBuffer());
}
