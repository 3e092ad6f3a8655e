// Import stage 2a: the page header and footer. Common readers (mammoth
// included) drop word/header*.xml and word/footer*.xml, but that is where a
// controlled document prints its identity (code, version, date, process,
// title). Read here with xmldom, as lines in reading order: each table cell's
// paragraphs, cell after cell, row after row.
import { DOMParser, type Element } from '@xmldom/xmldom';
import type { DocxPackage } from './read-package.js';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface PartLine {
  /** "word/header1.xml" */
  readonly part: string;
  /** Paragraph number within the part, from 1. */
  readonly paragraph: number;
  readonly text: string;
}

/** The lines of every header part, then of every footer part; a line repeated in another part (first-page header) once. */
export function headerAndFooterLines(docx: DocxPackage): { header: PartLine[]; footer: PartLine[] } {
  const names = [...docx.parts.keys()].sort(byNumber);
  return {
    header: linesOf(docx, names.filter((n) => /^word\/header\d*\.xml$/.test(n))),
    footer: linesOf(docx, names.filter((n) => /^word\/footer\d*\.xml$/.test(n))),
  };
}

/** The document's title in docProps/core.xml (dc:title), if it has one. */
export function coreTitle(docx: DocxPackage): string | undefined {
  const core = docx.parts.get('docProps/core.xml');
  if (!core) return undefined;
  const doc = parse(core);
  const title = doc?.getElementsByTagNameNS('http://purl.org/dc/elements/1.1/', 'title')[0]?.textContent?.trim();
  return title || undefined;
}

function linesOf(docx: DocxPackage, names: readonly string[]): PartLine[] {
  const seen = new Set<string>();
  const lines: PartLine[] = [];
  for (const part of names) {
    const doc = parse(docx.parts.get(part)!);
    if (!doc) continue;
    const paragraphs = doc.getElementsByTagNameNS(W, 'p');
    for (let i = 0; i < paragraphs.length; i++) {
      const text = paragraphText(paragraphs[i]!).replace(/\s+/g, ' ').trim();
      if (!text || seen.has(text)) continue;
      seen.add(text);
      lines.push({ part, paragraph: i + 1, text });
    }
  }
  return lines;
}

/** Text runs and tabs; field codes (PAGE, NUMPAGES) are instructions, not text, and are left out. */
function paragraphText(paragraph: Element): string {
  let text = '';
  const walk = (node: Element) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType !== 1) continue;
      const element = child as Element;
      if (element.namespaceURI === W && element.localName === 't') text += element.textContent ?? '';
      else if (element.namespaceURI === W && (element.localName === 'tab' || element.localName === 'br')) text += ' ';
      else if (element.namespaceURI === W && element.localName === 'instrText') continue;
      else walk(element);
    }
  };
  walk(paragraph);
  return text;
}

function parse(bytes: Uint8Array) {
  try {
    return new DOMParser({ onError: () => undefined }).parseFromString(new TextDecoder().decode(bytes), 'text/xml');
  } catch {
    return undefined;
  }
}

function byNumber(a: string, b: string): number {
  const stem = (s: string) => s.replace(/\d*\.xml$/, '');
  const n = (s: string) => Number(/(\d+)\.xml$/.exec(s)?.[1] ?? 0);
  return stem(a) === stem(b) ? n(a) - n(b) : stem(a).localeCompare(stem(b));
}
