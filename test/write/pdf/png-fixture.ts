// Tiny PNGs written by hand for tests: any colour type, bit depth and extra chunks.
import { deflateSync } from 'node:zlib';
import { pngChunk } from '../../../src/write/pdf/png.js';

export { pngChunk };

/** `raw` holds the scanlines, each with its filter byte. */
export function png(width: number, height: number, colorType: number, bitDepth: number, raw: Buffer, extra: Buffer[] = []): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = bitDepth;
  header[9] = colorType;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', header),
    ...extra,
    pngChunk('IDAT', deflateSync(raw)),
    pngChunk('IEND', Buffer.alloc(0)),
  ]);
}

/** A width×height RGBA logo: a red disc on a transparent background. */
export function transparentLogo(size = 24): Buffer {
  const rows: number[] = [];
  for (let y = 0; y < size; y++) {
    rows.push(0);
    for (let x = 0; x < size; x++) {
      const inside = (x - size / 2) ** 2 + (y - size / 2) ** 2 < (size / 2.5) ** 2;
      rows.push(200, 30, 30, inside ? 255 : 0);
    }
  }
  return png(size, size, 6, 8, Buffer.from(rows));
}
