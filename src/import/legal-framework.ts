// The legal-framework table (Norma | Número | Fecha | Detalle) → ids of the
// shared catalogue (data/normas.json), matched by type, number and year the
// way `impacto` matches a name. A norm the catalogue does not have is never
// added to it silently: it goes to a review file beside the document.
import { findNorms, normName } from '../model/norm-names.js';
import type { Norm } from '../validate/schemas.js';
import { type Grid, headerTexts } from './table-grid.js';
import { parsePrintedDate } from './text-values.js';

export function isLegalFramework(grid: Grid): boolean {
  const header = headerTexts(grid);
  return header.some((h) => /^(norma|tipo de norma|tipo|normatividad)$/.test(h)) && header.some((h) => /^(numero|no\.?|n[°º]|detalle|descripcion|objeto|epigrafe)$/.test(h));
}

export interface UnmatchedNorm {
  readonly lugar: string;
  readonly tipo: string;
  readonly numero: string;
  readonly año: number | null;
  readonly fecha?: string;
  readonly detalle: string;
  /** What the catalogue has with the same number and year, if anything: a likely slip in the type. */
  readonly parecida?: string;
}

export function readLegalFramework(grid: Grid, place: string, catalog: ReadonlyMap<string, Norm>): { ids: string[]; unmatched: UnmatchedNorm[] } {
  const header = headerTexts(grid);
  const column = (pattern: RegExp) => header.findIndex((h) => pattern.test(h));
  const tipo = column(/^(norma|tipo de norma|tipo|normatividad)$/);
  const numero = column(/^(numero|no\.?|n[°º])$/);
  const fecha = column(/^(fecha|ano|año|fecha de expedicion)$/);
  const detalle = column(/^(detalle|descripcion|objeto|epigrafe)$/);
  const ids: string[] = [];
  const unmatched: UnmatchedNorm[] = [];
  grid.slice(1).forEach((row, r) => {
    const cell = (i: number) => (i >= 0 ? (row[i]?.text ?? '') : '');
    if (row.every((c) => !c.text)) return;
    const yearText = /\b(1[89]\d{2}|2[01]\d{2})\b/.exec(cell(fecha))?.[1] ?? /\bde(?:l)?\s+(1[89]\d{2}|2[01]\d{2})\b/.exec(`${cell(numero)} ${cell(detalle)}`)?.[1];
    const año = yearText ? Number(yearText) : null;
    const number = cell(numero).replace(/\s+del?\s+\d{4}.*$/, '').trim();
    const found = año === null ? [] : findNorms(catalog, `${cell(tipo)} ${number} de ${año}`);
    if (found.length > 0) {
      if (!ids.includes(found[0]!.id)) ids.push(found[0]!.id);
      return;
    }
    const sameNumberAndYear = año === null ? undefined : [...catalog.values()].find((n) => n.numero === number && n.año === año);
    const date = parsePrintedDate(cell(fecha));
    unmatched.push({
      lugar: `${place}, fila ${r + 2}`,
      tipo: cell(tipo),
      numero: number,
      año,
      ...(date ? { fecha: date } : {}),
      detalle: cell(detalle),
      ...(sameNumberAndYear ? { parecida: normName(sameNumberAndYear) } : {}),
    });
  });
  return { ids, unmatched };
}
