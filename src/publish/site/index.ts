// The transparency site (Ley 1712 de 2014, Resolución MinTIC 1519 de 2020):
// a pure function from the rendered documents and their files to the files
// of output/sitio/, so the build can write them atomically. Classified and
// reserved documents are filtered out here too, whatever the caller passes.
//
// One site per entity, in sitio/<entidad>/: its header (name and logo), its
// documents under the items of the transparency menu, the three instruments
// of Ley 1712, its open data, and its own copy of the style sheet, icon and
// script, so the folder is whole by itself and the entity can publish it
// alone at <urlSitio>/<entidad>/. Document pages stay at
// sitio/<entidad>/<CÓDIGO>/index.html: the QR codes printed in archived
// PDFs point there. sitio/index.html lists the entities.
import { documentPage } from './document-page.js';
import { FAVICON, FAVICON_PATH } from './favicon.js';
import { FILTER_SCRIPT, FILTER_SCRIPT_PATH } from './filter-script.js';
import { entityIndexPage, logoPath, rootIndexPage } from './index-page.js';
import { instrumentFiles, instrumentTables, type InstrumentTables } from './instruments.js';
import { INDEX_PATH, OPEN_DATA_PAGE } from './layout.js';
import { dictionary, openDataPage, openDataPaths, toCsv, toJson } from './open-data.js';
import { planSite, type PublishedDocument } from './plan.js';
import { STYLES, STYLES_PATH } from './styles.js';
import type { SiteEntity, SiteFiles, SiteInput } from './types.js';
import { comparisonPage, comparisonPagePath, comparisonPdfPath, versionPage, versionPagePath } from './version-pages.js';

export type { InformationAsset, PublishedFileKind, SiteDocument, SiteEntity, SiteFile, SiteFiles, SiteInput, SiteVersion } from './types.js';
export { isPublishable } from './plan.js';
export { documentPagePath, formatSize, sha256Hex } from './files.js';
export { siteDocumentFrom, type FilesOfVersion } from './from-prepared.js';

/** The entities of the site: those given, and any other whose documents are given (from the documents' context). */
function siteEntities(input: SiteInput, documents: readonly PublishedDocument[]): SiteEntity[] {
  const entities = new Map((input.entities ?? []).map((e) => [e.slug, e]));
  for (const doc of documents) {
    const entity = doc.context.entity;
    if (!entities.has(entity.slug)) entities.set(entity.slug, { slug: entity.slug, name: entity.name, parentName: entity.parentName, logo: entity.logo });
  }
  return [...entities.values()];
}

/** Everything an entity's site needs besides its pages: what the PDF writer draws apart (publish-site.ts). */
export interface EntitySitePlan {
  readonly entity: SiteEntity;
  readonly documents: readonly PublishedDocument[];
  readonly tables: InstrumentTables;
}

export function planEntities(input: SiteInput): EntitySitePlan[] {
  const documents = planSite(input);
  const generatedOn = input.generatedOn ?? new Date().toISOString().slice(0, 10);
  return siteEntities(input, documents)
    .map((entity) => {
      const own = documents.filter((d) => d.context.entity.slug === entity.slug);
      return { entity, documents: own, tables: instrumentTables(entity, own, generatedOn) };
    })
    .sort((a, b) => a.entity.name.localeCompare(b.entity.name, 'es') || a.entity.slug.localeCompare(b.entity.slug));
}

/** Keys are paths relative to output/sitio/ with forward slashes, in a stable order. */
export function buildSite(input: SiteInput): SiteFiles {
  const plans = planEntities(input);
  const generatedOn = input.generatedOn ?? new Date().toISOString().slice(0, 10);
  const files: SiteFiles = new Map();
  files.set(INDEX_PATH, rootIndexPage(plans.map((p) => ({ entity: p.entity, count: p.documents.length }))));
  files.set(STYLES_PATH, STYLES);
  files.set(FAVICON_PATH, FAVICON);
  for (const { entity, documents, tables } of plans) {
    const slug = entity.slug;
    files.set(`${slug}/${INDEX_PATH}`, entityIndexPage(entity, documents));
    files.set(`${slug}/${STYLES_PATH}`, STYLES);
    files.set(`${slug}/${FAVICON_PATH}`, FAVICON);
    if (entity.logo) files.set(logoPath(entity), entity.logo.bytes);
    if (documents.length > 0) files.set(`${slug}/${FILTER_SCRIPT_PATH}`, FILTER_SCRIPT);
    const openData = openDataPaths(slug);
    files.set(`${slug}/${OPEN_DATA_PAGE}`, openDataPage(entity, documents.length));
    files.set(openData.csv, toCsv(documents));
    files.set(openData.json, toJson(documents));
    files.set(openData.dictionary, dictionary());
    for (const [path, content] of instrumentFiles(entity, tables, generatedOn)) files.set(path, content);
    for (const doc of documents) {
      files.set(doc.pagePath, documentPage(entity, doc));
      for (const version of doc.versions) {
        for (const file of version.files) files.set(file.path, file.bytes);
        if (version.state !== 'vigente') files.set(versionPagePath(doc, version.number), versionPage(entity, doc, version));
        const comparison = comparisonPage(entity, doc, version.number);
        if (comparison) files.set(comparisonPagePath(doc, version.number), comparison);
        const sealedPdf = comparisonPdfPath(doc, version.number);
        if (sealedPdf) files.set(sealedPdf, doc.comparisons.get(version.number)!.pdf!.bytes);
      }
    }
  }
  return files;
}
