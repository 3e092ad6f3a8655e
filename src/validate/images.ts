// The checks every image docctl reads from data/ passes — the entity's logo,
// a format's extra image, a document's figures: a PNG or JPG (by its bytes,
// not its name), at most MAX_IMAGE_SIDE pixels a side, a PNG whose decoded
// size (from its header, before decoding) stays within the limit, and one
// the PDF edition can embed without transparency (PDF/A-1), found out now
// with the file's name rather than in the middle of a build.
import { imageSize } from 'image-size';
import { UserError } from '../errors.js';
import { formatMegabytes, INPUT_LIMITS } from '../load/read-data-file.js';
import type { LogoImage } from '../model/document-context.js';
import { logoDataUrl } from '../write/pdf/logo.js';
import { pngDecodedSize, readPngChunks, type ImageSubject } from '../write/pdf/png.js';

export const MAX_IMAGE_SIDE = 5000;

export interface ImageKind extends ImageSubject {
  /** "un logo", "una figura": for "use un logo de a lo sumo…". */
  readonly a: string;
}

/** The image, or what is wrong with it, as a sentence that starts with its quoted name. */
export function checkImage(bytes: Buffer, name: string, kind: ImageKind): { image: LogoImage } | { problem: string } {
  const quoted = `"${name}"`;
  let info: { width?: number; height?: number; type?: string };
  try {
    info = imageSize(bytes);
  } catch {
    info = {};
  }
  const mime = info.type === 'png' ? 'image/png' : info.type === 'jpg' ? 'image/jpeg' : undefined;
  if (!mime || !info.width || !info.height) {
    const svg = info.type === 'svg' ? ' (es un SVG: expórtelo como PNG)' : '';
    return { problem: `${quoted} no es una imagen PNG o JPG válida${svg}` };
  }
  if (info.width > MAX_IMAGE_SIDE || info.height > MAX_IMAGE_SIDE) {
    return { problem: `${quoted} mide ${info.width}×${info.height} píxeles; use ${kind.a} de a lo sumo ${MAX_IMAGE_SIDE} píxeles por lado` };
  }
  const image: LogoImage = { bytes: new Uint8Array(bytes), mime, width: info.width, height: info.height };
  try {
    // Decoding allocates what the header declares: judge that first, from the header alone.
    if (mime === 'image/png') {
      const decoded = pngDecodedSize(readPngChunks(bytes, kind));
      if (decoded > INPUT_LIMITS.imageDecodedBytes) {
        return {
          problem: `${quoted} ocuparía ${formatMegabytes(decoded)} al descomprimirlo (${info.width}×${info.height} píxeles); el límite es ${formatMegabytes(INPUT_LIMITS.imageDecodedBytes)}: guárdelo con menos píxeles o con 8 bits por canal`,
        };
      }
    }
    logoDataUrl(image, kind);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    return { problem: `${quoted}: ${error.message}` };
  }
  return { image };
}

export const LOGO_KIND: ImageKind = { the: 'el logo', of: 'del logo', a: 'un logo' };
export const FIGURE_KIND: ImageKind = { the: 'la figura', of: 'de la figura', a: 'una figura' };
