// Reads a DOCX back for structural assertions: its parts as text, and the
// WordprocessingML elements of a part as DOM nodes (namespace prefixes as
// docx writes them: w:, r:, a:, wp:).
import { DOMParser, type Element } from '@xmldom/xmldom';
import { strFromU8, unzipSync } from 'fflate';

export type Parts = Readonly<Record<string, string>>;

export function readParts(docx: Uint8Array): Parts {
  const parts: Record<string, string> = {};
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (/\.(xml|rels)$/.test(name)) parts[name] = strFromU8(bytes);
  }
  return parts;
}

export function part(parts: Parts, name: string): string {
  const text = parts[name];
  if (text === undefined) throw new Error(`the DOCX has no part ${name}; it has ${Object.keys(parts).join(', ')}`);
  return text;
}

export function elements(xml: string, tag: string, within?: Element): Element[] {
  const root = within ?? new DOMParser().parseFromString(xml, 'text/xml').documentElement;
  if (!root) throw new Error('not XML');
  return Array.from(root.getElementsByTagName(tag));
}

/** The text of an element: its w:t runs joined. */
export function textOf(element: Element): string {
  return Array.from(element.getElementsByTagName('w:t'))
    .map((t) => t.textContent ?? '')
    .join('');
}

/** Field instructions (PAGE, NUMPAGES, TOC …) in a part. */
export function fieldInstructions(xml: string): string[] {
  return elements(xml, 'w:instrText').map((e) => (e.textContent ?? '').trim());
}

/** The style id of a paragraph (w:pStyle), or undefined. */
export function paragraphStyle(paragraph: Element): string | undefined {
  return elements('', 'w:pStyle', paragraph)[0]?.getAttribute('w:val') ?? undefined;
}

/** The header part the body's sections use (header1.xml as docx names it). */
export function headerPartName(parts: Parts): string {
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const target = /Type="[^"]*\/header" Target="([^"]+)"/.exec(rels)?.[1];
  if (!target) throw new Error('no header relationship');
  return `word/${target}`;
}

export function footerPartName(parts: Parts): string {
  const rels = part(parts, 'word/_rels/document.xml.rels');
  const target = /Type="[^"]*\/footer" Target="([^"]+)"/.exec(rels)?.[1];
  if (!target) throw new Error('no footer relationship');
  return `word/${target}`;
}
