// PDF/A-1 forbids transparency: logos with alpha are flattened onto white.
import { inflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { opaquePng, rgbJpeg } from '../../../src/write/pdf/logo.js';
import { tinyPng } from '../../support/sample-document.js';
import { png, pngChunk } from './png-fixture.js';

/** IHDR fields and the unfiltered RGB pixels of a PNG we wrote (filter 0 rows). */
function decode(bytes: Buffer) {
  const colorType = bytes[8 + 8 + 9];
  const bitDepth = bytes[8 + 8 + 8];
  const idatAt = bytes.indexOf('IDAT');
  const length = bytes.readUInt32BE(idatAt - 4);
  const raw = inflateSync(bytes.subarray(idatAt + 4, idatAt + 4 + length));
  return { colorType, bitDepth, raw: [...raw] };
}

describe('opaquePng', () => {
  it('passes an 8-bit RGB PNG without transparency through untouched', () => {
    const bytes = Buffer.from(tinyPng());
    expect(opaquePng(bytes)).toBe(bytes);
  });

  it('composites RGBA onto white and writes 8-bit RGB', () => {
    // Two pixels: opaque red, then half-transparent black; Paeth filter on the row.
    const row = [255, 0, 0, 255, 0, 0, 0, 128];
    const filtered = [4, ...row.map((v, i) => (i >= 4 ? (v - (row[i - 4] ?? 0)) & 0xff : v))];
    const result = decode(opaquePng(png(2, 1, 6, 8, Buffer.from(filtered))));
    expect(result.colorType).toBe(2);
    expect(result.bitDepth).toBe(8);
    expect(result.raw).toEqual([0, 255, 0, 0, 127, 127, 127]);
  });

  it('applies a palette with tRNS and a grey+alpha 16-bit image', () => {
    const palette = Buffer.from([0, 0, 255, 10, 20, 30]);
    const trns = Buffer.from([0]);
    const indexed = decode(opaquePng(png(2, 1, 3, 8, Buffer.from([0, 0, 1]), [pngChunk('PLTE', palette), pngChunk('tRNS', trns)])));
    expect(indexed.raw).toEqual([0, 255, 255, 255, 10, 20, 30]);
    const grey = decode(opaquePng(png(1, 1, 4, 16, Buffer.from([0, 0x00, 0x00, 0xff, 0xff]))));
    expect(grey.raw).toEqual([0, 0, 0, 0]);
  });

  it('refuses a CMYK JPEG (it would need a CMYK output intent) and passes an RGB one through', () => {
    const jpeg = (components: number) =>
      Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x04, 0x00, 0x00, 0xff, 0xc0, 0x00, 0x11, 0x08, 0x00, 0x01, 0x00, 0x01, components, 1, 0x11, 0, 2, 0x11, 0, 3, 0x11, 0, 4, 0x11, 0, 0xff, 0xd9]);
    expect(rgbJpeg(jpeg(3))).toEqual(jpeg(3));
    expect(() => rgbJpeg(jpeg(4))).toThrow(/CMYK/);
  });
});
