// Where each generated file goes: output/<entidad>/<CÓDIGO>/v<N>/<CÓDIGO>-v<N>.<ext>.
// Codes and entity folders are validated to be path-safe; this check is the
// last line of defence that nothing is ever written outside output/.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The transparency site's folder inside output/. */
export const SITE_DIR = 'sitio';

/** Words shaped by the last build, for the next one (write/pdf/shaped-words-store.ts); deleting it only costs time. */
export const SHAPED_WORDS_FILE = '.docctl-palabras.json';

export function versionDir(outputDir: string, entitySlug: string, code: string, version: number): string {
  return insideOutput(outputDir, join(entitySlug, code, `v${version}`));
}

export function insideOutput(outputDir: string, relativePath: string): string {
  const root = resolve(outputDir);
  const target = resolve(root, relativePath);
  const rel = relative(root, target);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) {
    throw new Error(`internal: refusing to write outside the output folder: ${relativePath}`);
  }
  return target;
}

/** The file names of a version's editions, in the order they are written. */
export function editionNames(code: string, version: number): { pdf: string; docx: string; html: string } {
  const base = `${code}-v${version}`;
  return { pdf: `${base}.pdf`, docx: `${base}.docx`, html: `${base}.html` };
}
