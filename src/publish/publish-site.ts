// Writes output/sitio/ from the archive (site/from-archive.ts): for every
// document its data calls public, its version in force as archived and the
// files of every archived version. The folder is made to hold exactly what
// the generator returns: anything else in it (a document since reclassified
// as reserved, or withdrawn) is removed, so nothing stays online by accident.
// Only intact records are published: the build verifies the archive first
// and stops on any mismatch; when a build fails, withdraw() publishes again
// without what must come down, leaving out whatever does not verify.
import { createHash } from 'node:crypto';
import { readdirSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { EntityArchive } from '../archive/verify.js';
import { versionsOf } from '../archive/verify.js';
import { writeFileIfChanged } from './atomic-write.js';
import { insideOutput, SITE_DIR } from './output-paths.js';
import type { PublicationInputs } from './publication-inputs.js';
import { programHash } from './render-cache.js';
import { buildSite } from './site/index.js';
import { siteDocumentFromArchive } from './site/from-archive.js';
import type { SiteDocument } from './site/types.js';

function listFiles(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? listFiles(path) : [path];
  });
}

function removeEmptyFolders(dir: string, root: string): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) removeEmptyFolders(path, root);
  }
  if (dir !== root && readdirSync(dir).length === 0) rmdirSync(dir);
}

/** The site's documents; a document with any archived version that does not verify is left out. */
function siteDocuments(inputs: PublicationInputs, archives: readonly EntityArchive[]): SiteDocument[] {
  const bySlug = new Map(archives.map((a) => [a.slug, a]));
  return inputs.entities.flatMap((entity) =>
    [...entity.classifications.keys()].flatMap((code) => {
      const archive = bySlug.get(entity.slug);
      if (versionsOf(archive, code).some((v) => !v.intact)) return [];
      if (archive && archive.register.problems.length > 0) return [];
      return siteDocumentFromArchive(entity, code, archive) ?? [];
    }),
  );
}

/** What the site is made from, as one hash: when it is the one the site was last written from, the site is left alone. */
export function siteKey(inputs: PublicationInputs, archives: readonly EntityArchive[]): string {
  const hash = createHash('sha256').update(programHash());
  for (const entity of inputs.entities) {
    hash.update(JSON.stringify([entity.slug, entity.versionFormat, [...entity.classifications].sort(), entity.publishesSignedCopy]));
    hash.update(entity.logo?.bytes ?? new Uint8Array());
  }
  for (const archive of archives) {
    hash.update(archive.register.text);
    for (const version of archive.versions) hash.update(`${version.dir}\0${version.manifestSha256}\0${version.intact}`);
  }
  return hash.digest('hex');
}

export function publishSite(inputs: PublicationInputs, archives: readonly EntityArchive[], outputDir: string): { files: readonly string[]; removed: number } {
  const files = buildSite({ documents: siteDocuments(inputs, archives) });
  const root = insideOutput(outputDir, SITE_DIR);
  const keep = new Set<string>();
  for (const [path, content] of files) {
    const target = insideOutput(outputDir, `${SITE_DIR}/${path}`);
    keep.add(target);
    writeFileIfChanged(target, content);
  }
  let removed = 0;
  for (const file of listFiles(root)) {
    if (!keep.has(file)) {
      rmSync(file, { force: true });
      removed++;
    }
  }
  removeEmptyFolders(root, root);
  return { files: [...files.keys()].map((path) => `${SITE_DIR}/${path}`), removed };
}

/**
 * After a failed build: when a document on the site must come down — its
 * data no longer calls it public, or cannot be read — publishes the site
 * again without it (and without any document whose record does not verify:
 * it cannot be published again). Otherwise leaves output/ untouched.
 * Returns the documents withdrawn ("entidad/CÓDIGO").
 */
export function withdraw(inputs: PublicationInputs, archives: readonly EntityArchive[], outputDir: string): string[] {
  const root = join(outputDir, SITE_DIR);
  const online: string[] = [];
  for (const slug of safeList(root)) {
    for (const code of safeList(join(root, slug))) if (statSync(join(root, slug, code)).isDirectory()) online.push(`${slug}/${code}`);
  }
  const classification = new Map(inputs.entities.flatMap((e) => [...e.classifications].map(([code, value]) => [`${e.slug}/${code}` as string, value] as const)));
  const withdrawn = online.filter((key) => classification.get(key) !== 'publica');
  if (withdrawn.length > 0) publishSite(inputs, archives, outputDir);
  return withdrawn;
}

function safeList(dir: string): string[] {
  try {
    return statSync(dir).isDirectory() ? readdirSync(dir).sort() : [];
  } catch {
    return [];
  }
}
