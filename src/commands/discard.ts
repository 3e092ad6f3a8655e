// docctl descartar <CÓDIGO> | --todos-de <norma> [--forzar]: discards a draft
// opened by mistake, before it is approved, writing back the saved copy of
// the document's files (edit/draft-undo.ts): the data is byte for byte as
// before the opening. It works on the files alone, without validating the
// project: a draft broken while being edited is exactly one worth
// discarding. Edits made to the draft since it was opened are lost, so they
// need --forzar.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { listUndo, planRestore, readUndo, restore, type UndoRecord } from '../edit/draft-undo.js';
import { displayPath } from '../load/load-project.js';
import { findNorms, normName, suggestNorm } from '../model/norm-names.js';
import { normCatalogSchema, type Norm } from '../validate/schemas.js';
import type { CommonOptions } from './options.js';

export interface DiscardArguments {
  readonly code: string | undefined;
  readonly allOf: string | undefined;
  readonly entity: string | undefined;
  readonly force: boolean;
}

interface Candidate {
  readonly entityDir: string;
  readonly slug: string;
  readonly path: string;
  readonly record: UndoRecord;
}

/** The versions of a document as its file says now, if it can be read. */
function versionsNow(path: string): { numero?: unknown; estado?: unknown; acta?: { numero?: unknown } }[] | undefined {
  try {
    const value = JSON.parse(readFileSync(path, 'utf8')) as { versiones?: unknown };
    return Array.isArray(value.versiones) ? value.versiones : undefined;
  } catch {
    return undefined;
  }
}

export function runDiscard(options: CommonOptions, args: DiscardArguments): number {
  if (args.code && args.allOf) throw new UserError('use docctl descartar <CÓDIGO> o docctl descartar --todos-de "<norma>", no ambos');
  if (!args.code && !args.allOf) throw new UserError('falta qué descartar: docctl descartar <CÓDIGO>, o docctl descartar --todos-de "Decreto 1008 de 2018" para todo lo que abrió docctl impacto');
  const all = listUndo(options.dataDir).filter((u) => !args.entity || u.slug === args.entity);
  const candidates = args.code ? byCode(options, all, args.code, args.entity) : byNorm(options, all, args.allOf!);

  // Refuse before writing anything: either every draft is discarded or none.
  const plans = candidates.map((c) => {
    const plan = planRestore(c.entityDir, c.record);
    // Already written back (a discard interrupted before removing its copy): only the copy is left to remove.
    if (plan.files.every((f) => f.current === f.antes)) return { candidate: c, plan };
    const documentFile = join(c.entityDir, ...c.record.archivos[0]!.ruta.split('/'));
    const versions = versionsNow(documentFile);
    const last = versions?.at(-1);
    if (versions && !(last?.numero === c.record.version && last.estado === 'borrador')) {
      const sameVersion = versions.find((v) => v.numero === c.record.version);
      if (sameVersion && sameVersion.estado !== 'borrador') {
        throw new UserError(`la versión ${c.record.version} de ${c.record.codigo} ya está aprobada; una versión aprobada no se descarta (ábrale una nueva con docctl version ${c.record.codigo} --motivo "…"). No se descartó nada`);
      }
      throw new UserError(`${c.record.codigo} ya no tiene abierta la versión ${c.record.version} que guarda ${displayPath(c.path)}; no se descartó nada (si ese borrador se quitó a mano, borre esa copia)`);
    }
    return { candidate: c, plan };
  });
  const edited = plans.filter((p) => p.plan.edited.length > 0);
  if (edited.length > 0 && !args.force) {
    const list = edited.map((p) => `${p.candidate.record.codigo} (${p.plan.edited.join(', ')})`).join('; ');
    throw new UserError(`estos borradores se editaron desde que se abrieron: ${list}; descartarlos pierde esas ediciones. Si es lo que quiere, repita con --forzar. No se descartó nada`);
  }
  for (const { candidate, plan } of plans) {
    restore(plan, candidate.path);
    const restored = plan.files.filter((f) => f.current !== f.antes).map((f) => displayPath(f.path));
    process.stdout.write(
      `${candidate.record.codigo}: se descartó la versión ${candidate.record.version} (borrador); ${restored.length === 0 ? 'sus archivos quedaron' : restored.length === 1 ? `${restored[0]} quedó` : `${restored.join(', ')} quedaron`} como antes de abrirla\n`,
    );
  }
  return 0;
}

function byCode(options: CommonOptions, all: ReturnType<typeof listUndo>, code: string, entity: string | undefined): Candidate[] {
  const matches = all.filter((u) => u.code === code);
  if (matches.length > 1) throw new UserError(`el código ${code} tiene borradores en varias entidades (${matches.map((m) => m.slug).join(', ')}); indique cuál con --entidad`);
  if (matches.length === 1) return [{ ...matches[0]!, record: readUndo(matches[0]!.path) }];
  // No saved copy: say why, from the document itself.
  const files = existsSync(options.dataDir) ? listDocumentFiles(options.dataDir, code, entity) : [];
  if (files.length === 0) throw new UserError(`no hay ningún documento con el código "${code}"${entity ? ` en ${entity}` : ''}`);
  const last = versionsNow(files[0]!)?.at(-1);
  if (last?.estado === 'borrador') {
    throw new UserError(
      `${code} tiene abierta la versión ${String(last.numero)} (borrador), pero no hay copia de antes de abrirla (se abrió a mano o con una versión anterior de docctl); para descartarla, quite esa entrada de "versiones" en ${displayPath(files[0]!)} y deshaga a mano lo que haya cambiado`,
    );
  }
  throw new UserError(`${code} no tiene un borrador abierto: no hay nada que descartar${last ? ` (su última versión, la ${String(last.numero)}, está aprobada)` : ''}`);
}

function listDocumentFiles(dataDir: string, code: string, entity: string | undefined): string[] {
  return listEntities(dataDir)
    .filter((slug) => !entity || slug === entity)
    .map((slug) => join(dataDir, slug, 'documentos', `${code}.json`))
    .filter((path) => existsSync(path));
}

function listEntities(dataDir: string): string[] {
  return readdirSync(dataDir, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => e.name);
}

function byNorm(options: CommonOptions, all: ReturnType<typeof listUndo>, query: string): Candidate[] {
  const catalogPath = join(options.dataDir, 'normas.json');
  let norms = new Map<string, Norm>();
  try {
    const catalog = normCatalogSchema.parse(JSON.parse(readFileSync(catalogPath, 'utf8')));
    norms = new Map(catalog.normas.map((n) => [n.id, n]));
  } catch {
    throw new UserError(`no se pudo leer el normograma ${displayPath(catalogPath)} para saber qué norma es "${query}"; corríjalo (docctl validar) o descarte cada borrador con docctl descartar <CÓDIGO>`);
  }
  const found = findNorms(norms, query);
  if (found.length !== 1) {
    const hint = found.length > 1 ? found.map((n) => n.id).join('" o "') : suggestNorm(norms, query);
    throw new UserError(`la norma "${query}" ${found.length > 1 ? 'es ambigua' : 'no está en el normograma'}${hint ? `; ¿quiso decir "${hint}"?` : ''}`);
  }
  const norm = found[0]!;
  const records = all.map((u) => ({ ...u, record: readUndo(u.path) })).filter((u) => u.record.abiertoPor === norm.id);
  if (records.length === 0) throw new UserError(`no hay borradores abiertos por docctl impacto "${normName(norm)}" --abrir-versiones: no hay nada que descartar`);
  return records;
}
