// Builds a SiteDocument from what the pipeline prepared: every approved
// version of the data with its state (model/versions.ts: the last approved
// is vigente, earlier ones obsoleto) and the files the caller has for each
// (the build: the archive folders output/<entidad>/<CÓDIGO>/v<N>/). A draft
// ("borrador") is never published, so it is left out here.
import { approvalSentence } from '../../model/build-context.js';
import { formatVersion } from '../../model/labels.js';
import { versionStates } from '../../model/versions.js';
import type { PreparedDocument } from '../../pipeline.js';
import type { SiteDocument, SiteFile, SiteVersion } from './types.js';

export type FilesOfVersion = (versionNumber: number, state: 'vigente' | 'obsoleto') => readonly SiteFile[];

export function siteDocumentFrom(prepared: PreparedDocument, filesOf: FilesOfVersion): SiteDocument {
  const format = prepared.entity.entity.formatoVersion;
  const versions: SiteVersion[] = versionStates(prepared.source.document).flatMap(({ version, state }) =>
    state === 'borrador'
      ? []
      : [
          {
            number: version.numero,
            label: formatVersion(version.numero, format),
            approvalDate: version.fecha,
            description: version.descripcion,
            approvalSentence: approvalSentence(version),
            state,
            files: filesOf(version.numero, state),
          },
        ],
  );
  return { rendered: prepared.rendered, classification: prepared.rendered.context.classification, versions };
}
