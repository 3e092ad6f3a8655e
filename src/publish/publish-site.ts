// Writes output/sitio/ from the archive: for every public document, its
// version in force (as archived) and the files of every archived version.
// The folder is made to hold exactly what the generator returns: anything
// else in it (a document since reclassified as reserved, or withdrawn) is
// removed, so nothing stays online by accident.
import { readdirSync, readFileSync, rmdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../pipeline/sources.js';
import { isArchived, readManifest } from './archive.js';
import { readArchivedSource } from './archived-source.js';
import { writeFileIfChanged } from './atomic-write.js';
import { insideOutput, SITE_DIR, versionDir } from './output-paths.js';
import { buildSite } from './site/index.js';
import { siteDocumentFrom, siteVersions } from './site/from-prepared.js';
import type { SiteFile } from './site/types.js';


function archivedFiles(dir: string): SiteFile[] {
  if (!isArchived(dir)) return [];
  return readManifest(dir).archivos.flatMap((file) => {
    const kind = file.nombre.endsWith('.pdf') ? 'pdf' : file.nombre.endsWith('.docx') ? 'docx' : undefined;
    return kind ? [{ kind, fileName: file.nombre, bytes: new Uint8Array(readFileSync(join(dir, file.nombre))) }] : [];
  });
}

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

export function publishSite(documents: readonly SourceDocument[], outputDir: string): { files: readonly string[]; removed: number } {
  const siteDocuments = documents.flatMap((doc) => {
    const { context } = doc;
    const dirOf = (n: number) => versionDir(outputDir, context.entity.slug, context.code, n);
    const vigente = siteVersions(doc, () => []).find((v) => v.state === 'vigente');
    if (!vigente || !isArchived(dirOf(vigente.number))) return [];
    // The version in force as archived (every archive docctl writes holds its fuente.json).
    const archived = readArchivedSource(dirOf(vigente.number), doc.entity.logo);
    if (!archived) return [];
    // Whether it may be published is decided by today's data: a document
    // reclassified as reserved comes down even though its archive says pública.
    const rendered = { ...archived, context: { ...archived.context, classification: context.classification, classificationLabel: context.classificationLabel } };
    return [siteDocumentFrom({ ...doc, rendered }, (n) => archivedFiles(dirOf(n)))];
  });
  const files = buildSite({ documents: siteDocuments });
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
