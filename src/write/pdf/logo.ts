// PDF/A-1 forbids transparency, and a PNG with an alpha channel (or a tRNS
// transparent colour) becomes an image with a soft mask in pdfkit. Logos
// usually have one, so such PNGs are composited onto white paper, which is
// what a printed page shows, and re-encoded as plain 8-bit RGB (16-bit
// samples are also not allowed in PDF 1.4). An 8-bit RGB PNG and RGB or
// grey JPEGs pass through untouched; a CMYK JPEG would need a CMYK output
// intent, so it is refused with a hint rather than converted badly.
import { createHash } from 'node:crypto';
import { UserError } from '../../errors.js';
import type { LogoImage } from '../../model/document-context.js';
import { flatten, LOGO_SUBJECT, readPng, writeRgbPng, type ImageSubject } from './png.js';

const converted = new Map<string, string>();

/** A data URL pdfmake can embed without transparency; converted once per logo per process. */
export function logoDataUrl(logo: LogoImage, subject: ImageSubject = LOGO_SUBJECT): string {
  const key = createHash('sha1').update(logo.bytes).digest('hex');
  let url = converted.get(key);
  if (!url) {
    const bytes = logo.mime === 'image/png' ? opaquePng(Buffer.from(logo.bytes), subject) : rgbJpeg(Buffer.from(logo.bytes), subject);
    url = `data:${logo.mime};base64,${bytes.toString('base64')}`;
    converted.set(key, url);
  }
  return url;
}

export function opaquePng(bytes: Buffer, subject: ImageSubject = LOGO_SUBJECT): Buffer {
  const png = readPng(bytes, subject);
  if (png.colorType === 2 && png.bitDepth === 8 && !png.transparency && png.interlace === 0) return bytes;
  if (png.interlace !== 0) {
    throw new UserError(`${subject.the} es un PNG entrelazado (Adam7), que docctl no puede aplanar; guárdelo sin entrelazado`);
  }
  return writeRgbPng(png.width, png.height, flatten(png));
}

/** The JPEG itself, once its frame header shows it is not CMYK. */
export function rgbJpeg(bytes: Buffer, subject: ImageSubject = LOGO_SUBJECT): Buffer {
  for (let offset = 2; offset + 10 < bytes.length; ) {
    if (bytes[offset] !== 0xff) break;
    const marker = bytes[offset + 1] ?? 0;
    const length = bytes.readUInt16BE(offset + 2);
    // SOF0–SOF15, except DHT (C4), JPG (C8) and DAC (CC), carry the component count.
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (bytes[offset + 9] === 4) {
        throw new UserError(`${subject.the} es un JPEG en CMYK, que un PDF/A con perfil sRGB no admite; guárdelo en RGB o como PNG`);
      }
      return bytes;
    }
    offset += 2 + length;
  }
  return bytes;
}
