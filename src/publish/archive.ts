// The write-once archive of approved versions. A version folder
// output/<entidad>/<CÓDIGO>/v<N>/ becomes archived when its manifest is
// written, after its files: from then on no command overwrites or deletes
// anything in it, because signed copies cannot be regenerated. A folder
// without a manifest (a draft, or an archive interrupted before the manifest)
// is still work in progress and may be rewritten.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { passFaultPoint } from '../fault-points.js';
import { writeFileAtomic } from './atomic-write.js';

export const MANIFEST_NAME = 'manifiesto.json';

export const manifestSchema = z.strictObject({
  entidad: z.string(),
  codigo: z.string(),
  titulo: z.string(),
  version: z.int(),
  versionMostrada: z.string(),
  fechaAprobacion: z.string().optional(),
  descripcion: z.string(),
  acta: z.strictObject({ numero: z.string(), fecha: z.string(), comite: z.string() }).optional(),
  /** Hash of the Markdown the version was rendered from, to notice later edits of approved content. */
  contenidoSha256: z.string().optional(),
  archivos: z.array(z.strictObject({ nombre: z.string(), sha256: z.string(), bytes: z.int() })),
});

export type Manifest = z.infer<typeof manifestSchema>;

export const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

export function isArchived(versionDir: string): boolean {
  return existsSync(join(versionDir, MANIFEST_NAME));
}

export function readManifest(versionDir: string): Manifest {
  const text = readFileSync(join(versionDir, MANIFEST_NAME), 'utf8');
  return manifestSchema.parse(JSON.parse(text));
}

/**
 * Archives a version whose files are already in its folder (a build moves
 * them there from its staging folder): writes the manifest, last, and makes
 * everything read-only. Refuses (an internal error: callers must check
 * first) to touch an archived folder.
 */
export function sealVersion(versionDir: string, files: Manifest['archivos'], manifest: Omit<Manifest, 'archivos'>): Manifest {
  if (isArchived(versionDir)) throw new Error(`internal: ${versionDir} is archived and write-once`);
  const complete: Manifest = { ...manifest, archivos: [...files] };
  passFaultPoint('manifiesto:antes');
  writeFileAtomic(join(versionDir, MANIFEST_NAME), `${JSON.stringify(complete, null, 2)}\n`);
  passFaultPoint('manifiesto:despues');
  // Read-only as a visible signal to people and other programs; docctl itself
  // relies on the manifest, not on permissions.
  for (const file of [...files.map((f) => f.nombre), MANIFEST_NAME]) chmodSync(join(versionDir, file), 0o444);
  return complete;
}

export interface ArchivedVersion {
  readonly dir: string;
  readonly manifest: Manifest;
}

/** Every archived version below the output folder, sorted by path. */
export function findArchivedVersions(outputDir: string): ArchivedVersion[] {
  const found: ArchivedVersion[] = [];
  const walk = (dir: string, depth: number) => {
    if (depth > 4 || !existsSync(dir)) return;
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (!statSync(path).isDirectory()) continue;
      if (/^v\d+$/.test(name) && isArchived(path)) found.push({ dir: path, manifest: readManifest(path) });
      else walk(path, depth + 1);
    }
  };
  walk(outputDir, 0);
  return found;
}

export interface VerifyFinding {
  readonly file: string;
  readonly problem: 'falta' | 'modificado';
}

/** Recomputes the hash of every archived file. */
export function verifyArchive(outputDir: string): { checked: number; findings: VerifyFinding[] } {
  let checked = 0;
  const findings: VerifyFinding[] = [];
  for (const { dir, manifest } of findArchivedVersions(outputDir)) {
    for (const file of manifest.archivos) {
      checked++;
      const path = join(dir, file.nombre);
      if (!existsSync(path)) findings.push({ file: path, problem: 'falta' });
      else if (sha256(readFileSync(path)) !== file.sha256) findings.push({ file: path, problem: 'modificado' });
    }
  }
  return { checked, findings };
}
