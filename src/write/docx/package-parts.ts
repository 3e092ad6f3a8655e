// The files of the .docx package, as docx compiles them, without zipping.
// Packer.toBuffer compresses every part only for reproducible-zip.ts to
// inflate them all again and compress them once more with pinned ids,
// dates and order; the first DEFLATE and the INFLATE were ~15 ms of a ~90 ms
// DOCX for the 29-page seed policy. Packer.pack is exactly "compile, then
// zip" (`zipOutput(zipFiles(compiler.compile(file, prettify, overrides)))`),
// so the compiled parts are taken from the compiler Packer itself uses. That
// compiler is a private static of Packer: its use is checked against the
// source of Packer.pack, so an upgrade of docx that changes how packing works
// fails loudly here instead of writing a different package.
import { Packer, type Document } from 'docx';
import { expectKnownSource } from '../../source-fingerprint.js';

export type PackageParts = ReadonlyMap<string, string | Uint8Array>;

interface Compiler {
  compile(file: Document, prettify: undefined, overrides: readonly unknown[]): Map<string, string | Uint8Array>;
}

/** sha256 (first 16 hex digits) of Packer.pack's source in docx 9.15.2. */
const EXPECTED_PACK_SOURCE = '806715bc9632df05';

/** The package's files by path, in the order docx would zip them: what Packer.toBuffer(document) zips. */
export function packageParts(document: Document): PackageParts {
  const compiler = (Packer as unknown as { compiler?: Partial<Compiler> }).compiler;
  expectKnownSource(Packer.pack, EXPECTED_PACK_SOURCE, "docx's Packer.pack", 'docx 9.15.2', 'src/write/docx/package-parts.ts');
  if (typeof compiler?.compile !== 'function') throw new Error("internal: docx's Packer has no compiler to take the package's parts from; check src/write/docx/package-parts.ts");
  return (compiler as Compiler).compile(document, undefined, []);
}
