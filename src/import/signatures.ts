// The signature page: the approval table (columns Elaboró / Revisó / Aprobó,
// rows Nombre / Cargo / Firma) gives who drafted, reviewed and approved the
// current version; the signers' tables (rows Nombre / Cargo / Firma / Fecha,
// or a header row Nombre | Cargo | Firma) give its `firmantes`; the sentence
// "Aprobado mediante el acta No. 004 del 15 de diciembre del 2022 del Comité
// …" gives the approval record.
import type { Person, Version } from '../validate/schemas.js';
import { type Grid, fold, headerTexts } from './table-grid.js';
import { isBlankValue, parsePrintedDate } from './text-values.js';

export function isApprovalTable(grid: Grid): boolean {
  const header = headerTexts(grid);
  return header.some((h) => /^elaboro/.test(h)) && header.some((h) => /^aprobo/.test(h)) && !header.some((h) => /^version/.test(h));
}

export function readApprovalTable(grid: Grid): Pick<Version, 'elaboro' | 'reviso' | 'aprobo'> {
  const header = headerTexts(grid);
  const rowOf = (label: RegExp) => grid.find((row) => label.test(fold(row[0]?.text ?? '')));
  const names = rowOf(/^nombre/);
  const cargos = rowOf(/^cargo/);
  const person = (pattern: RegExp): Person | undefined => {
    const i = header.findIndex((h) => pattern.test(h));
    if (i < 0) return undefined;
    const nombre = names?.[i]?.text ?? '';
    const cargo = cargos?.[i]?.text ?? '';
    if (isBlankValue(cargo)) return undefined;
    return { ...(isBlankValue(nombre) ? {} : { nombre }), cargo };
  };
  const result: Pick<Version, 'elaboro' | 'reviso' | 'aprobo'> = {};
  const elaboro = person(/^elaboro/);
  const reviso = person(/^reviso/);
  const aprobo = person(/^aprobo/);
  if (elaboro) result.elaboro = elaboro;
  if (reviso) result.reviso = reviso;
  if (aprobo) result.aprobo = aprobo;
  return result;
}

export function isSignersTable(grid: Grid): boolean {
  const labels = grid.map((row) => fold(row[0]?.text ?? ''));
  const vertical = labels.includes('nombre') && labels.includes('cargo') && labels.some((l) => /^firma/.test(l));
  const header = headerTexts(grid);
  const horizontal = header.includes('nombre') && header.includes('cargo') && header.some((h) => /^firma/.test(h));
  return vertical || horizontal;
}

export function readSigners(grid: Grid): Person[] {
  const header = headerTexts(grid);
  const people: Person[] = [];
  if (header.includes('nombre') && header.includes('cargo') && header.some((h) => /^firma/.test(h))) {
    const name = header.indexOf('nombre');
    const cargo = header.indexOf('cargo');
    for (const row of grid.slice(1)) {
      if (!isBlankValue(row[cargo]?.text ?? '')) people.push({ ...(isBlankValue(row[name]?.text ?? '') ? {} : { nombre: row[name]!.text }), cargo: row[cargo]!.text });
    }
    return people;
  }
  const names = grid.find((row) => fold(row[0]?.text ?? '') === 'nombre');
  const cargos = grid.find((row) => fold(row[0]?.text ?? '') === 'cargo');
  for (let i = 1; i < (cargos?.length ?? 0); i++) {
    const cargo = cargos![i]!.text;
    const nombre = names?.[i]?.text ?? '';
    if (!isBlankValue(cargo)) people.push({ ...(isBlankValue(nombre) ? {} : { nombre }), cargo });
  }
  return people;
}

export function readApprovalRecord(text: string): Version['acta'] | undefined {
  const match = /acta\s+(?:n[oº°]\.?|n[uú]mero)?\s*([\w-]+)\s+del?\s+(.+?\d{4})\s+del?\s+(.+?)\.?$/i.exec(text.trim());
  if (!match) return undefined;
  const fecha = parsePrintedDate(match[2]!);
  if (!fecha) return undefined;
  return { numero: match[1]!, fecha, comite: match[3]!.trim() };
}
