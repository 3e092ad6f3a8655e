// What every writer needs to know about a document besides its body: the
// identity printed in headers, footers, the cover and the signature page.
// It travels beside the mdast tree as typed data (architecture.md), so the
// header block is drawn from data and never parsed back out of Markdown.
import type { Root } from 'mdast';
import type { Classification, PageSize } from '../validate/schemas.js';
import type { Frame } from './frame.js';
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
  /** The entity it belongs to: a secretaría's alcaldía. */
  readonly parentName?: string | undefined;
  readonly shortName: string;
  readonly slogan?: string | undefined;
  readonly address?: string | undefined;
  readonly phones: readonly string[];
  readonly emails: readonly string[];
  readonly web?: string | undefined;
  readonly controlledCopyNotice?: string | undefined;
  readonly pageSize: PageSize;
  readonly logo: LogoImage;
  /** Other images the format shows ("imagen:<file>"), besides the logo. */
  readonly images: Readonly<Record<string, LogoImage>>;
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
  readonly process?: string | undefined;
  readonly dependency?: string | undefined;
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
  /** Year of the version's approval; absent for a draft. */
  readonly year?: number | undefined;
  /** Body that approved the version; absent for a draft. */
  readonly approvingBody?: string | undefined;
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
  /** Header, footer, cover, contents, numbering and signature page, from the format (model/frame.ts). */
  readonly frame: Frame;
  /** sha256 of the resolved format's canonical JSON (model/format.ts formatHash). */
  readonly formatHash: string;
  /**
   * The document's figures (documentos/<CÓDIGO>/figuras/), by file name: the
   * tree's figure nodes name them. Kept in the archive's fuente.json, unlike
   * the entity's logo, because they are part of the approved text.
   */
  readonly figures: Readonly<Record<string, LogoImage>>;
  /** Keywords for metadata: code, version… */
  readonly keywords: readonly string[];
}

export interface RenderedDocument {
  readonly context: DocumentContext;
  readonly tree: Root;
  /** The Markdown the templates produced, kept for debugging and tests. */
  readonly markdown: string;
}
