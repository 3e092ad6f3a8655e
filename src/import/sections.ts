// Import stage 4: the body's blocks → the document's parts. Headings (Word
// heading styles, or a bold paragraph that starts with a section number)
// open sections, their printed numbering removed; the change-control table,
// the legal framework, the glossary, the roles and the signature page are
// recognised and become data; everything else in a section is its Markdown.
// Every block that lands nowhere is logged with its place.
import type { Element, ElementContent } from 'hast';
import type { GlossaryEntry, Norm, Person, Role, Section } from '../validate/schemas.js';
import { cleanText, hasClass, linesOf, textOf } from './body-html.js';
import { isChangeControl, readChangeControl, type HistoryRow } from './change-control.js';
import { glossaryEntryOf, isGlossaryTable, isGlossaryTitle, readGlossaryTable } from './glossary.js';
import type { IdentityLine } from './identity.js';
import { isLegalFramework, readLegalFramework, type UnmatchedNorm } from './legal-framework.js';
import type { ImportLog } from './places.js';
import { isRolesTable, readRoles } from './roles.js';
import { isApprovalTable, isSignersTable, readApprovalRecord, readApprovalTable, readSigners } from './signatures.js';
import { fold, tableGrid } from './table-grid.js';
import { toMarkdown, type FigureSink } from './to-markdown.js';

export interface DraftSection {
  titulo: string;
  /** The heading as printed, for places in the report. */
  shown: string;
  level: number;
  markdown: string;
  hasFigures: boolean;
  bloque?: Section['bloque'];
  secciones: DraftSection[];
}

export interface Assembled {
  /** Paragraphs and tables before the first heading (cover, header table), as lines for the identity reader. */
  front: IdentityLine[];
  history: HistoryRow[];
  normas: string[];
  unmatchedNorms: UnmatchedNorm[];
  glosario: GlossaryEntry[];
  roles: Role[];
  firmantes: Person[];
  approval: Partial<Pick<HistoryRow, 'elaboro' | 'reviso' | 'aprobo' | 'acta'>>;
  secciones: DraftSection[];
  /** Words of the body text that landed in sections, glossary or roles, in order (for the round-trip measure). */
  bodyText: string[];
}

const NUMBERING = /^\s*(?:(?:cap[ií]tulo|secci[oó]n)\s+)?(\d+(?:\.\d+)*)\.?[)\-–]?\s+(?=\S)/i;

/** Printed numbering off a heading: "5.4.1. OBJETIVO" → "OBJETIVO". */
export function stripNumbering(title: string): string {
  return title.replace(NUMBERING, '').trim();
}

/** A paragraph written as a heading by hand: all bold, starting with a section number ("2. ALCANCE"). */
function manualHeadingLevel(node: Element): number | undefined {
  if (node.tagName !== 'p') return undefined;
  const text = cleanText(textOf(node));
  const match = NUMBERING.exec(text);
  if (!match || text.length > 150) return undefined;
  const meaningful = node.children.filter((c) => !(c.type === 'text' && !c.value.trim()));
  const allBold = meaningful.length > 0 && meaningful.every((c) => c.type === 'element' && (c.tagName === 'strong' || c.tagName === 'b'));
  return allBold ? Math.min(6, match[1]!.split('.').length) : undefined;
}

function headingLevel(node: Element): number | undefined {
  const match = /^h([1-6])$/.exec(node.tagName);
  return match ? Number(match[1]) : manualHeadingLevel(node);
}

const isToc = (node: Element) => hasClass(node, 'docctl-toc') || (node.tagName === 'p' && node.children.length === 1 && node.children[0]?.type === 'element' && node.children[0].tagName === 'a' && String(node.children[0].properties?.href ?? '').startsWith('#_Toc'));
const SIGNATURE_PAGE_TITLE = /^(firmas|hoja de firmas|firmas de aprobacion)$/;
const TOC_TITLE = /^(tabla de )?contenidos?$|^indice( general)?$/;
const CHANGE_CONTROL_TITLE = /^control de (cambios|versiones)$|^historial de (cambios|versiones)$/;

