// pdfkit parses every TrueType file again for every document it creates (and
// measuring creates more): the profile of a render showed font parsing
// (fontkit/restructure decoding the same tables) as its largest single cost.
// A parsed font is not changed by using it — each document still builds its
// own subset — so one parse per font file is kept for the life of the
// process. fontkit's CommonJS exports are read-only getters, so the cached
// version is installed as the module's exports before pdfkit first requires
// it; this module must therefore be imported before anything loads pdfmake.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

interface Fontkit {
  create(src: Uint8Array, family?: string): unknown;
}

const require = createRequire(import.meta.url);
const fontkitPath = require.resolve('fontkit');
const original = require('fontkit') as Fontkit;

// Parsed fonts by file size, then compared byte for byte: pdfkit reads the
// file again for every document, and comparing ~160 KB is much cheaper than
// hashing it (a memcmp against the one or two files of the same length).
interface Parsed {
  readonly bytes: Uint8Array;
  readonly family: string | undefined;
  readonly font: unknown;
}
const parsed = new Map<number, Parsed[]>();
/** sha256 of each parsed font's file: names the font in files that outlive the process (shaped-words-store.ts). */
const identities = new WeakMap<object, string>();

const cachedCreate: Fontkit['create'] = (src, family) => {
  const sameSize = parsed.get(src.byteLength) ?? [];
  const bytes = Buffer.from(src.buffer, src.byteOffset, src.byteLength);
  const known = sameSize.find((entry) => entry.family === family && bytes.equals(entry.bytes));
  if (known) return known.font;
  const font = original.create(src, family);
  if (font && typeof font === 'object') identities.set(font, createHash('sha256').update(src).update(`\0${family ?? ''}`).digest('hex'));
  // A copy, so a caller reusing its buffer cannot change what is compared.
  sameSize.push({ bytes: Uint8Array.prototype.slice.call(src), family, font });
  parsed.set(src.byteLength, sameSize);
  return font;
};
// A plain copy of fontkit's exports (its getters read once) with create cached.
const cached: Fontkit = { ...original, create: cachedCreate };

const entry = require.cache[fontkitPath];
if (entry) entry.exports = cached;

/**
 * The font in a file, parsed once per process and shared with every PDF that
 * embeds it. Other stages (validate/glyph-coverage.ts) read fonts through
 * this too: fontkit's ES module is a second copy of the same library
 * (~550 KB more to compile, ~55 ms), and the font would be parsed twice.
 */
export function parsedFont(path: string): unknown {
  return cachedCreate(readFileSync(path));
}

/** The hash naming a font parsed here (its file's bytes and family), or undefined for a font parsed elsewhere. */
export const fontIdentity = (font: object): string | undefined => identities.get(font);

/** True when pdfkit will get the cached parser (tests check the import order holds). */
export const fontCacheInstalled = () => (require('fontkit') as Fontkit) === cached;

/**
 * For measurements that compare with and without the cache
 * (test/bench/engine-patches.ts): pdfkit calls `create` on the exports it
 * holds, so swapping it there swaps the parser every new document uses.
 */
export function useFontCache(on: boolean): void {
  cached.create = on ? cachedCreate : original.create.bind(original);
}
