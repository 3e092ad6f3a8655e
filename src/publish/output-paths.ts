// Where each generated file goes: output/<entidad>/<CÓDIGO>/v<N>/<CÓDIGO>-v<N>.<ext>.
// Codes and entity folders are validated to be path-safe; this check is the
// last line of defence that nothing is ever written outside output/.
import { isAbsolute, join, relative, resolve } from 'node:path';

/** The transparency site's folder inside output/. */
export const SITE_DIR = 'sitio';

/** Words shaped by the last build, for the next one (write/pdf/engine-patches/shaped-words-store.ts); deleting it only costs time. */
export const SHAPED_WORDS_FILE = '.docctl-palabras.json';

/** Where a build renders before moving files into place (staging.ts). */
export const STAGING_DIR = '.docctl-preparando';

/** One build at a time per output folder (build-lock.ts). */
export const LOCK_FILE = '.docctl.lock';

/** Which drafts are unchanged since they were written (render-cache.ts). */
export const CACHE_FILE = '.docctl-cache.json';

/** The listado maestro (commands/listado.ts). */
export const LISTADO_FILES = { csv: 'listado-maestro.csv', pdf: 'listado-maestro.pdf' } as const;

/** Figures of `npm run bench` (test/bench/bench.ts). */
export const BENCH_DIR = 'bench';

/**
 * Every name docctl writes at the top of output/, beside the entity folders
 * (output/<entidad>/…), and at the top of the site, beside the entity
 * folders there (sitio/<entidad>/…). An entity folder with one of these names
 * would share its folder with docctl's own files — the site's clean-up would
 * delete its drafts, its documents would land inside the site — so
 * validation refuses such names (RESERVED_ENTITY_NAMES). A test builds a
 * project and checks that nothing else appears at either top level.
 */
export const OUTPUT_TOP_LEVEL_NAMES = [SITE_DIR, SHAPED_WORDS_FILE, STAGING_DIR, LOCK_FILE, CACHE_FILE, LISTADO_FILES.csv, LISTADO_FILES.pdf, BENCH_DIR] as const;
export const SITE_TOP_LEVEL_NAMES = ['index.html', 'estilos.css', 'icono.svg', 'filtro.js', 'datos-abiertos'] as const;

/** Names an entity folder can never have; those starting with "." or holding one already fail the slug rule. */
export const RESERVED_ENTITY_NAMES: readonly string[] = [...OUTPUT_TOP_LEVEL_NAMES, ...SITE_TOP_LEVEL_NAMES].filter((name) => /^[a-z0-9-]+$/.test(name)).sort();

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
