// What the site generator takes: the rendered documents and, for each, its
// versions with the files the build produced. The generator computes sizes
// and SHA-256 itself; the caller never hands in a digest it could get wrong.
import type { RenderedDocument } from '../../model/document-context.js';
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
}

export interface SiteInput {
  readonly documents: readonly SiteDocument[];
}

/** Paths relative to output/sitio/, forward slashes → file contents. */
export type SiteFiles = Map<string, Uint8Array | string>;
