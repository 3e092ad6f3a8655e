// The frame of a document's pages — header grid, page label, footer lines,
// cover, contents, change control, numbering, signature page — as one typed
// description built from the resolved format and the document's data. The
// PDF, DOCX and HTML writers each draw this and nothing else of the format,
// so a format is stated once and the three editions agree. Values are
// final here (case applied, placeholders filled, empty ones known); only the
// page numbers are left as segments, for each writer to fill its own way
// (pdfmake's callback, Word's PAGE and NUMPAGES fields).
import type { Alignment, ChangeControlColumn, Format, FormatField, FormatPart, HeaderCell, NumberingStyle } from '../validate/format-schema.js';

export type Segment = { readonly text: string } | { readonly page: 'current' | 'total' };

interface PartStyle {
  readonly bold?: boolean | undefined;
  readonly italics?: boolean | undefined;
  readonly size?: number | undefined;
  readonly align?: Alignment | undefined;
  readonly spaceBefore?: number | undefined;
  readonly spaceAfter?: number | undefined;
}

export interface FrameText extends PartStyle {
  readonly kind: 'text';
  /** Printed in bold before the value, followed by ": ". */
  readonly label?: string | undefined;
  readonly segments: readonly Segment[];
  /** True when the value is empty (e.g. no slogan): a stack or the footer leaves it out. */
  readonly empty: boolean;
}

export interface FrameImage extends PartStyle {
  readonly kind: 'image';
  /** Key into FrameImages: "logo", or "imagen:<file>". */
  readonly image: string;
  /** The box the image is fitted into, in points. */
  readonly fit?: readonly [number, number] | undefined;
}

export type FramePart = FrameText | FrameImage;

export interface FrameCell {
  readonly parts: readonly FramePart[];
  readonly row: number;
  readonly column: number;
  readonly rowSpan: number;
  readonly colSpan: number;
}

export interface HeaderFrame {
  /** Points; "*" shares what is left. */
  readonly widths: readonly (number | '*')[];
  /** Each row lists the cells that start in it, left to right. */
  readonly rows: readonly (readonly FrameCell[])[];
  readonly fontSize: number;
}

export interface Frame {
  readonly header: HeaderFrame;
  readonly footer: { readonly rule: boolean; readonly lines: readonly FrameText[] };
  /** Absent: no cover. */
  readonly cover?: readonly FramePart[] | undefined;
  /** Absent: no contents page. */
  readonly contents?: { readonly title: string; readonly depth: number; readonly leaders?: boolean | undefined } | undefined;
  readonly changeControl: { readonly place: 'inicio' | 'final' | 'ninguno'; readonly title: string; readonly columns: readonly ChangeControlColumn[] };
  readonly numbering: NumberingStyle;
  readonly signatures: { readonly signers: boolean; readonly grid: boolean; readonly record: boolean };
  /** What the identity list of the HTML edition calls each field the format labels. */
  readonly labels: Readonly<Partial<Record<FormatField, string>>>;
}

/** The values a format can show, for one document; undefined where the data has none. */
export type FrameValues = Readonly<Record<Exclude<FormatField, 'texto' | 'pagina' | 'logo' | 'imagen'>, string | undefined>>;

const PAGE_TOKENS = /\{(pagina|paginas)\}/g;

/** "Página {pagina} de {paginas}" → segments, with the page numbers left open. */
export function pageSegments(pattern: string, values: FrameValues): Segment[] {
  const segments: Segment[] = [];
  let last = 0;
  for (const match of pattern.matchAll(PAGE_TOKENS)) {
    if (match.index > last) segments.push({ text: fill(pattern.slice(last, match.index), values) });
    segments.push({ page: match[1] === 'pagina' ? 'current' : 'total' });
    last = match.index + match[0].length;
  }
  if (last < pattern.length) segments.push({ text: fill(pattern.slice(last), values) });
  return segments;
}

/** A text with "{campo}" placeholders filled; a field without a value leaves nothing. */
export function fill(text: string, values: FrameValues): string {
  return text.replace(/\{([^{}]+)\}/g, (whole, name: string) => (name in values ? (values[name as keyof FrameValues] ?? '') : whole));
}

/** The text of segments with given page numbers. */
export function segmentsText(segments: readonly Segment[], page: number | string, pages: number | string): string {
  return segments.map((s) => ('text' in s ? s.text : String(s.page === 'current' ? page : pages))).join('');
}

function style(part: FormatPart | HeaderCell): PartStyle {
  return {
    bold: part.negrita,
    italics: part.cursiva,
    size: part.tamano,
    align: part.alineacion,
    spaceBefore: part.espacioAntes,
    spaceAfter: part.espacioDespues,
  };
}

