// Just enough PNG to flatten a logo: read any non-interlaced PNG (all colour
// types and bit depths), composite it over white, write 8-bit RGB. Written
// here rather than borrowed from pdfkit's private png-js, which is not a
// dependency of ours.
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { UserError } from '../../errors.js';

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const CHANNELS: Readonly<Record<number, number>> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlace: number;
  palette?: Buffer;
  transparency?: Buffer;
  data: Buffer;
}

export function readPng(bytes: Buffer): Png {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new UserError('el logo declarado como PNG no es un PNG');
  const png: Partial<Png> = {};
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR') {
      png.width = body.readUInt32BE(0);
      png.height = body.readUInt32BE(4);
      png.bitDepth = body[8] ?? 8;
      png.colorType = body[9] ?? 2;
      png.interlace = body[12] ?? 0;
    } else if (type === 'PLTE') png.palette = body;
    else if (type === 'tRNS') png.transparency = body;
    else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  if (png.width === undefined || CHANNELS[png.colorType ?? -1] === undefined) throw new UserError('el logo PNG no tiene una cabecera válida');
  return { ...(png as Png), data: inflateSync(Buffer.concat(idat)) };
}

/** Undoes the per-row filters; returns the raw scanlines without filter bytes. */
function unfilter(png: Png): { rows: Buffer[]; bytesPerPixel: number } {
  const bitsPerPixel = (CHANNELS[png.colorType] ?? 1) * png.bitDepth;
  const bpp = Math.max(1, bitsPerPixel >> 3);
  const stride = Math.ceil((png.width * bitsPerPixel) / 8);
  const rows: Buffer[] = [];
  let previous = Buffer.alloc(stride);
  for (let y = 0; y < png.height; y++) {
    const start = y * (stride + 1);
    const filter = png.data[start] ?? 0;
    const row = Buffer.from(png.data.subarray(start + 1, start + 1 + stride));
    for (let x = 0; x < stride; x++) {
      const a = x >= bpp ? (row[x - bpp] ?? 0) : 0;
      const b = previous[x] ?? 0;
      const c = x >= bpp ? (previous[x - bpp] ?? 0) : 0;
      const predictor = [0, a, b, (a + b) >> 1, paeth(a, b, c)][filter] ?? 0;
      row[x] = ((row[x] ?? 0) + predictor) & 0xff;
    }
    rows.push(row);
    previous = row;
  }
  return { rows, bytesPerPixel: bpp };
}

function paeth(a: number, b: number, c: number): number {
  const p = a + b - c;
  const pa = Math.abs(p - a);
  const pb = Math.abs(p - b);
  const pc = Math.abs(p - c);
  return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
}

/** RGB over white, 8 bits per sample. */
export function flatten(png: Png): Buffer {
  const { rows } = unfilter(png);
  const channels = CHANNELS[png.colorType] ?? 1;
  const out = Buffer.alloc(png.width * png.height * 3);
  const maxSample = (1 << png.bitDepth) - 1;
  const sample = (row: Buffer, index: number): number => {
    if (png.bitDepth === 16) return row.readUInt16BE(index * 2);
    if (png.bitDepth === 8) return row[index] ?? 0;
    const bitOffset = index * png.bitDepth;
    return ((row[bitOffset >> 3] ?? 0) >> (8 - png.bitDepth - (bitOffset & 7))) & maxSample;
  };
  const to8 = (value: number) => (png.bitDepth === 16 ? value >> 8 : Math.round((value * 255) / maxSample));
  const trns = png.transparency;
  rows.forEach((row, y) => {
    for (let x = 0; x < png.width; x++) {
      const s = (i: number) => sample(row, x * channels + i);
      let rgb: [number, number, number];
      let alpha = 255;
      if (png.colorType === 3) {
        const index = s(0);
        rgb = [png.palette?.[index * 3] ?? 0, png.palette?.[index * 3 + 1] ?? 0, png.palette?.[index * 3 + 2] ?? 0];
        alpha = trns && index < trns.length ? (trns[index] ?? 255) : 255;
      } else if (png.colorType === 0 || png.colorType === 4) {
        const grey = to8(s(0));
        rgb = [grey, grey, grey];
        if (png.colorType === 4) alpha = to8(s(1));
        else if (trns && trns.length >= 2 && s(0) === trns.readUInt16BE(0)) alpha = 0;
      } else {
        rgb = [to8(s(0)), to8(s(1)), to8(s(2))];
        if (png.colorType === 6) alpha = to8(s(3));
        else if (trns && trns.length >= 6 && s(0) === trns.readUInt16BE(0) && s(1) === trns.readUInt16BE(2) && s(2) === trns.readUInt16BE(4)) alpha = 0;
      }
      const offset = (y * png.width + x) * 3;
      rgb.forEach((channel, i) => {
        out[offset + i] = Math.round((channel * alpha + 255 * (255 - alpha)) / 255);
      });
    }
  });
  return out;
}

export function writeRgbPng(width: number, height: number, rgb: Buffer): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgb.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', deflateSync(raw)), pngChunk('IEND', Buffer.alloc(0))]);
}

/** One PNG chunk: length, type, data and CRC (tests build odd PNGs with it too). */
export function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const sum = Buffer.alloc(4);
  sum.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, sum]);
}
