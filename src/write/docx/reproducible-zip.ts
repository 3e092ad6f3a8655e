// docx's Packer output is not reproducible: core.xml carries the clock's
// time, hyperlink and watermark ids are random, bookmark and drawing ids come
// from counters that live as long as the process (a second build in the same
// process numbers on from the first), and zip entries get the current local
// time. This pass pins all of them, so the same input gives the same bytes on
// any machine, in any time zone, in any process.
// It starts from the parts docx compiled (package-parts.ts), before any
// zipping. The text parts are written here with TextEncoder, as docx would
// have written them (so even a lone surrogate comes out as the same U+FFFD).
import { strToU8, strFromU8, zipSync, type Zippable } from 'fflate';
import type { PackageParts } from './package-parts.js';

const utf8 = new TextEncoder();

export function makeReproducible(compiled: PackageParts, timestamp: Date): Uint8Array {
  const parts: Record<string, Uint8Array> = {};
  const text = new Map<string, string>();
  for (const [name, data] of compiled) {
    if (/\.(xml|rels)$/.test(name)) text.set(name, typeof data === 'string' ? data : strFromU8(data));
    else parts[name] = typeof data === 'string' ? utf8.encode(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
  }
  const names = [...compiled.keys()];

  const core = text.get('docProps/core.xml');
  if (core !== undefined) text.set('docProps/core.xml', pinCoreDates(core, timestamp));
  for (const relsName of [...text.keys()].filter((name) => name.endsWith('.rels'))) renumberRelationships(text, relsName);
  const order = entryOrder(names);
  const wordParts = order.filter((name) => name.startsWith('word/') && name.endsWith('.xml'));
  for (const counter of PROCESS_COUNTERS) renumberInOrder(text, wordParts, counter);

  const zippable: Zippable = {};
  for (const name of order) {
    const value = text.get(name);
    zippable[name] = [value === undefined ? parts[name]! : strToU8(value), { mtime: zipTime(timestamp), level: 6 }];
  }
  return zipSync(zippable);
}

function pinCoreDates(xml: string, timestamp: Date): string {
  const when = timestamp.toISOString().replace(/\.\d{3}Z$/, 'Z');
  return xml.replace(/(<dcterms:(created|modified)[^>]*>)[^<]*(<\/dcterms:\2>)/g, `$1${when}$3`);
}

/**
 * Renames the relationship ids docx made up at random (rId + nanoid) to
 * rId<n> after the highest numbered one, in the order the .rels part lists
 * them (which follows the document), in both the .rels part and its source.
 */
function renumberRelationships(text: Map<string, string>, relsName: string): void {
  const rels = text.get(relsName)!;
  const ids = [...rels.matchAll(/\bId="([^"]+)"/g)].map((match) => match[1]!);
  let next = Math.max(0, ...ids.map((id) => (/^rId\d+$/.test(id) ? Number(id.slice(3)) : 0)));
  const renamed = new Map(ids.filter((id) => !/^rId\d+$/.test(id)).map((id) => [id, `rId${++next}`]));
  if (renamed.size === 0) return;
  const rename = (xml: string) => xml.replace(/="([^"]+)"/g, (whole, value: string) => (renamed.has(value) ? `="${renamed.get(value)}"` : whole));
  text.set(relsName, rename(rels));
  // word/_rels/document.xml.rels describes word/document.xml.
  const source = relsName.replace(/(^|\/)_rels\/([^/]+)\.rels$/, '$1$2');
  const xml = text.get(source);
  if (xml !== undefined) text.set(source, rename(xml));
}

/**
 * Ids docx takes from process-wide counters or makes up at random, as
 * prefix, id, suffix; each is renumbered from 1.
 */
const PROCESS_COUNTERS = [
  /(<w:bookmark(?:Start|End)\b[^>]*?\bw:id=")(\d+)(")/g,
  /(_Toc)(\d+)()/g,
  /(<wp:docPr\b[^>]*?\bid=")(\d+)(")/g,
  // The draft watermark's VML shape (Word writes digits here).
  /(\bid="PowerPlusWaterMarkObject)([^"]*)(")/g,
] as const;

/** Renumbers 1, 2, 3… in order of first appearance, across the parts in order. */
function renumberInOrder(text: Map<string, string>, names: readonly string[], pattern: RegExp): void {
  const renamed = new Map<string, number>();
  for (const name of names) {
    const xml = text.get(name);
    if (xml === undefined) continue;
    text.set(
      name,
      xml.replace(pattern, (_whole, prefix: string, id: string, suffix: string) => {
        if (!renamed.has(id)) renamed.set(id, renamed.size + 1);
        return `${prefix}${renamed.get(id)}${suffix}`;
      }),
    );
  }
}

/** [Content_Types].xml first, as Office writes it; then a fixed order. */
function entryOrder(names: string[]): string[] {
  const rank = (name: string) => (name === '[Content_Types].xml' ? 0 : name === '_rels/.rels' ? 1 : 2);
  return [...names].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/**
 * DOS zip times are local time and fflate reads them with local getters, so
 * a Date built from local components writes the same fields in every time
 * zone: the UTC calendar date of the timestamp, at midnight. DOS dates start
 * in 1980.
 */
function zipTime(timestamp: Date): Date {
  const year = Math.max(1980, timestamp.getUTCFullYear());
  return new Date(year, timestamp.getUTCMonth(), timestamp.getUTCDate(), 0, 0, 0);
}
