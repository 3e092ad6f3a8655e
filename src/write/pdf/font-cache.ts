// pdfkit parses every TrueType file again for every document it creates (and
// measuring creates more): the profile of a render showed font parsing
// (fontkit/restructure decoding the same tables) as its largest single cost.
// A parsed font is not changed by using it — each document still builds its
// own subset — so one parse per font file is kept for the life of the
// process. fontkit's CommonJS exports are read-only getters, so the cached
// version is installed as the module's exports before pdfkit first requires
// it; this module must therefore be imported before anything loads pdfmake.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';

interface Fontkit {
  create(src: Uint8Array, family?: string): unknown;
}

const require = createRequire(import.meta.url);
const fontkitPath = require.resolve('fontkit');
const original = require('fontkit') as Fontkit;
const parsed = new Map<string, unknown>();

const cachedCreate: Fontkit['create'] = (src, family) => {
  const key = `${createHash('sha1').update(src).digest('hex')}:${family ?? ''}`;
  let font = parsed.get(key);
  if (font === undefined) {
    font = original.create(src, family);
    parsed.set(key, font);
  }
  return font;
};
// A plain copy of fontkit's exports (its getters read once) with create cached.
const cached: Fontkit = { ...original, create: cachedCreate };

const entry = require.cache[fontkitPath];
if (entry) entry.exports = cached;

/** True when pdfkit will get the cached parser (tests check the import order holds). */
export const fontCacheInstalled = () => (require('fontkit') as Fontkit) === cached;
