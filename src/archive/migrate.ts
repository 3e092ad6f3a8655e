// Moves an archive written by an older docctl under output/<entidad>/<CÓDIGO>/v<N>/
// into data/<entidad>/archivo/. Automatic, on the next build: the archive
// must be in one place for the checks that protect it (frozen data, write-
// once versions) to see it, and nothing is lost — each version is first
// verified against its old manifest, then copied and sealed like an
// approval (a migracion entry in the register), and the old copy is left
// where it was (delete it by hand once the new archive is in git).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { errorProblem, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import type { SourceDocument, Sources } from '../pipeline/sources.js';
import { sha256 } from './manifest.js';
import { MANIFEST_NAME, VERSION_FOLDER, archivedVersionDir, archiveDir } from './paths.js';
import { frozenValue } from './record.js';
import { sealVersion } from './seal.js';
import { versionStates } from '../model/versions.js';
import { formatVersion } from '../model/labels.js';

const legacyManifestSchema = z.object({
  entidad: z.string(),
  codigo: z.string(),
  titulo: z.string(),
  version: z.int(),
  versionMostrada: z.string(),
  fechaAprobacion: z.string().optional(),
  descripcion: z.string(),
  acta: z.strictObject({ numero: z.string(), fecha: z.string(), comite: z.string() }).optional(),
  archivos: z.array(z.strictObject({ nombre: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/), sha256: z.string(), bytes: z.int() })),
});

export interface LegacyVersion {
  readonly doc: SourceDocument;
  readonly number: number;
  readonly dir: string;
}

/** Old archived versions (with a manifest) below output/ that the new archive does not hold yet. */
export function findLegacyVersions(outputDir: string, dataDir: string, documents: readonly SourceDocument[]): LegacyVersion[] {
  const found: LegacyVersion[] = [];
  for (const doc of documents) {
    const codeDir = join(outputDir, doc.entity.slug, doc.context.code);
    if (!existsSync(codeDir) || !statSync(codeDir).isDirectory()) continue;
    const numbers = readdirSync(codeDir).flatMap((name) => {
      const match = VERSION_FOLDER.exec(name);
      return match && existsSync(join(codeDir, name, MANIFEST_NAME)) ? [Number(match[1])] : [];
    });
    for (const number of numbers.sort((a, b) => a - b)) {
      if (existsSync(archivedVersionDir(dataDir, doc.entity.slug, doc.context.code, number))) continue;
      found.push({ doc, number, dir: join(codeDir, `v${number}`) });
    }
  }
  return found;
}

/** Verifies each old version against its manifest; problems name the file. Nothing is written. */
export function checkLegacyVersions(versions: readonly LegacyVersion[]): Problem[] {
  const problems: Problem[] = [];
  for (const { dir, doc, number } of versions) {
    const manifestPath = join(dir, MANIFEST_NAME);
    let manifest: z.infer<typeof legacyManifestSchema>;
    try {
      manifest = legacyManifestSchema.parse(JSON.parse(readFileSync(manifestPath, 'utf8')));
    } catch {
      problems.push(errorProblem(displayPath(manifestPath), 'no se puede trasladar esta versión al archivo nuevo: su manifiesto no es válido; restáurelo desde una copia de seguridad'));
      continue;
    }
    if (manifest.codigo !== doc.context.code || manifest.version !== number) {
      problems.push(errorProblem(displayPath(manifestPath), `dice ${manifest.codigo} v${manifest.version}, pero está en la carpeta de ${doc.context.code} v${number}`));
    }
    if (!doc.source.document.versiones.some((v) => v.numero === number && v.estado !== 'borrador')) {
      problems.push(errorProblem(doc.source.file, `${displayPath(dir)} archiva la versión ${number}, que no es una versión aprobada en los datos; no se puede trasladar al archivo nuevo`, { field: 'versiones' }));
    }
    for (const file of manifest.archivos) {
      const path = join(dir, file.nombre);
      if (!existsSync(path)) problems.push(errorProblem(displayPath(path), 'falta (fue borrado o movido); no se puede trasladar esta versión al archivo nuevo: restáurelo desde una copia de seguridad'));
      else if (sha256(readFileSync(path)) !== file.sha256) problems.push(errorProblem(displayPath(path), 'fue modificado: su SHA-256 no coincide con el del manifiesto; no se traslada al archivo nuevo: restáurelo desde una copia de seguridad'));
    }
  }
  return problems;
}

/** Copies verified old versions into the archive (the caller holds the locks and ran checkLegacyVersions). */
export function migrateLegacyVersions(versions: readonly LegacyVersion[], dataDir: string, _sources: Pick<Sources, 'raw' | 'project'>): string[] {
  const lines: string[] = [];
  for (const { doc, number, dir } of versions) {
    const manifestText = readFileSync(join(dir, MANIFEST_NAME), 'utf8');
    const old = legacyManifestSchema.parse(JSON.parse(manifestText));
    const document = doc.source.document;
    const entry = versionStates(document).find((s) => s.version.numero === number)!.version;
    const target = archivedVersionDir(dataDir, doc.entity.slug, doc.context.code, number);
    sealVersion({
      archiveDir: archiveDir(dataDir, doc.entity.slug),
      target,
      files: old.archivos.map((file) => ({ name: file.nombre, bytes: readFileSync(join(dir, file.nombre)) })),
      manifest: {
        formato: 2,
        entidad: doc.entity.slug,
        codigo: old.codigo,
        version: number,
        versionMostrada: old.versionMostrada || formatVersion(number, doc.entity.entity.formatoVersion),
        titulo: old.titulo,
        proceso: document.proceso,
        dependencia: document.dependencia,
        tipo: document.tipo,
        clasificacion: document.clasificacion,
        ...(old.fechaAprobacion === undefined ? {} : { fechaAprobacion: old.fechaAprobacion }),
        descripcion: old.descripcion,
        ...(old.acta === undefined ? {} : { acta: old.acta }),
        ...(entry.elaboro === undefined ? {} : { elaboro: entry.elaboro }),
        ...(entry.reviso === undefined ? {} : { reviso: entry.reviso }),
        ...(entry.aprobo === undefined ? {} : { aprobo: entry.aprobo }),
        firmantes: doc.context.signatories.map((s) => ({ ...(s.name === undefined ? {} : { nombre: s.name }), cargo: s.position })),
        datos: frozenValue(doc.source.json.value),
        migracion: { desde: displayPath(dir), manifiestoAnteriorSha256: sha256(manifestText) },
      },
      register: { evento: 'migracion', desde: displayPath(dir) },
    });
    lines.push(`  ${displayPath(target)}/  ${doc.context.code} v${old.versionMostrada}: trasladada desde ${displayPath(dir)}/ (verificada; la copia anterior queda donde estaba)`);
  }
  return lines;
}
