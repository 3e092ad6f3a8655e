// The one pdfmake instance, configured once: our fonts, no network access at
// all, and local reads limited to the Roboto folder. Setting both policies
// also keeps pdfmake from printing warnings on every render.
import './engine-patches/font-cache.js'; // before pdfmake loads pdfkit: see font-cache.ts
import './engine-patches/index.js'; // speed-ups inside pdfmake and pdfkit, same bytes: see engine-patches/index.ts
import { sep } from 'node:path';
import pdfmake from 'pdfmake';
import { FONT_DIR, fontDictionary } from './fonts.js';

/** Only the font files may be read from disk; images travel as data URLs. */
export const localAccess = (path: string): boolean => path.startsWith(FONT_DIR + sep);

let configured = false;

export function printer(): typeof pdfmake {
  if (!configured) {
    pdfmake.setFonts(fontDictionary());
    pdfmake.setUrlAccessPolicy(() => false);
    pdfmake.setLocalAccessPolicy(localAccess);
    configured = true;
  }
  return pdfmake;
}
