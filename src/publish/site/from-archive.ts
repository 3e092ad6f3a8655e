// Builds the site's documents from the archive alone: the version in force
// is the newest archived version not annulled, published from its
// fuente.json; every version's date, description, acta and files come from
// its manifest, never from today's data. Today's data decides one thing
// only, whether a document may be published: its classification, read from
// its raw JSON (publication-inputs.ts) so that one document's error never
// keeps another reclassified document online. Approved versions older than
// the archive (historical, never archived) are listed from the data the
// version in force was approved with (manifest "datos"), without files.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ArchivedVersion, EntityArchive } from '../../archive/verify.js';
import { inForce, versionsOf } from '../../archive/verify.js';
import type { Manifest } from '../../archive/manifest.js';
import { approvalSentence } from '../../model/build-context.js';
import { formatVersion } from '../../model/labels.js';
import { ROLE_LABELS } from '../../archive/signatures/roles.js';
import { readArchivedSource } from '../archived-source.js';
import { comparableSource, compareSources } from '../comparison/compare.js';
import { comparisonFileName } from '../comparison/comparison-pdf.js';
import type { PublicationInputs } from '../publication-inputs.js';
import type { SiteDocument, SiteFile, SiteVersion, VersionComparisonPage } from './types.js';

function archivedFiles(version: ArchivedVersion, publishesSignedCopy: boolean): SiteFile[] {
  // The version's editions (a sealed comparison PDF is offered on the comparison page), the signed
  // copy with every signature (the last one), and the scanned hand-signed copy if the entity publishes it.
  const editions = version.manifest.archivos.map((file) => file.nombre).filter((name) => name !== comparisonFileName(version.code, version.number));
  const added = [version.signatures.at(-1)?.file, publishesSignedCopy ? version.attachment : undefined].filter((name): name is string => name !== undefined);
  return [...editions, ...added].flatMap((name) => {
    const kind = name.endsWith('.pdf') ? 'pdf' : name.endsWith('.docx') ? 'docx' : undefined;
    return kind ? [{ kind, fileName: name, bytes: new Uint8Array(readFileSync(join(version.dir, name))) }] : [];
  });
}

function fromManifest(version: ArchivedVersion, state: SiteVersion['state'], publishesSignedCopy: boolean): SiteVersion {
  const m: Manifest = version.manifest;
  return {
    number: version.number,
    label: m.versionMostrada,
    approvalDate: m.fechaAprobacion,
    description: m.descripcion,
    approvalSentence: approvalSentence({ acta: m.acta }),
    state,
    files: archivedFiles(version, publishesSignedCopy),
    signatures: version.signatures.map((s) => ({ role: ROLE_LABELS[s.role], signer: s.signer, time: s.time, issuer: s.issuer })),
  };
}

interface HistoricalEntry {
  numero: number;
  estado?: string;
  fecha?: string;
  descripcion?: string;
  acta?: Manifest['acta'];
}

/** One published document, or why it is left out (undefined: not publishable). */
export function siteDocumentFromArchive(
  entity: PublicationInputs['entities'][number],
  code: string,
  archive: EntityArchive | undefined,
): SiteDocument | undefined {
  const versions = versionsOf(archive, code);
  const current = inForce(versions);
  if (!current || !entity.logo) return undefined;
  const archived = readArchivedSource(current.dir, entity.logo);
  if (!archived) return undefined;
  const classification = entity.classifications.get(code);
  if (classification === undefined) return undefined;
  const rendered = { ...archived, context: { ...archived.context, classification: classification as typeof archived.context.classification } };
  const byNumber = new Map<number, SiteVersion>();
  const history = (current.manifest.datos.versiones ?? []) as HistoricalEntry[];
  for (const entry of history) {
    if (entry.estado === 'borrador' || typeof entry.numero !== 'number' || entry.numero >= current.number) continue;
    byNumber.set(entry.numero, {
      number: entry.numero,
      label: formatVersion(entry.numero, entity.versionFormat),
      approvalDate: entry.fecha,
      description: entry.descripcion ?? '',
      approvalSentence: approvalSentence({ acta: entry.acta }),
      state: 'obsoleto',
      files: [],
    });
  }
  for (const version of versions) {
    const state = version.annulled ? 'anulado' : version === current ? 'vigente' : 'obsoleto';
    byNumber.set(version.number, fromManifest(version, state, entity.publishesSignedCopy));
  }
  return {
    rendered,
    classification: rendered.context.classification,
    versions: [...byNumber.values()].sort((a, b) => a.number - b.number),
    type: current.manifest.tipo,
    comparisons: comparisonsOf(versions),
  };
}

/**
 * For each archived version after the first, what changed from the archived
 * version before it (the newest earlier one not annulled), computed from the
 * two archived sources. A version whose predecessor was never archived (a
 * history that starts mid-way) has no comparison.
 */
export function comparisonsOf(versions: readonly ArchivedVersion[]): Map<number, VersionComparisonPage> {
  const comparisons = new Map<number, VersionComparisonPage>();
  const ordered = [...versions].sort((a, b) => a.number - b.number);
  for (const [index, version] of ordered.entries()) {
    const previous = ordered.slice(0, index).filter((v) => !v.annulled).at(-1);
    if (!previous) continue;
    const before = comparableSource(previous);
    const after = comparableSource(version);
    if (!before || !after) continue;
    const sealed = comparisonFileName(version.code, version.number);
    const pdf = version.manifest.archivos.some((file) => file.nombre === sealed) ? { fileName: sealed, bytes: new Uint8Array(readFileSync(join(version.dir, sealed))) } : undefined;
    comparisons.set(version.number, { fromLabel: previous.manifest.versionMostrada, toLabel: version.manifest.versionMostrada, comparison: compareSources(before, after), pdf });
  }
  return comparisons;
}