export async function assemble(blocks: readonly Element[], catalog: ReadonlyMap<string, Norm>, figures: FigureSink & { count(): number }, log: ImportLog): Promise<Assembled> {
  const out: Assembled = { front: [], history: [], normas: [], unmatchedNorms: [], glosario: [], roles: [], firmantes: [], approval: {}, secciones: [], bodyText: [] };
  const stack: DraftSection[] = [];
  let zone: 'front' | 'toc' | 'change-control' | 'section' | 'signature-page' = 'front';
  let pending: ElementContent[] = [];
  let paragraphNo = 0;
  let tableNo = 0;
  const current = () => stack[stack.length - 1];
  let specialHeading = '';
  const placeOf = () => (zone === 'front' ? 'antes del primer título (portada)' : zone === 'section' ? `sección «${current()?.shown ?? ''}»` : zone === 'signature-page' ? 'hoja de firmas' : `sección «${specialHeading}»`);

  const flush = async () => {
    const section = current();
    if (section && pending.length > 0) {
      const before = figures.count();
      const markdown = await toMarkdown(pending, figures);
      section.hasFigures ||= figures.count() > before;
      section.markdown = section.markdown ? `${section.markdown}\n\n${markdown}` : markdown;
      out.bodyText.push(cleanText(pending.map((n) => textOf(n)).join(' ')));
    }
    pending = [];
  };

  for (const node of blocks) {
    const level = headingLevel(node);
    const text = cleanText(textOf(node));
    if (level !== undefined) {
      await flush();
      const title = stripNumbering(text);
      paragraphNo = 0;
      tableNo = 0;
      specialHeading = text;
      if (TOC_TITLE.test(fold(title))) {
        zone = 'toc';
        log.generated(`título «${text}»`, text, 'tabla de contenido: docctl la genera');
        continue;
      }
      if (CHANGE_CONTROL_TITLE.test(fold(title))) {
        zone = 'change-control';
        continue;
      }
      if (!title) {
        log.notImported(`título «${text}»`, text, 'título sin texto');
        continue;
      }
      zone = 'section';
      const section: DraftSection = { titulo: title, shown: text, level, markdown: '', hasFigures: false, secciones: [] };
      while (stack.length > 0 && stack[stack.length - 1]!.level >= level) stack.pop();
      (current()?.secciones ?? out.secciones).push(section);
      stack.push(section);
      continue;
    }
    if (isToc(node) || (zone === 'front' && TOC_TITLE.test(fold(text)))) {
      log.generated(`${placeOf()}, tabla de contenido`, text, 'tabla de contenido: docctl la genera');
      continue;
    }
    if (node.tagName === 'table') {
      tableNo++;
      const grid = tableGrid(node);
      const place = `${placeOf()}, tabla ${tableNo}`;
      if (isChangeControl(grid)) {
        out.history.push(...readChangeControl(grid, place, log));
        continue;
      }
      if (zone === 'front' || zone === 'toc' || zone === 'change-control') {
        grid.forEach((row, r) => row.forEach((cell, c) => cell.element && out.front.push(...linesOf(cell.element).map((text) => ({ place: `${place}, fila ${r + 1}, celda ${c + 1}`, text })))));
        continue;
      }
      const section = current()!;
      if (zone === 'signature-page' && !isApprovalTable(grid) && !isSignersTable(grid)) {
        grid.forEach((row, r) => row.forEach((cell, c) => log.notImported(`${place}, fila ${r + 1}, celda ${c + 1}`, cell.text, 'tabla de la hoja de firmas que no es de firmas')));
        continue;
      }
      if (isLegalFramework(grid)) {
        const { ids, unmatched } = readLegalFramework(grid, place, catalog);
        out.normas.push(...ids.filter((id) => !out.normas.includes(id)));
        out.unmatchedNorms.push(...unmatched);
        section.bloque ??= 'marco-juridico';
        continue;
      }
      if (isGlossaryTable(grid)) {
        const entries = readGlossaryTable(grid, place, log);
        out.glosario.push(...entries);
        out.bodyText.push(entries.map((e) => `${e.termino} ${e.definicion}`).join(' '));
        section.bloque ??= 'glosario';
        continue;
      }
      if (isRolesTable(grid)) {
        await flush();
        const roles = await readRoles(grid, figures, place, log);
        out.roles.push(...roles);
        out.bodyText.push(cleanText(grid.slice(1).map((row) => row.map((c) => c.text).join(' ')).join(' ')));
        section.bloque ??= 'roles';
        continue;
      }
      // On the signature page docctl adds after the last section, the tables are the version's, not a section's block.
      if (isApprovalTable(grid)) {
        Object.assign(out.approval, readApprovalTable(grid));
        if (zone === 'section') section.bloque ??= 'firmas';
        continue;
      }
      if (isSignersTable(grid)) {
        out.firmantes.push(...readSigners(grid));
        if (zone === 'section') section.bloque ??= 'firmas';
        continue;
      }
      pending.push(node);
      continue;
    }
    if (node.tagName === 'p' || node.tagName === 'ul' || node.tagName === 'ol') paragraphNo++;
    const place = `${placeOf()}, párrafo ${paragraphNo}`;
    if (zone === 'toc') {
      log.generated(place, text, 'tabla de contenido: docctl la genera');
      continue;
    }
    if (zone === 'change-control') {
      log.notImported(place, text, 'texto junto al control de cambios; docctl solo guarda la tabla');
      continue;
    }
    if (zone === 'front') {
      const images = node.children.some((c) => c.type === 'element' && c.tagName === 'img');
      if (images && !text) {
        log.generated(place, '[imagen]', 'imagen de la portada (el logo): docctl usa el de entidad.json');
        continue;
      }
      out.front.push(...linesOf(node).map((line) => ({ place, text: line })));
      continue;
    }
    if (SIGNATURE_PAGE_TITLE.test(fold(text)) && node.tagName === 'p') {
      zone = 'signature-page';
      log.generated(place, text, 'título de la hoja de firmas: docctl la genera');
      continue;
    }
    const section = current()!;
    const acta = readApprovalRecord(text);
    if (acta && (section.bloque === 'firmas' || zone === 'signature-page' || /aprobad[oa] mediante/i.test(text))) {
      out.approval.acta = acta;
      if (zone === 'section') section.bloque ??= 'firmas';
      continue;
    }
    if (zone === 'signature-page') {
      log.notImported(place, text, 'texto de la hoja de firmas que no es una tabla de firmas ni el acta');
      continue;
    }
    if (section.bloque === 'firmas' && /^(firma|fecha)\s*:?$/i.test(text)) continue;
    const inGlossary = isGlossaryTitle(section.titulo);
    if (node.tagName === 'ul' || node.tagName === 'ol') {
      const items = node.children.filter((c): c is Element => c.type === 'element' && c.tagName === 'li');
      const entries = inGlossary ? items.map((li) => glossaryEntryOf(li, true)) : [];
      if (items.length > 0 && entries.length === items.length && entries.every(Boolean)) {
        out.glosario.push(...(entries as GlossaryEntry[]));
        out.bodyText.push(text);
        section.bloque ??= 'glosario';
        continue;
      }
    }
    const entry = glossaryEntryOf(node, inGlossary);
    if (entry && (section.bloque === undefined || section.bloque === 'glosario')) {
      await flush();
      out.glosario.push(entry);
      out.bodyText.push(text);
      section.bloque = 'glosario';
      continue;
    }
    pending.push(node);
  }
  await flush();
  return out;
}
