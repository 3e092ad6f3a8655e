// A version's manifest, manifiesto.json (formato 2): what the version is
// (the identity and approval the site, the listado and open data show), the
// data it was approved from (`datos`, for the frozen-data check), the
// SHA-256 of every input it was generated from (`entradas`), and the SHA-256
// and size of every file in its folder (`archivos`). The register
// (register.ts) holds the manifest's own SHA-256, so a file replaced
// together with its hash here is still detected.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { MANIFEST_NAME } from './paths.js';

export const MANIFEST_FORMAT = 2;

export const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);
/** A plain file name: the archive never names a path. */
const fileName = z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/);
const person = z.looseObject({ nombre: z.string().optional(), cargo: z.string().optional() });

export const archivedFileSchema = z.strictObject({ nombre: fileName, sha256: hex64, bytes: z.int().nonnegative() });

export const manifestSchema = z.strictObject({
  formato: z.literal(MANIFEST_FORMAT),
  entidad: z.string(),
  codigo: z.string(),
  version: z.int().positive(),
  versionMostrada: z.string(),
  titulo: z.string(),
  proceso: z.string().optional(),
  dependencia: z.string().optional(),
  tipo: z.string(),
  /** Ley 1712 classification at approval; whether it is published is decided by today's data. */
  clasificacion: z.string(),
  fechaAprobacion: z.string().optional(),
  descripcion: z.string(),
  acta: z.strictObject({ numero: z.string(), fecha: z.string(), comite: z.string() }).optional(),
  elaboro: person.optional(),
  reviso: person.optional(),
  aprobo: person.optional(),
  /** Those who sign the signature page of this version. */
  firmantes: z.array(person),
  /** The document's JSON value at approval, without "$schema". */
  datos: z.record(z.string(), z.unknown()),
  /** SHA-256 of every input, by its path relative to the data folder, and of them all together. Absent for a migrated version: its inputs were not recorded. */
  entradas: z
    .strictObject({ archivos: z.array(z.strictObject({ nombre: z.string(), sha256: hex64 })), sha256: hex64 })
    .optional(),
  /** Present when the version was archived by an older docctl under output/ and moved here. */
  migracion: z.strictObject({ desde: z.string(), manifiestoAnteriorSha256: hex64 }).optional(),
  archivos: z.array(archivedFileSchema).min(1),
});

export type Manifest = z.infer<typeof manifestSchema>;
export type ArchivedFile = z.infer<typeof archivedFileSchema>;

export const manifestText = (manifest: Manifest) => `${JSON.stringify(manifest, null, 2)}\n`;

export type ManifestRead = { readonly manifest: Manifest; readonly text: string; readonly sha256: string } | { readonly problem: string };

/** A version folder's manifest, or why it is not a sound one (in Spanish, for the user). */
export function readManifest(versionDir: string): ManifestRead {
  let text: string;
  try {
    text = readFileSync(join(versionDir, MANIFEST_NAME), 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { problem: code === 'ENOENT' ? 'falta el manifiesto (manifiesto.json)' : `no se pudo leer el manifiesto (${code ?? 'error'})` };
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { problem: 'el manifiesto no es JSON válido' };
  }
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { problem: `el manifiesto no tiene la forma esperada (${issue ? `${issue.path.join('.') || 'raíz'}: ${issue.message}` : 'formato desconocido'})` };
  }
  return { manifest: parsed.data, text, sha256: sha256(text) };
}
