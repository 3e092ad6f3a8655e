// Import stage 5: the parts read → one document of our schema. The history
// is adopted at the current version: the change-control rows, then the
// version in the header if the table stops before it; the signature page
// belongs to that current version. What had to be guessed or is missing is
// noted for review, never left silently.
import { documentSchema, type ControlledDocument, type Section } from '../validate/schemas.js';
import type { Assembled, DraftSection } from './sections.js';
import type { Identity } from './identity.js';
import type { ImportLog } from './places.js';
import type { HistoryRow } from './change-control.js';

export const PLACEHOLDER = 'POR COMPLETAR';

export interface MarkdownFile {
  /** Relative to documentos/: "<CÓDIGO>/<name>.md" */
  readonly path: string;
  readonly text: string;
}

/** Sections longer than this go to their own Markdown file, like the seeds' long sections. */
const INLINE_LIMIT = 1200;

export function buildDocument(code: string, identity: Identity, parts: Assembled, log: ImportLog): { document: ControlledDocument; markdownFiles: MarkdownFile[] } {
  const history = adoptHistory(identity, parts, log);
  const markdownFiles: MarkdownFile[] = [];
  const usedNames = new Set<string>();
  const toSection = (draft: DraftSection): Section => {
    const section: Section = { titulo: draft.titulo };
    if (draft.markdown) {
      if (draft.hasFigures || draft.markdown.length > INLINE_LIMIT || draft.markdown.includes(':::tabla')) {
        const path = `${code}/${uniqueName(slug(draft.titulo), usedNames)}.md`;
        markdownFiles.push({ path, text: `${draft.markdown}\n` });
        section.archivo = path;
      } else section.contenido = draft.markdown;
    }
    if (draft.bloque) section.bloque = draft.bloque;
    if (draft.secciones.length > 0) section.secciones = draft.secciones.map(toSection);
    return section;
  };
  const field = (name: 'titulo' | 'proceso' | 'dependencia', what: string): string => {
    const value = identity[name];
    if (value) return value;
    log.toReview(`${code}.json, campo "${name}"`, `no se encontró ${what} en el encabezado ni en la portada; quedó "${PLACEHOLDER}": escríbalo`);
    return PLACEHOLDER;
  };
  if (!identity.tipo) log.toReview(`${code}.json, campo "tipo"`, 'no se encontró el tipo de documento (política, procedimiento…); quedó "procedimiento": corríjalo si es otro');
  if (!identity.clasificacion) log.toReview(`${code}.json, campo "clasificacion"`, 'no se encontró la clasificación de la información; quedó "publica": corríjala si el documento es clasificado o reservado');
  const document = {
    $schema: '../../../schemas/documento.schema.json',
    codigo: code,
    titulo: field('titulo', 'el título'),
    proceso: field('proceso', 'el proceso'),
    dependencia: field('dependencia', 'la dependencia'),
    tipo: identity.tipo ?? 'procedimiento',
    clasificacion: identity.clasificacion ?? 'publica',
    versiones: history,
    normas: parts.normas,
    glosario: parts.glosario,
    roles: parts.roles,
    secciones: parts.secciones.map(toSection),
  };
  // Our own output must fit our schema; if it does not, that is a bug of the importer, not the user's.
  return { document: documentSchema.parse(document), markdownFiles };
}

function adoptHistory(identity: Identity, parts: Assembled, log: ImportLog): ControlledDocument['versiones'] {
  // Rows sorted by number, one per number (the last row wins, as in a table corrected by hand).
  const byNumber = new Map<number, HistoryRow>();
  for (const row of parts.history) byNumber.set(row.numero, row);
  const current = identity.version ?? Math.max(0, ...byNumber.keys());
  if (current === 0) {
    log.toReview('versiones', 'no se encontró el número de versión en el encabezado ni un control de cambios; quedó la versión 1');
  }
  const number = Math.max(1, current);
  if (!byNumber.has(number)) {
    byNumber.set(number, { numero: number, descripcion: 'Versión vigente al adoptar docctl (importada de Word)' });
    if (parts.history.length > 0) log.toReview('versiones', `el control de cambios no tiene una fila para la versión ${number} del encabezado; se agregó con la descripción "Versión vigente al adoptar docctl (importada de Word)"`);
  }
  for (const later of [...byNumber.keys()].filter((n) => n > number)) {
    log.toReview('versiones', `el control de cambios tiene la versión ${later}, posterior a la del encabezado (${number}); se tomó la del control de cambios como vigente`);
  }
  const versions = [...byNumber.values()].sort((a, b) => a.numero - b.numero);
  const last = versions[versions.length - 1]!;
  if (identity.fecha && !last.fecha) last.fecha = identity.fecha;
  if (identity.fecha && last.fecha && identity.fecha !== last.fecha && last.numero === identity.version) {
    log.toReview('versiones', `la fecha del encabezado (${identity.fecha}) no coincide con la del control de cambios (${last.fecha}) para la versión ${last.numero}; se tomó la del control de cambios`);
  }
  if (!last.fecha) log.toReview('versiones', `la versión vigente ${last.numero} no tiene fecha de aprobación; escríbala en versiones[${versions.length - 1}].fecha`);
  const { elaboro, reviso, aprobo, acta } = parts.approval;
  if (elaboro) last.elaboro = elaboro;
  if (reviso) last.reviso = reviso;
  if (aprobo) last.aprobo = aprobo;
  if (acta) last.acta = acta;
  return versions.map((v) => ({ ...v, firmantes: v === last ? parts.firmantes : [] }));
}

export function slug(text: string): string {
  const base = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return base || 'seccion';
}

function uniqueName(base: string, used: Set<string>): string {
  let name = base;
  for (let i = 2; used.has(name); i++) name = `${base}-${i}`;
  used.add(name);
  return name;
}
