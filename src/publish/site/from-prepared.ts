// Builds a SiteDocument from what the pipeline prepared: every version of
// the data (the last one is in force, as in `versiones`) with the files the
// caller says it has for each (the build: what it wrote or archived).
import { approvalSentence } from '../../model/build-context.js';
import { formatVersion } from '../../model/labels.js';
import type { PreparedDocument } from '../../pipeline.js';
import type { SiteDocument, SiteFile, SiteVersion } from './types.js';

export type FilesOfVersion = (versionNumber: number, isCurrent: boolean) => readonly SiteFile[];

export function siteDocumentFrom(prepared: PreparedDocument, filesOf: FilesOfVersion): SiteDocument {
  const { document } = prepared.source;
  const format = prepared.entity.entity.formatoVersion;
  const last = document.versiones.length - 1;
  const versions: SiteVersion[] = document.versiones.map((version, index) => ({
    number: version.numero,
    label: formatVersion(version.numero, format),
    approvalDate: version.fecha,
    description: version.descripcion,
    approvalSentence: approvalSentence(version),
    state: index === last ? 'vigente' : 'obsoleto',
    files: filesOf(version.numero, index === last),
  }));
  return { rendered: prepared.rendered, classification: prepared.rendered.context.classification, versions };
}
