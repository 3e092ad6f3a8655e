// The only fonts the PDF uses: the TrueType Roboto that ships inside pdfmake.
// PDF/A needs every font embedded, so the standard 14 fonts (never embedded)
// are never referenced; the files are resolved through the installed package
// so the code works wherever node_modules lives.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { TFontDictionary } from 'pdfmake/interfaces.js';

export const FONT_FAMILY = 'Roboto';

const require = createRequire(import.meta.url);

/** Folder holding the Roboto files; the only local path pdfmake may read. */
export const FONT_DIR = join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto');

/** Medium stands in for bold: pdfmake ships no Roboto-Bold. */
export function fontDictionary(): TFontDictionary {
  return {
    [FONT_FAMILY]: {
      normal: join(FONT_DIR, 'Roboto-Regular.ttf'),
      bold: join(FONT_DIR, 'Roboto-Medium.ttf'),
      italics: join(FONT_DIR, 'Roboto-Italic.ttf'),
      bolditalics: join(FONT_DIR, 'Roboto-MediumItalic.ttf'),
    },
  };
}
