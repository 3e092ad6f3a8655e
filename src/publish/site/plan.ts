// Decides what the site publishes and where each file goes, before any page
// is drawn: filters out what must never be published, orders documents and
// versions, and computes each file's path, size and SHA-256.
import type { DocumentContext, RenderedDocument } from '../../model/document-context.js';
import { checkSegment, documentPagePath, sha256Hex } from './files.js';
import type { PublishedFileKind, SiteDocument, SiteInput, SiteVersion, VersionComparisonPage } from './types.js';

export interface PublishedFile {
  readonly kind: PublishedFileKind;
  readonly fileName: string;
  /** Relative to the site root. */
  readonly path: string;
  readonly size: number;
  readonly sha256: string;
  readonly bytes: Uint8Array;
}

export interface PublishedVersion extends Omit<SiteVersion, 'files'> {
  readonly files: readonly PublishedFile[];
}

export interface PublishedDocument {
  readonly rendered: RenderedDocument;
  readonly context: DocumentContext;
  /** The document's page, relative to the site root. */
  readonly pagePath: string;
  /** Oldest first. */
  readonly versions: readonly PublishedVersion[];
  readonly current: PublishedVersion;
  /** The document's type key ("procedimiento"), for the transparency menu. */
  readonly type?: string | undefined;
  readonly comparisons: ReadonlyMap<number, VersionComparisonPage>;
}

/**
 * Ley 1712 de 2014: classified and reserved information is never published.
 * Defence in depth: whatever the caller passes, only a document that both
 * its context and its entry call "publica" goes on the site.
 */
export function isPublishable(doc: SiteDocument): boolean {
  return doc.classification === 'publica' && doc.rendered.context.classification === 'publica';
}

const KIND_ORDER: Record<PublishedFileKind, number> = { pdf: 0, docx: 1 };

const collator = new Intl.Collator('es', { sensitivity: 'base', numeric: true });

function planVersion(folder: string, version: SiteVersion): PublishedVersion {
  if (!Number.isInteger(version.number) || version.number < 1) throw new Error(`internal: version number ${version.number} in ${folder}`);
  const dir = `${folder}/v${version.number}`;
  const files = version.files.map((file) => ({
    kind: file.kind,
    fileName: file.fileName,
    path: `${dir}/${checkSegment('file', file.fileName)}`,
    size: file.bytes.byteLength,
    sha256: sha256Hex(file.bytes),
    bytes: file.bytes,
  }));
  // PDF (the official edition) before DOCX, whatever order they came in.
  files.sort((a, b) => KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.fileName.localeCompare(b.fileName));
  return { ...version, files };
}

function planDocument(doc: SiteDocument): PublishedDocument | undefined {
  const context = doc.rendered.context;
  const folder = `${checkSegment('entity', context.entity.slug)}/${checkSegment('code', context.code)}`;
  const versions = [...doc.versions].sort((a, b) => a.number - b.number).map((version) => planVersion(folder, version));
  const inForce = versions.filter((version) => version.state === 'vigente');
  if (inForce.length > 1) throw new Error(`internal: ${folder} has ${inForce.length} versions in force`);
  const current = inForce[0];
  // Nothing in force (never approved, or withdrawn): nothing to publish.
  if (!current) return undefined;
  // The HTML edition is made from `rendered`: a draft's (or an old
  // version's) rendering is never published as the document in force.
  if (context.state !== 'vigente') return undefined;
  if (context.version.number !== current.number) {
    throw new Error(`internal: ${folder} is rendered at version ${context.version.number} but version ${current.number} is in force`);
  }
  return { rendered: doc.rendered, context, pagePath: documentPagePath(context.entity.slug, context.code), versions, current, type: doc.type, comparisons: doc.comparisons ?? new Map() };
}

/** The documents the site publishes, by entity, process and code. */
export function planSite(input: SiteInput): PublishedDocument[] {
  const planned = input.documents.filter(isPublishable).flatMap((doc) => planDocument(doc) ?? []);
  const seen = new Set<string>();
  for (const doc of planned) {
    if (seen.has(doc.pagePath)) throw new Error(`internal: two documents publish to ${doc.pagePath}`);
    seen.add(doc.pagePath);
  }
  return planned.sort(
    (a, b) =>
      collator.compare(a.context.entity.name, b.context.entity.name) ||
      a.context.entity.slug.localeCompare(b.context.entity.slug) ||
      collator.compare(a.context.process ?? '', b.context.process ?? '') ||
      a.context.code.localeCompare(b.context.code),
  );
}
