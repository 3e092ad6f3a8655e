// Completes a change that a crash interrupted between its steps, so that
// every multi-step change (approve: seal → register → data file → site;
// anular: register → data file → site) ends all done, never half done. Run
// by build and approve, holding the locks, before the archive is verified:
// - a version folder sealed but missing from the register, whose data
//   matches it, gets its register entry;
// - a data file still saying "borrador" for a version whose archive (and
//   register entry) exists, with the same data otherwise and the same
//   Markdown, is marked approved as the archive says;
// - an annulment in the register missing from the data file is written there.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { editJsonText } from '../edit/edit-json.js';
import { displayPath } from '../load/load-project.js';
import type { SourceDocument } from '../pipeline/sources.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { firstDifference } from './frozen.js';
import { markdownFiles } from './inputs.js';
import { sha256 } from './manifest.js';
import { frozenValue } from './record.js';
import { appendRegister, type RegisterEntry } from './register.js';
import { versionsOf, type ArchivedVersion, type EntityArchive } from './verify.js';

type Json = Record<string, unknown>;

function sameMarkdown(doc: SourceDocument, version: ArchivedVersion): boolean {
  const inputs = version.manifest.entradas;
  if (!inputs) return true;
  const prefix = `${doc.entity.slug}/documentos/`;
  return markdownFiles(doc.source.document.secciones).every((path) => {
    const recorded = inputs.archivos.find((f) => f.nombre === `${prefix}${path}`)?.sha256;
    try {
      return recorded === sha256(readFileSync(join(doc.entity.dir, 'documentos', ...path.split('/'))));
    } catch {
      return false;
    }
  });
}

/** The data as the approval of its draft would leave it, per the archive. */
function approvedAsArchived(value: Json, version: ArchivedVersion): Json {
  const versions = [...(value.versiones as Json[])];
  const { estado: _estado, ...entry } = versions.at(-1)!;
  versions[versions.length - 1] = {
    ...entry,
    ...(version.manifest.fechaAprobacion === undefined ? {} : { fecha: version.manifest.fechaAprobacion }),
    ...(version.manifest.acta === undefined ? {} : { acta: version.manifest.acta }),
  };
  return { ...value, versiones: versions };
}

export const annulmentRecord = (entry: RegisterEntry) => ({ fecha: entry.fecha.slice(0, 10), motivo: entry.motivo ?? '', por: entry.por ?? '' });

/**
 * Returns a line per completed change; the caller reloads the data when
 * there is any. With `apply: false` it only says what it would complete, so
 * the caller takes the archive's lock only when there is something to write.
 */
export function completeInterruptedChanges(documents: readonly SourceDocument[], archives: ReadonlyMap<string, EntityArchive>, apply = true): string[] {
  const lines: string[] = [];
  for (const doc of documents) {
    const archive = archives.get(doc.entity.slug);
    if (!archive || archive.register.problems.length > 0) continue;
    const versions = versionsOf(archive, doc.context.code);
    const value = frozenValue(doc.source.json.value);
    const dataVersions = value.versiones as Json[];
    const last = dataVersions.at(-1)!;
    const lastArchived = versions.find((v) => v.number === last.numero);
    if (lastArchived?.filesIntact && sameMarkdown(doc, lastArchived)) {
      const draft = last.estado === 'borrador';
      const expected = draft ? approvedAsArchived(value, lastArchived) : value;
      if (!firstDifference(lastArchived.manifest.datos, expected)) {
        if (!lastArchived.registered) {
          if (apply) appendRegister(archive.dir, { evento: 'aprobacion', codigo: doc.context.code, version: lastArchived.number, manifiestoSha256: lastArchived.manifestSha256 });
          lines.push(`  ${displayPath(lastArchived.dir)}/  ${doc.context.code} v${lastArchived.manifest.versionMostrada}: archivada, pero faltaba en el registro; se registró`);
        }
        if (draft) {
          const index = dataVersions.length - 1;
          const edited = editJsonText(doc.source.json.text, [
            { path: ['versiones', index, 'estado'], value: undefined },
            { path: ['versiones', index, 'fecha'], value: lastArchived.manifest.fechaAprobacion },
            { path: ['versiones', index, 'acta'], value: lastArchived.manifest.acta },
          ]);
          if (apply) writeFileAtomic(doc.source.json.path, edited);
          lines.push(`  ${doc.source.file}  ${doc.context.code} v${lastArchived.manifest.versionMostrada}: se completó la aprobación que se interrumpió (el archivo y el registro ya la tenían)`);
        }
      }
    }
    // Annulments the register has and the data file does not.
    const edits = versions.flatMap((version) => {
      const index = dataVersions.findIndex((v) => v.numero === version.number);
      if (!version.annulled || index < 0 || dataVersions[index]!.anulada !== undefined) return [];
      return [{ path: ['versiones', index, 'anulada'], value: annulmentRecord(version.annulled) }];
    });
    if (edits.length > 0) {
      if (apply) writeFileAtomic(doc.source.json.path, editJsonText(readFileSync(doc.source.json.path, 'utf8'), edits));
      lines.push(`  ${doc.source.file}  ${doc.context.code}: se anotó la anulación que el registro ya tenía`);
    }
  }
  return lines;
}
