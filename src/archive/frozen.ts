// Approved data is frozen (ISO 9001 7.5.3: protected from unintended
// alteration). The data behind an archived version — its entry in
// "versiones" always, and, while no newer draft is open, the whole document
// and its Markdown files — must stay as it was approved: the manifest keeps
// the document's JSON value (`datos`) and the hash of every Markdown file
// (`entradas`). A difference is an error naming the file and the first
// differing field, and saying to open a new version. `anulada` is written by
// docctl anular and is not part of what was approved; `clasificacion` is
// decided anew whenever needed (a reclassification must take effect at once),
// and with it `indiceClasificada` and `activoInformacion` (the instruments).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorProblem, showValue, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { formatFieldPath, locate } from '../load/read-json.js';
import type { SourceDocument } from '../pipeline/sources.js';
import { markdownFiles } from './inputs.js';
import { sha256 } from './manifest.js';
import { frozenValue } from './record.js';
import type { ArchivedVersion, EntityArchive } from './verify.js';
import { versionsOf } from './verify.js';

type Path = (string | number)[];
type Json = unknown;

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The first place where two JSON values differ, depth first, in the order of the current data. */
export function firstDifference(archived: Json, current: Json, path: Path = []): { path: Path; archived: Json; current: Json } | undefined {
  if (Array.isArray(archived) && Array.isArray(current)) {
    for (let i = 0; i < Math.max(archived.length, current.length); i++) {
      const found = firstDifference(archived[i], current[i], [...path, i]);
      if (found) return found;
    }
    return undefined;
  }
  if (isObject(archived) && isObject(current)) {
    for (const key of [...new Set([...Object.keys(current), ...Object.keys(archived)])]) {
      const found = firstDifference(archived[key], current[key], [...path, key]);
      if (found) return found;
    }
    return undefined;
  }
  return Object.is(archived, current) ? undefined : { path, archived, current };
}

const withoutAnnulment = (entry: Json): Json => {
  if (!isObject(entry)) return entry;
  const { anulada: _anulada, ...rest } = entry;
  return rest;
};

function versionsWithoutAnnulment(value: Record<string, Json>): Record<string, Json> {
  return Array.isArray(value.versiones) ? { ...value, versiones: value.versiones.map(withoutAnnulment) } : value;
}

const entryOf = (versions: Json, number: number) => (Array.isArray(versions) ? versions.findIndex((v) => isObject(v) && v.numero === number) : -1);

function newVersionHint(doc: SourceDocument, version: ArchivedVersion): string {
  return `la versión ${version.manifest.versionMostrada} está aprobada y archivada en ${displayPath(version.dir)} y sus datos no cambian: deshaga el cambio, o abra una nueva versión (docctl version ${doc.context.code} --motivo "…") y haga allí el cambio`;
}

export function frozenProblems(documents: readonly SourceDocument[], archives: ReadonlyMap<string, EntityArchive>): Problem[] {
  const problems: Problem[] = [];
  for (const doc of documents) {
    const { json } = doc.source;
    const current = versionsWithoutAnnulment(frozenValue(json.value));
    const archived = versionsOf(archives.get(doc.entity.slug), doc.context.code);
    const dataVersions = current.versiones as Json[];
    const at = (path: Path) => ({ field: formatFieldPath(path), ...locate(json, path) });
    for (const version of archived) {
      const index = entryOf(dataVersions, version.number);
      if (index < 0) {
        problems.push(errorProblem(doc.source.file, `falta la versión ${version.manifest.versionMostrada}: ${newVersionHint(doc, version)}`, at(['versiones'])));
        continue;
      }
      const entry = dataVersions[index];
      if (isObject(entry) && entry.estado === 'borrador') {
        problems.push(
          errorProblem(
            doc.source.file,
            `la versión ${version.number} ya está archivada en ${displayPath(version.dir)}; un borrador debe tener un número de versión nuevo (use docctl version). Si una aprobación se interrumpió, docctl generar o docctl aprobar la completan`,
            at(['versiones', index]),
          ),
        );
        continue;
      }
      const archivedEntry = (versionsWithoutAnnulment(version.manifest.datos).versiones as Json[] | undefined)?.[entryOf(version.manifest.datos.versiones, version.number)];
      const difference = firstDifference(archivedEntry, entry, ['versiones', index]);
      if (difference) problems.push(changed(doc, version, difference));
    }
    // While no newer draft is open, the whole document is the archived version's.
    const last = archived.at(-1);
    const lastNumber = dataVersions.at(-1) as Json;
    if (last && isObject(lastNumber) && lastNumber.numero === last.number && lastNumber.estado !== 'borrador') {
      // The classification is today's decision (Ley 1712: it can change without a new version); the archive keeps the one at approval.
      // So are the document's entries in the transparency instruments (its Índice entry comes with a classification).
      const todays = { clasificacion: current.clasificacion, activoInformacion: current.activoInformacion, indiceClasificada: current.indiceClasificada };
      const difference = firstDifference({ ...versionsWithoutAnnulment(last.manifest.datos), ...todays }, current);
      // A change in an archived version's own entry was reported above.
      const inArchivedEntry = (path: Path) => path[0] === 'versiones' && archived.some((v) => v.number === (dataVersions[path[1] as number] as { numero?: unknown } | undefined)?.numero);
      if (difference && !inArchivedEntry(difference.path)) problems.push(changed(doc, last, difference));
      problems.push(...changedMarkdown(doc, last));
    }
    problems.push(...annulmentProblems(doc, archived, at));
  }
  return problems;
}

