// The change-control table (Versión | Fecha | Descripción del cambio, often
// with Elaboró / Revisó / Aprobó / Acta) → the version history. The document
// is adopted at its current version: every row becomes a version with what
// the row says, and the last one is the version in force.
import type { Version } from '../validate/schemas.js';
import { type Grid, headerTexts } from './table-grid.js';
import { isBlankValue, parsePrintedDate, parseVersionNumber } from './text-values.js';
import type { ImportLog } from './places.js';

export function isChangeControl(grid: Grid): boolean {
  const header = headerTexts(grid);
  return header.some((h) => /^version/.test(h)) && header.some((h) => /descripcion|cambio|modificacion/.test(h));
}

export type HistoryRow = Omit<Version, 'firmantes'> & { firmantes?: Version['firmantes'] };

export function readChangeControl(grid: Grid, place: string, log: ImportLog): HistoryRow[] {
  const header = headerTexts(grid);
  const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const columns = {
    numero: column(/^version/),
    fecha: column(/fecha/),
    descripcion: column(/descripcion|cambio|modificacion/),
    elaboro: column(/elaboro/),
    reviso: column(/reviso/),
    aprobo: column(/aprobo/),
  };
  const known = new Set(Object.values(columns).filter((i) => i >= 0));
  const rows: HistoryRow[] = [];
  grid.slice(1).forEach((row, r) => {
    const at = `${place}, fila ${r + 2}`;
    const cell = (i: number) => (i >= 0 ? (row[i]?.text ?? '') : '');
    const numero = parseVersionNumber(cell(columns.numero));
    if (numero === undefined) {
      log.notImported(at, row.map((c) => c.text).join(' | '), 'la fila del control de cambios no tiene un número de versión legible');
      return;
    }
    const fecha = parsePrintedDate(cell(columns.fecha));
    if (!fecha && !isBlankValue(cell(columns.fecha))) log.toReview(at, `la fecha "${cell(columns.fecha)}" de la versión ${numero} no se entendió; quedó sin fecha`);
    const descripcion = cell(columns.descripcion) || `Versión ${numero}`;
    const person = (i: number) => (i >= 0 && !isBlankValue(cell(i)) ? { cargo: cell(i) } : undefined);
    row.forEach((c, i) => {
      if (!known.has(i) && !isBlankValue(c.text)) log.notImported(`${at}, columna «${grid[0]?.[i]?.text ?? i + 1}»`, c.text, 'columna del control de cambios que docctl no guarda');
    });
    rows.push({
      numero,
      ...(fecha ? { fecha } : {}),
      descripcion,
      ...(person(columns.elaboro) ? { elaboro: person(columns.elaboro) } : {}),
      ...(person(columns.reviso) ? { reviso: person(columns.reviso) } : {}),
      ...(person(columns.aprobo) ? { aprobo: person(columns.aprobo) } : {}),
    });
  });
  return rows;
}
