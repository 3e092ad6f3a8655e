// Undo for a draft opened by mistake (docctl descartar). Opening a draft
// saves, before anything is written, the exact text of the document's JSON
// and of its .md files in data/<entidad>/deshacer/<CÓDIGO>.json; discarding
// writes those texts back, so the data is byte for byte as before the
// opening.
//
// Why a saved copy and not the inverse edit: after opening, people edit the
// draft (sections, .md files, glossary, signers); an inverse edit knows only
// what the opening changed and would leave those edits half undone, while a
// copy restores everything by construction. It lives in data/, next to what
// it restores and backed up with it — output/ may be deleted at any time.
// approve and descartar remove it; loadProject never reads it (only
// entidad.json and documentos/ are data).
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, rmdirSync, rmSync } from 'node:fs';
import { dirname, join, relative, sep } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import type { Section } from '../validate/schemas.js';

export const UNDO_FOLDER = 'deshacer';

export interface SavedFile {
  /** Path inside the entity's folder, with forward slashes: documentos/GTI-P-001.json. */
  readonly ruta: string;
  /** The file's text before the draft was opened. */
  readonly antes: string;
  /** SHA-256 of the text right after opening: a different one means someone edited the draft. */
  readonly sha256Abierto: string;
}

export interface UndoRecord {
  readonly aviso: string;
  readonly codigo: string;
  /** The draft version this copy undoes. */
  readonly version: number;
  /** The norm whose change opened it (docctl impacto --abrir-versiones), for discarding a whole opening at once. */
  readonly abiertoPor?: string | undefined;
  readonly archivos: readonly SavedFile[];
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');
const SAFE_RUTA = /^documentos\/[A-Za-z0-9_-]+(?:\/[A-Za-z0-9_-]+)*\.(?:json|md)$/;

/** Where the copy of a document's pre-draft state is kept. */
export function undoPath(entityDir: string, code: string): string {
  return join(entityDir, UNDO_FOLDER, `${code}.json`);
}

function markdownFiles(sections: readonly Section[]): string[] {
  return sections.flatMap((s) => [...(s.archivo ? [s.archivo] : []), ...markdownFiles(s.secciones ?? [])]);
}

/**
 * Saves the undo copy for a draft about to be opened: the JSON's text before
 * and after the opening, and each .md file the document uses (unchanged by
 * the opening). Written before the document, so a draft never exists
 * without its copy.
 */
export function saveUndo(jsonPath: string, code: string, version: number, before: string, after: string, sections: readonly Section[], openedBy?: string): void {
  const documentsDir = dirname(jsonPath);
  const entityDir = dirname(documentsDir);
  const ruta = (path: string) => relative(entityDir, path).split(sep).join('/');
  const markdown = [...new Set(markdownFiles(sections))].map((file) => {
    const text = readFileSync(join(documentsDir, ...file.split('/')), 'utf8');
    return { ruta: ruta(join(documentsDir, ...file.split('/'))), antes: text, sha256Abierto: sha256(text) };
  });
  const record: UndoRecord = {
    aviso: `Copia de ${code} de antes de abrir su versión ${version} (borrador). docctl descartar ${code} la restaura; se borra al aprobar o descartar la versión. No la edite.`,
    codigo: code,
    version,
    ...(openedBy ? { abiertoPor: openedBy } : {}),
    archivos: [{ ruta: ruta(jsonPath), antes: before, sha256Abierto: sha256(after) }, ...markdown],
  };
  writeFileAtomic(undoPath(entityDir, code), `${JSON.stringify(record, null, 2)}\n`);
}

export function readUndo(path: string): UndoRecord {
  let value: UndoRecord;
  try {
    value = JSON.parse(readFileSync(path, 'utf8')) as UndoRecord;
  } catch {
    throw new UserError(`${displayPath(path)} no es una copia de deshacer legible; no se descartó nada`);
  }
  const valid =
    typeof value?.codigo === 'string' &&
    Number.isInteger(value.version) &&
    Array.isArray(value.archivos) &&
    value.archivos.every((f) => typeof f?.ruta === 'string' && SAFE_RUTA.test(f.ruta) && typeof f.antes === 'string' && typeof f.sha256Abierto === 'string');
  if (!valid) throw new UserError(`${displayPath(path)} no es una copia de deshacer válida (¿editada a mano?); no se descartó nada`);
  return value;
}

/** Every undo copy under the data folder, with its entity. */
export function listUndo(dataDir: string): { entityDir: string; slug: string; path: string; code: string }[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .flatMap((entity) => {
      const folder = join(dataDir, entity.name, UNDO_FOLDER);
      if (!existsSync(folder)) return [];
      return readdirSync(folder)
        .filter((f) => f.endsWith('.json'))
        .sort()
        .map((f) => ({ entityDir: join(dataDir, entity.name), slug: entity.name, path: join(folder, f), code: f.slice(0, -'.json'.length) }));
    });
}

export interface RestorePlan {
  /** Files whose text differs from right after the opening: edits that discarding loses. */
  readonly edited: readonly string[];
  readonly files: readonly { path: string; antes: string; current: string | undefined }[];
}

export function planRestore(entityDir: string, record: UndoRecord): RestorePlan {
  const files = record.archivos.map((f) => {
    const path = join(entityDir, ...f.ruta.split('/'));
    const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
    return { path, antes: f.antes, current, edited: current === undefined || sha256(current) !== f.sha256Abierto };
  });
  return { edited: files.filter((f) => f.edited && f.current !== f.antes).map((f) => displayPath(f.path)), files };
}

/** Writes back every saved text (atomically, one by one), then removes the copy. */
export function restore(plan: RestorePlan, undoFile: string): void {
  for (const file of plan.files) if (file.current !== file.antes) writeFileAtomic(file.path, file.antes);
  forgetUndoFile(undoFile);
}

export function forgetUndoFile(path: string): void {
  rmSync(path, { force: true });
  const folder = dirname(path);
  if (existsSync(folder) && readdirSync(folder).length === 0) rmdirSync(folder);
}

/** After approval the draft is a version of record: its undo copy no longer applies. */
export function forgetUndo(jsonPath: string, code: string): void {
  forgetUndoFile(undoPath(dirname(dirname(jsonPath)), code));
}