function changed(doc: SourceDocument, version: ArchivedVersion, difference: { path: Path; archived: Json; current: Json }): Problem {
  const { json } = doc.source;
  return errorProblem(
    doc.source.file,
    `cambió después de aprobar (archivado: ${showValue(difference.archived)}; ahora: ${showValue(difference.current)}); ${newVersionHint(doc, version)}`,
    { field: formatFieldPath(difference.path), ...locate(json, difference.path) },
  );
}

function changedMarkdown(doc: SourceDocument, version: ArchivedVersion): Problem[] {
  const inputs = version.manifest.entradas;
  if (!inputs) return []; // a migrated version: its inputs were never recorded
  const prefix = `${doc.entity.slug}/documentos/`;
  const recorded = new Map(inputs.archivos.filter((f) => f.nombre.startsWith(prefix) && f.nombre.endsWith('.md')).map((f) => [f.nombre.slice(prefix.length), f.sha256]));
  const problems: Problem[] = [];
  for (const path of markdownFiles(doc.source.document.secciones)) {
    const full = join(doc.entity.dir, 'documentos', ...path.split('/'));
    let hash: string | undefined;
    try {
      hash = sha256(readFileSync(full));
    } catch {
      hash = undefined;
    }
    if (recorded.get(path) !== hash) {
      problems.push(errorProblem(displayPath(full), `el texto cambió después de aprobar; ${newVersionHint(doc, version)}`));
    }
  }
  // The figures are part of the approved text too (archive/inputs.ts lists each
  // one): one changed, added or removed is a change to an approved version.
  const figuresPrefix = `${doc.context.code}/figuras/`;
  const recordedFigures = new Map(inputs.archivos.filter((f) => f.nombre.startsWith(prefix + figuresPrefix)).map((f) => [f.nombre.slice(prefix.length + figuresPrefix.length), f.sha256]));
  const currentFigures = new Map(Object.entries(doc.context.figures).map(([name, image]) => [name, sha256(image.bytes)]));
  for (const name of [...new Set([...recordedFigures.keys(), ...currentFigures.keys()])].sort()) {
    if (recordedFigures.get(name) === currentFigures.get(name)) continue;
    const full = join(doc.entity.dir, 'documentos', doc.context.code, 'figuras', name);
    const what = !currentFigures.has(name) ? 'se quitó' : !recordedFigures.has(name) ? 'se agregó' : 'cambió';
    problems.push(errorProblem(displayPath(full), `la figura ${what} después de aprobar; ${newVersionHint(doc, version)}`));
  }
  return problems;
}

function annulmentProblems(doc: SourceDocument, archived: readonly ArchivedVersion[], at: (path: Path) => Partial<Problem>): Problem[] {
  const problems: Problem[] = [];
  const raw = (doc.source.json.value as { versiones?: Json[] }).versiones ?? [];
  raw.forEach((entry, index) => {
    if (!isObject(entry) || entry.anulada === undefined) return;
    const version = archived.find((v) => v.number === entry.numero);
    if (!version?.annulled) {
      problems.push(errorProblem(doc.source.file, `dice que la versión ${String(entry.numero)} fue anulada, pero el registro del archivo no lo dice; las anulaciones se hacen con docctl anular ${doc.context.code} --version N --motivo "…"`, at(['versiones', index, 'anulada'])));
    }
  });
  return problems;
}
