// What the transparency site is made from, as one hash: the program, and for
// every document its classification, its approved versions as the data
// lists them, the logo, and the manifest of each archived version (which
// names the sha256 of every archived file, fuente.json included). A draft's
// text is not among them: drafts are never published. When the hash is the
// one the site was last written from, a build leaves the site alone.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../pipeline/sources.js';
import { MANIFEST_NAME } from './archive.js';
import { versionDir } from './output-paths.js';
import { programHash } from './render-cache.js';
import { siteVersions } from './site/from-prepared.js';

function manifestText(dir: string): string {
  try {
    return readFileSync(join(dir, MANIFEST_NAME), 'utf8');
  } catch {
    return ''; // not archived (yet)
  }
}

export function siteKey(documents: readonly SourceDocument[], outputDir: string): string {
  const hash = createHash('sha256').update(programHash());
  for (const doc of documents) {
    const { context } = doc;
    const versions = siteVersions(doc, () => []);
    hash.update(JSON.stringify([context.entity.slug, context.code, context.classification, context.classificationLabel, versions]));
    hash.update(doc.entity.logo.bytes);
    for (const version of versions) hash.update(manifestText(versionDir(outputDir, context.entity.slug, context.code, version.number)));
  }
  return hash.digest('hex');
}
