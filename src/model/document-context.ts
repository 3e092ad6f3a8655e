// What every writer needs to know about a document besides its body: the
// identity printed in headers, footers, the cover and the signature page.
// It travels beside the mdast tree as typed data (architecture.md), so the
// header block is drawn from data and never parsed back out of Markdown.
import type { Root } from 'mdast';
import type { Classification, PageSize } from '../validate/schemas.js';
import type { VersionState } from './versions.js';
import '../parse/nodes.js';

export interface LogoImage {
  readonly bytes: Uint8Array;
  readonly mime: 'image/png' | 'image/jpeg';
  readonly width: number;
  readonly height: number;
}

export interface EntityIdentity {
  readonly slug: string;
  readonly name: string;
  readonly shortName: string;
  readonly slogan?: string | undefined;
  readonly address: string;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly web?: string | undefined;
  readonly controlledCopyNotice: string;
  readonly pageSize: PageSize;
  readonly logo: LogoImage;
}

export interface SignerRole {
  /** "Elaboró" | "Revisó" | "Aprobó" */
  readonly role: string;
  readonly name?: string | undefined;
  readonly position?: string | undefined;
}

export interface Signatory {
  readonly name?: string | undefined;
  readonly position: string;
}

export interface DocumentContext {
  readonly entity: EntityIdentity;
  readonly code: string;
  readonly title: string;
  readonly process: string;
  readonly dependency: string;
  /** "Política", "Procedimiento"… for display. */
  readonly typeLabel: string;
  readonly classification: Classification;
  /** "Pública", "Pública clasificada", "Pública reservada". */
  readonly classificationLabel: string;
  /**
   * State of the rendered version: a "borrador" carries a BORRADOR watermark
   * and says so in the header; an "obsoleto" one says so too.
   */
  readonly state: VersionState;
  readonly version: {
    readonly number: number;
    /** As the entity shows versions: "1", "1.0" or "01". */
    readonly label: string;
    readonly description: string;
    /** ISO date; absent only for a version that was never approved. */
    readonly approvalDate?: string | undefined;
    /** dd/mm/aaaa, or "" when there is no approval date. */
    readonly approvalDateShort: string;
  };
  /** Year printed on the cover. */
  readonly year: number;
  /** Body that approves the document, printed on the cover. */
  readonly approvingBody: string;
  /** "Aprobado mediante el acta No. 004 del 15 de diciembre del 2022 del Comité …" */
  readonly approvalSentence?: string | undefined;
  /** Elaboró / Revisó / Aprobó, always in that order, always three. */
  readonly approvalGrid: readonly SignerRole[];
  /** Those who sign the signature page. */
  readonly signatories: readonly Signatory[];
  /** Timestamp of generated files: the approval date at 00:00 UTC. */
  readonly timestamp: Date;
  /**
   * The document's page on the entity's transparency site, when the entity
   * says where the site is published (urlSitio): printed with a QR code on
   * the PDF's last page so a printed copy can be checked against it.
   */
  readonly publicPageUrl?: string | undefined;
  /** Keywords for metadata: code, version… */
  readonly keywords: readonly string[];
}

export interface RenderedDocument {
  readonly context: DocumentContext;
  readonly tree: Root;
  /** The Markdown the templates produced, kept for debugging and tests. */
  readonly markdown: string;
}