function framePart(part: FormatPart, format: Format, values: FrameValues): FramePart {
  if (part.campo === 'logo' || part.campo === 'imagen') {
    const fit = part.ancho !== undefined || part.alto !== undefined ? ([part.ancho ?? 1000, part.alto ?? 1000] as const) : undefined;
    return { kind: 'image', image: part.campo === 'logo' ? 'logo' : `imagen:${part.imagen}`, fit, ...style(part) };
  }
  const upper = (text: string) => (part.mayusculas ? text.toLocaleUpperCase('es-CO') : text);
  let segments: Segment[];
  if (part.campo === 'pagina') segments = pageSegments(format.etiquetaPagina, values).map((s) => ('text' in s ? { text: upper(s.text) } : s));
  else if (part.campo === 'texto') segments = [{ text: upper(fill(part.texto ?? '', values)) }];
  else segments = [{ text: upper(values[part.campo] ?? '') }];
  const condition = part.siHay;
  const unmet = condition !== undefined && condition in values && !values[condition as keyof FrameValues];
  const empty = unmet || segments.every((s) => 'text' in s && s.text.trim() === '');
  return { kind: 'text', label: part.etiqueta, segments, empty, ...style(part) };
}

/**
 * Where each cell of a header grid stands, HTML-table style: a cell takes
 * the first free column of its row; spans reserve the cells below and to
 * the right. Returns the placed cells, or what is wrong in Spanish.
 */
export function placeHeaderCells(rows: readonly (readonly HeaderCell[])[], columns: number): { cells: { row: number; column: number; cell: HeaderCell; index: number }[] } | { problem: string; where: string } {
  const taken: boolean[][] = rows.map(() => Array<boolean>(columns).fill(false));
  const cells: { row: number; column: number; cell: HeaderCell; index: number }[] = [];
  for (const [r, row] of rows.entries()) {
    let column = 0;
    for (const [index, cell] of row.entries()) {
      while (column < columns && taken[r]![column]) column++;
      const rowSpan = cell.filas ?? 1;
      const colSpan = cell.columnas ?? 1;
      const where = `encabezado.filas[${r}][${index}]`;
      if (column + colSpan > columns) return { problem: `la celda no cabe: la fila ya tiene sus ${columns} columnas ("anchos" da ${columns})`, where };
      if (r + rowSpan > rows.length) return { problem: `"filas": ${rowSpan} pasa de la última fila del encabezado (hay ${rows.length})`, where };
      for (let dr = 0; dr < rowSpan; dr++) {
        for (let dc = 0; dc < colSpan; dc++) {
          if (taken[r + dr]![column + dc]) return { problem: 'la celda se monta sobre otra que ocupa varias filas o columnas', where };
          taken[r + dr]![column + dc] = true;
        }
      }
      cells.push({ row: r, column, cell, index });
      column += colSpan;
    }
  }
  const hole = taken.findIndex((row) => row.some((t) => !t));
  if (hole >= 0) return { problem: `la fila ${hole + 1} del encabezado no llena sus ${columns} columnas; agregue celdas o use "columnas" para que una ocupe varias`, where: `encabezado.filas[${hole}]` };
  return { cells };
}

/** Labels as the HTML edition shows them: "FECHA DE APROBACIÓN" → "Fecha de aprobación". */
function readableLabel(label: string): string {
  if (label !== label.toLocaleUpperCase('es-CO')) return label;
  const lower = label.toLocaleLowerCase('es-CO');
  return lower.charAt(0).toLocaleUpperCase('es-CO') + lower.slice(1);
}

export function buildFrame(format: Format, values: FrameValues): Frame {
  const placed = placeHeaderCells(format.encabezado.filas, format.encabezado.anchos.length);
  if ('problem' in placed) throw new Error(`internal: a validated header grid does not fit: ${placed.where}: ${placed.problem}`);
  const rows: FrameCell[][] = format.encabezado.filas.map(() => []);
  const labels: Partial<Record<FormatField, string>> = {};
  const noteLabel = (part: FormatPart) => {
    if (part.etiqueta && part.campo !== 'texto') labels[part.campo] ??= readableLabel(part.etiqueta);
  };
  for (const { row, column, cell } of placed.cells) {
    const parts = cell.partes ?? [cell as FormatPart];
    parts.forEach(noteLabel);
    const frameParts = parts.map((part) => framePart(part, format, values));
    // One value fills its cell even when empty; stacked ones leave out the empty.
    const kept = frameParts.length === 1 ? frameParts : frameParts.filter((p) => p.kind === 'image' || !p.empty);
    rows[row]!.push({ parts: kept, row, column, rowSpan: cell.filas ?? 1, colSpan: cell.columnas ?? 1 });
  }
  format.pie.lineas.forEach(noteLabel);
  const footerLines = format.pie.lineas.map((part) => framePart(part, format, values)).filter((p): p is FrameText => p.kind === 'text' && !p.empty);
  return {
    header: { widths: format.encabezado.anchos, rows, fontSize: format.encabezado.tamano },
    footer: { rule: format.pie.linea, lines: footerLines },
    cover: format.portada.mostrar ? format.portada.partes.map((part) => framePart(part, format, values)).filter((p) => p.kind === 'image' || !p.empty) : undefined,
    contents: format.contenido.mostrar ? { title: format.contenido.titulo, depth: format.contenido.profundidad, ...(format.contenido.puntos ? { leaders: true } : {}) } : undefined,
    changeControl: { place: format.controlDeCambios.lugar, title: format.controlDeCambios.titulo, columns: format.controlDeCambios.columnas },
    numbering: format.numeracion,
    signatures: { signers: format.firmas.firmantes, grid: format.firmas.cuadricula, record: format.firmas.acta },
    labels,
  };
}
