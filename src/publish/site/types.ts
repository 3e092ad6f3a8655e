// What the site generator takes: the rendered documents and, for each, its
// versions with the files the build produced. The generator computes sizes
// and SHA-256 itself; the caller never hands in a digest it could get wrong.
import type { LogoImage, RenderedDocument } from '../../model/document-context.js';
import type { VersionComparison } from '../comparison/compare.js';
import type { Classification } from '../../validate/schemas.js';

export type PublishedFileKind = 'pdf' | 'docx';

export interface SiteFile {
  readonly kind: PublishedFileKind;
  /** A plain file name ("GTI-P-001-v2.pdf"): letters, digits, ".", "_", "-". */
  readonly fileName: string;
  readonly bytes: Uint8Array;
}

export interface SiteVersion {
  /** The version number in the data (1, 2…): names the folder v<N>. */
  readonly number: number;
  /** As the entity shows it: "2", "2.0", "02". */
  readonly label: string;
  /** ISO date (AAAA-MM-DD); absent for a historical version without record. */
  readonly approvalDate?: string | undefined;
  readonly description: string;
  /** "Aprobado mediante el acta No. 004 del …". */
  readonly approvalSentence?: string | undefined;
  readonly state: 'vigente' | 'obsoleto' | 'anulado';
  readonly files: readonly SiteFile[];
  /** The digital signatures of the version (docctl firmar), in the order they were made. */
  readonly signatures?: readonly SiteSignature[] | undefined;
}

export interface SiteSignature {
  /** "Elaboró", "Revisó", "Aprobó". */
  readonly role: string;
  readonly signer: string;
  /** ISO time of signing. */
  readonly time: string;
  readonly issuer: string;
}

export interface SiteDocument {
  /**
   * The version in force, rendered: the HTML edition is made from it. A
   * rendering whose context.state is not "vigente" (a draft) is not published.
   */
  readonly rendered: RenderedDocument;
  /** rendered.context.classification; both must say "publica" to publish. */
  readonly classification: Classification;
  /**
   * Every version, oldest first as in the data's `versiones` (the one in
   * force last). The generator orders them by `number` anyway; the one in
   * force is the one whose state is "vigente".
   */
  readonly versions: readonly SiteVersion[];
  /** The document's type ("procedimiento"): decides its item of the transparency menu. */
  readonly type?: string | undefined;
  /** How each version after the first differs from the one before, by its number (comparison/). */
  readonly comparisons?: ReadonlyMap<number, VersionComparisonPage> | undefined;
}

/** What a comparison page needs: the comparison, and the two labels. */
export interface VersionComparisonPage {
  readonly fromLabel: string;
  readonly toLabel: string;
  readonly comparison: VersionComparison;
  /** The comparison's PDF as sealed into the archive at approval; absent for versions archived before it existed. */
  readonly pdf?: { readonly fileName: string; readonly bytes: Uint8Array } | undefined;
}

/**
 * One row of the Registro de Activos de Información (and, when classified,
 * of the Índice). Built so that a classified or reserved document's title
 * never reaches the site: its name IS the name written for the Índice.
 */
export interface InformationAsset {
  /** The document's code; absent for classified and reserved documents (never published). */
  readonly code?: string | undefined;
  /** The title (public) or the name written in "indiceClasificada.nombre" (classified, reserved). */
  readonly name: string;
  readonly description: string;
  readonly language: string;
  readonly medium: string;
  readonly formats: string;
  readonly classification: Classification;
  readonly classificationLabel: string;
  readonly typeLabel: string;
  readonly responsible: string;
  readonly updateFrequency: string;
  /** Site-relative page, when the document is published. */
  readonly pagePath?: string | undefined;
  readonly index?: ClassifiedIndexEntry | undefined;
}

export interface ClassifiedIndexEntry {
  readonly name: string;
  readonly constitutionalOrLegalGround: string;
  readonly exceptionLegalGround: string;
  readonly scope: 'total' | 'parcial';
  readonly classifiedOn: string;
  readonly term: string;
}

/** An entity's own site: name and logo in its header, its menu, its instruments. */
export interface SiteEntity {
  readonly slug: string;
  readonly name: string;
  readonly parentName?: string | undefined;
  readonly logo?: LogoImage | undefined;
  /** Where the entity publishes the site (its documents' QR codes point there). */
  readonly siteUrl?: string | undefined;
  /** Type → item of the transparency menu, as entidad.json overrides it. */
  readonly menu?: Readonly<Record<string, string>> | undefined;
  /** Every document with a version in force, for the Registro and the Índice; absent: the public documents. */
  readonly assets?: readonly InformationAsset[] | undefined;
}

export interface SiteInput {
  readonly documents: readonly SiteDocument[];
  /** The entities, with what the instruments need; absent ones are taken from their documents. */
  readonly entities?: readonly SiteEntity[] | undefined;
  /** The generation date of the instruments (ISO), printed on them. */
  readonly generatedOn?: string | undefined;
}

/** Paths relative to output/sitio/, forward slashes → file contents. */
export type SiteFiles = Map<string, Uint8Array | string>;
