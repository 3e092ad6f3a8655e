// pdfkit writes a page's content stream one operator at a time ("BT",
// "1 0 0 1 72 700 Tm", "/F1 9 Tf", colours, rules…), and PDFReference.write
// turns each one into its own Buffer (Buffer.from(chunk + '\n', 'binary'))
// only to concatenate them all when the object is finalized. For the 29-page
// seed policy that is tens of thousands of tiny buffers per render; the
// profile showed ~40 ms in Buffer.from plus the garbage they leave.
//
// The replacement keeps consecutive text chunks as one string and converts
// it once, when a binary chunk arrives (keeping the order) or when the
// object is finalized. Latin-1 maps each UTF-16 code unit to one byte, so the
// bytes, the lengths pdfkit records per write (uncompressedLength,
// data.Length) and the stream are exactly what pdfkit produces; nothing but
// finalize reads the pending chunks. The install checks the source of the
// methods involved and fails loudly if pdfkit changed them.
//
// The one deliberate change to pdfkit's output is also made here, where the
// streams are finished: they are compressed at zlib level 3 instead of
// pdfkit's default (6). pdfmake's content streams are long and repetitive
// (~100 KB per page: every word is its own text object) and level 6 spent
// ~26 ms per render of the 29-page seed policy in zlib; level 3 takes ~10 ms
// for streams ~14% larger (the whole file ~10%: 331 → 365 KB). Levels 1–3
// use zlib's fast match strategy, 4 and up the lazy one that costs the time.
// Only the compression changes: every stream inflates to the same bytes.
import { deflateSync, constants } from 'node:zlib';
import { expectKnownMethods, kitClasses, type KitClass } from './kit-classes.js';

/** zlib level for the PDF's compressed streams; see above. */
export const STREAM_COMPRESSION_LEVEL = 3;

let level: number = STREAM_COMPRESSION_LEVEL;

/** For tests that compare with pdfkit's own output: zlib's default level writes exactly what pdfkit writes. */
export function setStreamCompressionLevel(value: number): void {
  level = value;
}

export interface ReferenceLike {
  buffer: Uint8Array[];
  uncompressedLength: number;
  compress: boolean;
  data: { Length?: number; Filter?: string };
  /** Text written since the last binary chunk, not yet converted. */
  pendingText?: string;
  write(chunk: unknown): void;
  finalize(): void;
}

/** sha256 (first 16 hex digits) of the source of the methods relied on, as shipped in pdfkit 0.19.1. */
const EXPECTED_SOURCE = {
  write: 'd908ca396fbfefdf',
  finalize: '8af9e473a0841475',
  end: '096751b7df77599c',
} as const;

let original: Pick<ReferenceLike, 'write' | 'finalize'> | undefined;

function flushText(ref: ReferenceLike): void {
  if (ref.pendingText) {
    ref.buffer.push(Buffer.from(ref.pendingText, 'binary'));
    ref.pendingText = '';
  }
}

/** Replacement for PDFReference.prototype.write. */
export function write(this: ReferenceLike, chunk: unknown): void {
  if (chunk instanceof Uint8Array) {
    flushText(this);
    original!.write.call(this, chunk);
    return;
  }
  // `+`, not a template literal: the same conversion as pdfkit's `chunk + '\n'`.
  const text = (chunk as string) + '\n';
  this.pendingText = this.pendingText ? this.pendingText + text : text;
  // What pdfkit's write records, for a buffer of text.length bytes.
  this.uncompressedLength += text.length;
  if (this.data.Length == null) this.data.Length = 0;
  this.data.Length += text.length;
  if (this.compress) this.data.Filter = 'FlateDecode';
}

/** Replacement for PDFReference.prototype.finalize: converts the pending text, compresses at our level, then pdfkit's own finalize. */
export function finalize(this: ReferenceLike): void {
  flushText(this);
  if (this.compress && this.buffer.length && level !== constants.Z_DEFAULT_COMPRESSION) {
    // pdfkit's finalize then writes the compressed bytes as they are (Filter was set by write).
    this.buffer = [deflateSync(Buffer.concat(this.buffer), { level })];
    this.compress = false;
  }
  original!.finalize.call(this);
}

export const referenceClass = (): KitClass<ReferenceLike> => kitClasses().PDFReference as KitClass<ReferenceLike>;

/** Installs the buffered write on pdfkit's PDFReference; idempotent. Throws if pdfkit is not the version we know. */
export function installReferenceBuffer(target: KitClass<ReferenceLike> = referenceClass()): void {
  const proto = target.prototype;
  if (proto.write === write && proto.finalize === finalize) return;
  expectKnownMethods('pdfkit 0.19.1', target, 'PDFReference', EXPECTED_SOURCE, 'src/write/pdf/engine-patches/reference-buffer.ts');
  original = { write: proto.write, finalize: proto.finalize };
  proto.write = write;
  proto.finalize = finalize;
}

/** pdfkit's own methods, for tests that compare them with ours (undefined before install). */
export const originalReferenceMethods = (): Pick<ReferenceLike, 'write' | 'finalize'> | undefined => original;

export const referenceBufferInstalled = (): boolean => {
  const proto = referenceClass().prototype;
  return proto.write === write && proto.finalize === finalize;
};
