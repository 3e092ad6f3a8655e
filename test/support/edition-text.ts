// The text of an edition as independent readers see it, and its words:
// pdftotext for the PDF, LibreOffice (convert to PDF, then pdftotext) or the
// document.xml's runs for the DOCX. Used by the tests that check no text of
// a document is missing from any edition (issue 16, item 7).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

function tool(command: string, args: readonly string[], debianPackage: string): string {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 180_000 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`falta la herramienta "${command}"; instale el paquete Debian ${debianPackage}`);
  }
  if (result.error) throw result.error;
  if (result.status !== 0) throw new Error(`${command} falló (${result.status}): ${result.stderr}`);
  return result.stdout;
}

/** What pdftotext extracts from a PDF file. */
export function pdfText(pdf: Uint8Array): string {
  const file = join(mkdtempSync(join(tmpdir(), 'docctl-text-')), 'edicion.pdf');
  writeFileSync(file, pdf);
  return tool('pdftotext', [file, '-'], 'poppler-utils');
}

/** The text of every w:t run of word/document.xml, a paragraph per line. */
export function docxXmlText(docx: Uint8Array): string {
  const xml = strFromU8(unzipSync(docx)['word/document.xml'] ?? new Uint8Array());
  let text = '';
  for (const [, run, end] of xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|(<\/w:p>|<w:tab\/>|<w:br\/>)/g)) {
    text += run ?? (end === '</w:p>' ? '\n' : ' ');
  }
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

/** The DOCX laid out by LibreOffice, as pdftotext reads the PDF it makes. */
export function docxTextThroughLibreOffice(docx: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-lo-'));
  const file = join(dir, 'edicion.docx');
  writeFileSync(file, docx);
  // A profile of its own: a parallel LibreOffice would otherwise lock the default one.
  tool('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${join(dir, 'perfil')}`, '--convert-to', 'pdf', '--outdir', dir, file], 'libreoffice-writer-nogui');
  const pdf = join(dir, 'edicion.pdf');
  // soffice exits 0 even when it could not load the file.
  if (!existsSync(pdf)) throw new Error(`LibreOffice no convirtió ${file} a PDF`);
  return pdfText(readFileSync(pdf));
}

/** The words of a text: runs of letters and digits, NFC. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFC').match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Words of `expected` missing from `actual`, counting repeats (a word twice in the body must be there twice). */
export function missingWords(expected: readonly string[], actual: readonly string[]): string[] {
  const available = new Map<string, number>();
  for (const word of actual) available.set(word, (available.get(word) ?? 0) + 1);
  const missing: string[] = [];
  for (const word of expected) {
    const left = available.get(word) ?? 0;
    if (left === 0) missing.push(word);
    else available.set(word, left - 1);
  }
  return missing;
}
