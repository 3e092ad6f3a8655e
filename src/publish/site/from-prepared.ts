// Builds a SiteDocument from what the pipeline prepared: every approved
// version of the data with its state (model/versions.ts: the last approved
// is vigente, earlier ones obsoleto) and the files the caller has for each.
// A draft ("borrador") is never published, so it is left out here. The
// build does not use it: it publishes from the archive (from-archive.ts);
// this one serves callers that only have prepared data (the site's tests).
import { approvalSentence } from '../../model/build-context.js';
import { formatVersion } from '../../model/labels.js';
import { versionStates } from '../../model/versions.js';
import type { RenderedDocument } from '../../model/document-context.js';
import type { ValidDocument, ValidEntity } from '../../validate/validate-project.js';
import type { SiteDocument, SiteFile, SiteVersion } from './types.js';

export type FilesOfVersion = (versionNumber: number, state: 'vigente' | 'obsoleto' | 'anulado') => readonly SiteFile[];

/** A document's data, and the rendering to publish (the version in force, as archived). */
export interface PublishableDocument {
  readonly entity: Pick<ValidEntity, 'entity'>;
  readonly source: Pick<ValidDocument, 'document'>;
  readonly rendered: RenderedDocument;
}

export function siteDocumentFrom(prepared: PublishableDocument, filesOf: FilesOfVersion): SiteDocument {
  return { rendered: prepared.rendered, classification: prepared.rendered.context.classification, versions: siteVersions(prepared, filesOf) };
}

/** The approved versions of a document's data, each with its state and files. */
export function siteVersions(prepared: Omit<PublishableDocument, 'rendered'>, filesOf: FilesOfVersion): SiteVersion[] {
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
  return versions;
}
