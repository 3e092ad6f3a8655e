// Document metadata, written twice as PDF/A requires: in the Info dictionary
// and in the XMP packet, with the same values. pdfkit builds the XMP by
// pasting raw strings into XML, so a title with "&" or "<" would break the
// packet; we replace its XMP writer with one that escapes every value. Dates
// come from the context's timestamp, so the bytes do not depend on the clock.
import type { TDocumentInformation } from 'pdfmake/interfaces.js';
import type { DocumentContext } from '../../model/document-context.js';

export const PRODUCER = 'docctl (pdfmake 0.3, PDFKit 0.19)';
export const CREATOR = 'docctl';

export function documentInfo(context: DocumentContext): TDocumentInformation {
  return {
    title: `${context.code} ${context.title}`,
    author: context.entity.name,
    subject: `${context.typeLabel} ${context.code} versión ${context.version.label}${context.process ? ` · ${context.process}` : ''}`,
    keywords: context.keywords.join(', '),
    creator: CREATOR,
    producer: PRODUCER,
    creationDate: context.timestamp,
    modDate: context.timestamp,
  };
}

export function escapeXml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** XMP dates: seconds precision, UTC. */
const xmpDate = (date: Date) => `${date.toISOString().slice(0, 19)}Z`;

interface KitInfo {
  readonly Title?: string;
  readonly Author?: string;
  readonly Subject?: string;
  readonly Keywords?: string;
  readonly Creator?: string;
  readonly Producer?: string;
  readonly CreationDate: Date;
  readonly ModDate?: Date;
}

export interface KitWithMetadata {
  info: KitInfo;
  appendXML(xml: string, newline?: boolean): void;
  _addInfo: () => void;
}

/** The XMP descriptions pdfkit would write, escaped, plus xmp:ModifyDate. */
export function xmpDescriptions(info: KitInfo, language: string): string {
  const esc = (v: string | undefined) => escapeXml(v ?? '');
  const lines = [
    `<rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">`,
    `<xmp:CreateDate>${xmpDate(info.CreationDate)}</xmp:CreateDate>`,
    `<xmp:ModifyDate>${xmpDate(info.ModDate ?? info.CreationDate)}</xmp:ModifyDate>`,
    `<xmp:CreatorTool>${esc(info.Creator)}</xmp:CreatorTool>`,
    `</rdf:Description>`,
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:language><rdf:Bag><rdf:li>${esc(language)}</rdf:li></rdf:Bag></dc:language>`,
  ];
  if (info.Title) lines.push(`<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.Title)}</rdf:li></rdf:Alt></dc:title>`);
  if (info.Author) lines.push(`<dc:creator><rdf:Seq><rdf:li>${esc(info.Author)}</rdf:li></rdf:Seq></dc:creator>`);
  if (info.Subject) {
    lines.push(`<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${esc(info.Subject)}</rdf:li></rdf:Alt></dc:description>`);
  }
  lines.push(`</rdf:Description>`);
  lines.push(`<rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">`);
  lines.push(`<pdf:Producer>${esc(info.Producer)}</pdf:Producer>`);
  if (info.Keywords) lines.push(`<pdf:Keywords>${esc(info.Keywords)}</pdf:Keywords>`);
  lines.push(`</rdf:Description>`);
  return lines.join('\n');
}

/** Swaps pdfkit's unescaped XMP writer for ours; call before the document ends. */
export function useEscapedXmp(kit: KitWithMetadata, language: string): void {
  kit._addInfo = () => kit.appendXML(xmpDescriptions(kit.info, language));
}
