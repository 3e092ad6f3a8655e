// The transparency site (Ley 1712 de 2014, Resolución MinTIC 1519 de 2020):
// a pure function from the rendered documents and their files to the files
// of output/sitio/, so the build can write them atomically. Classified and
// reserved documents are filtered out here too, whatever the caller passes.
import { documentPage } from './document-page.js';
import { FAVICON, FAVICON_PATH } from './favicon.js';
import { FILTER_SCRIPT, FILTER_SCRIPT_PATH } from './filter-script.js';
import { indexPage } from './index-page.js';
import { INDEX_PATH, OPEN_DATA_PAGE } from './layout.js';
import { dictionary, OPEN_DATA_CSV, OPEN_DATA_DICTIONARY, OPEN_DATA_JSON, openDataPage, toCsv, toJson } from './open-data.js';
import { planSite } from './plan.js';
import { STYLES, STYLES_PATH } from './styles.js';
import type { SiteFiles, SiteInput } from './types.js';

export type { PublishedFileKind, SiteDocument, SiteFile, SiteFiles, SiteInput, SiteVersion } from './types.js';
export { isPublishable } from './plan.js';
export { documentPagePath, formatSize, sha256Hex } from './files.js';
export { siteDocumentFrom, type FilesOfVersion } from './from-prepared.js';

/** Keys are paths relative to output/sitio/ with forward slashes, in a stable order. */
export function buildSite(input: SiteInput): SiteFiles {
  const documents = planSite(input);
  const files: SiteFiles = new Map();
  files.set(INDEX_PATH, indexPage(documents));
  files.set(STYLES_PATH, STYLES);
  files.set(FAVICON_PATH, FAVICON);
  if (documents.length > 0) files.set(FILTER_SCRIPT_PATH, FILTER_SCRIPT);
  files.set(OPEN_DATA_PAGE, openDataPage(documents.length));
  files.set(OPEN_DATA_CSV, toCsv(documents));
  files.set(OPEN_DATA_JSON, toJson(documents));
  files.set(OPEN_DATA_DICTIONARY, dictionary());
  for (const doc of documents) {
    files.set(doc.pagePath, documentPage(doc));
    for (const version of doc.versions) for (const file of version.files) files.set(file.path, file.bytes);
  }
  return files;
}
