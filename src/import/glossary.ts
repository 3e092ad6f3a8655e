// Glossary → `glosario`: a table (Término | Definición), docctl's own
// glossary paragraphs, or, in a section titled as a glossary, paragraphs and
// list items written "Término: definición" (the term often in bold).
import type { Element } from 'hast';
import type { GlossaryEntry } from '../validate/schemas.js';
import { cleanText, hasClass, textOf } from './body-html.js';
import type { ImportLog } from './places.js';
import { type Grid, fold, headerTexts } from './table-grid.js';

const TERM_HEADER = /^(termino|terminos|concepto|palabra|sigla|nombre)$/;
const DEFINITION_HEADER = /^(definicion|definiciones|significado|descripcion)$/;

export function isGlossaryTable(grid: Grid): boolean {
  const header = headerTexts(grid);
  return header.some((h) => TERM_HEADER.test(h)) && header.some((h) => DEFINITION_HEADER.test(h));
}

export function readGlossaryTable(grid: Grid, place: string, log: ImportLog): GlossaryEntry[] {
  const header = headerTexts(grid);
  const term = header.findIndex((h) => TERM_HEADER.test(h));
  const definition = header.findIndex((h) => DEFINITION_HEADER.test(h));
  const entries: GlossaryEntry[] = [];
  grid.slice(1).forEach((row, r) => {
    const entry = { termino: row[term]?.text ?? '', definicion: row[definition]?.text ?? '' };
    if (entry.termino && entry.definicion) entries.push(entry);
    else log.notImported(`${place}, fila ${r + 2}`, row.map((c) => c.text).join(' | '), 'fila del glosario sin término o sin definición');
  });
  return entries;
}

export function isGlossaryTitle(title: string): boolean {
  return /glosario|definiciones|terminos|marco conceptual|conceptos/.test(fold(title));
}

/** "Término: definición" from a paragraph or list item, if it is one. */
export function glossaryEntryOf(node: Element, inGlossarySection: boolean): GlossaryEntry | undefined {
  if (!(hasClass(node, 'docctl-glosario') || (inGlossarySection && (node.tagName === 'p' || node.tagName === 'li')))) return undefined;
  const text = cleanText(textOf(node));
  const match = /^([^:]{1,120}?)\s*:\s+(\S[\s\S]*)$/.exec(text);
  if (!match) return undefined;
  return { termino: match[1]!.trim(), definicion: match[2]!.trim() };
}
