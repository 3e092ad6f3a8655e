// The roles table (Rol | Responsabilidades | Responsable) → `roles`. Cells
// keep their lists and paragraphs as Markdown.
import type { Element } from 'hast';
import type { Role } from '../validate/schemas.js';
import { type Grid, headerTexts } from './table-grid.js';
import type { ImportLog } from './places.js';
import { toMarkdown, type FigureSink } from './to-markdown.js';

export function isRolesTable(grid: Grid): boolean {
  const header = headerTexts(grid);
  return header.some((h) => /^(rol|roles|cargo o rol)$/.test(h)) && header.some((h) => /responsabilidad/.test(h));
}

export async function readRoles(grid: Grid, figures: FigureSink, place: string, log: ImportLog): Promise<Role[]> {
  const header = headerTexts(grid);
  const rol = header.findIndex((h) => /^(rol|roles|cargo o rol)$/.test(h));
  const duties = header.findIndex((h) => /responsabilidad/.test(h));
  const who = header.findIndex((h) => /^responsables?$|^quien/.test(h));
  const markdownOf = async (cell: Element | undefined) => (cell ? toMarkdown(cell.children, figures) : '');
  const roles: Role[] = [];
  for (const row of grid.slice(1)) {
    const entry = {
      rol: await markdownOf(row[rol]?.element),
      responsabilidades: await markdownOf(row[duties]?.element),
      responsable: who >= 0 ? await markdownOf(row[who]?.element) : '',
    };
    if (entry.rol) roles.push(entry);
    else log.notImported(`${place}, fila ${grid.indexOf(row) + 1}`, row.map((c) => c.text).join(' | '), 'fila de la tabla de roles sin rol (¿celda combinada?): agréguela al rol que corresponda');
  }
  return roles;
}
