// Where the record lives: data/<entidad>/archivo/, beside the data it was
// approved from and versioned with it (git), never in the regenerable
// output/. One folder per version, <CÓDIGO>/v<N>/, and one register per
// entity, registro.jsonl. The load stage reads only entidad.json and
// documentos/, so nothing here is ever taken for data.
import { isAbsolute, join, relative, resolve } from 'node:path';

export const ARCHIVE_DIR = 'archivo';
export const MANIFEST_NAME = 'manifiesto.json';
export const REGISTER_NAME = 'registro.jsonl';
/** What a version was rendered from, kept with it (publish/archived-source.ts). */
export const SOURCE_NAME = 'fuente.json';
/** A version folder being built; renamed to v<N> once complete (seal.ts). */
export const PREPARING_MARK = '.preparando-';

export const VERSION_FOLDER = /^v([1-9]\d{0,5})$/;

export function archiveDir(dataDir: string, entitySlug: string): string {
  return inside(dataDir, join(entitySlug, ARCHIVE_DIR));
}

export function archivedVersionDir(dataDir: string, entitySlug: string, code: string, version: number): string {
  return inside(dataDir, join(entitySlug, ARCHIVE_DIR, code, `v${version}`));
}

/** The last line of defence that nothing is written outside the data folder (slugs and codes are validated path-safe). */
function inside(root: string, relativePath: string): string {
  const base = resolve(root);
  const target = resolve(base, relativePath);
  const rel = relative(base, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) throw new Error(`internal: refusing an archive path outside the data folder: ${relativePath}`);
  return target;
}
