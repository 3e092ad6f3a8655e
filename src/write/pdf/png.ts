// Just enough PNG to flatten a logo: read any non-interlaced PNG (all colour
// types and bit depths), composite it over white, write 8-bit RGB. Written
// here rather than borrowed from pdfkit's private png-js, which is not a
// dependency of ours.
import { crc32, deflateSync, inflateSync } from 'node:zlib';
import { UserError } from '../../errors.js';

/** What an image is called in a message: the logo, a figure. */
export interface ImageSubject {
  /** "el logo", "la figura «flujo.png»" */
  readonly the: string;
  /** "del logo", "de la figura «flujo.png»" */
  readonly of: string;
}
export const LOGO_SUBJECT: ImageSubject = { the: 'el logo', of: 'del logo' };

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

/** Bit depths the PNG specification allows for each colour type. */
const BIT_DEPTHS: Readonly<Record<number, readonly number[]>> = { 0: [1, 2, 4, 8, 16], 2: [8, 16], 3: [1, 2, 4, 8], 4: [8, 16], 6: [8, 16] };
const ADAM7 = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
] as const;

/**
 * How many bytes the image data decodes to, from the header alone: the
 * scanlines with their filter bytes (per Adam7 pass when interlaced). Read
 * before decoding, so a small file that claims a huge picture is refused
 * without inflating it, and never more than this is inflated.
 */
export function pngDecodedSize(png: Pick<Png, 'width' | 'height' | 'bitDepth' | 'colorType' | 'interlace'>): number {
  const bitsPerPixel = (CHANNELS[png.colorType] ?? 1) * png.bitDepth;
  const scanlines = (width: number, height: number) => (width > 0 && height > 0 ? height * (1 + Math.ceil((width * bitsPerPixel) / 8)) : 0);
  if (png.interlace === 0) return scanlines(png.width, png.height);
  return ADAM7.reduce((sum, [x0, y0, dx, dy]) => sum + scanlines(Math.ceil((png.width - x0) / dx), Math.ceil((png.height - y0) / dy)), 0);
}

/** The chunks of a PNG, its header checked; nothing decoded yet. */
export function readPngChunks(bytes: Buffer, subject: ImageSubject = LOGO_SUBJECT): Omit<Png, 'data'> & { idat: Buffer[] } {
  if (!bytes.subarray(0, 8).equals(SIGNATURE)) throw new UserError(`${subject.the} declarado como PNG no es un PNG`);
  const png: Partial<Png> = {};
  const idat: Buffer[] = [];
  for (let offset = 8; offset + 8 <= bytes.length; ) {
    const length = bytes.readUInt32BE(offset);
    const type = bytes.toString('latin1', offset + 4, offset + 8);
    const body = bytes.subarray(offset + 8, offset + 8 + length);
    if (type === 'IHDR' && body.length >= 13) {
      png.width = body.readUInt32BE(0);
      png.height = body.readUInt32BE(4);
      png.bitDepth = body[8];
      png.colorType = body[9];
      png.interlace = body[12];
    } else if (type === 'PLTE') png.palette = body;
    else if (type === 'tRNS') png.transparency = body;
    else if (type === 'IDAT') idat.push(body);
    offset += 12 + length;
  }
  const { width, height, bitDepth, colorType, interlace } = png;
  if (
    width === undefined ||
    height === undefined ||
    width === 0 ||
    height === 0 ||
    colorType === undefined ||
    !BIT_DEPTHS[colorType]?.includes(bitDepth ?? -1) ||
    (interlace !== 0 && interlace !== 1)
  ) {
    throw new UserError(`${subject.the} PNG no tiene una cabecera válida (IHDR): vuelva a exportarlo como PNG`);
  }
  if (idat.length === 0) throw new UserError(`${subject.the} PNG no tiene datos de imagen (IDAT): vuelva a exportarlo como PNG`);
  return { ...(png as Omit<Png, 'data'>), idat };
}

export function readPng(bytes: Buffer, subject: ImageSubject = LOGO_SUBJECT): Png {
  const { idat, ...png } = readPngChunks(bytes, subject);
  const expected = pngDecodedSize(png);
  let data: Buffer;
  try {
    // Never more than the header says: a small file that inflates to gigabytes stops here.
    data = inflateSync(Buffer.concat(idat), { maxOutputLength: expected });
  } catch (error) {
    const tooLarge = (error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE';
    throw new UserError(
      tooLarge
        ? `los datos ${subject.of} PNG se descomprimen a más de los ${expected} bytes que declara su cabecera (${png.width}×${png.height}); el archivo está dañado o manipulado: vuelva a exportarlo`
        : `los datos ${subject.of} PNG están dañados (no se pueden descomprimir); vuelva a exportarlo como PNG`,
    );
  }
  if (data.length < expected) {
    throw new UserError(`los datos ${subject.of} PNG están incompletos (${data.length} de ${expected} bytes); vuelva a exportarlo como PNG`);
  }
  return { ...png, data };
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
