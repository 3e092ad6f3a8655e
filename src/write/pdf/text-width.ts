// Widths of strings in the real fonts, used to choose table column widths
// from content (a Norma column needs "Resolución", a Detalle column needs
// room for prose) rather than from guesses per table kind.
import { FONT_FAMILY } from './fonts.js';
import { createMeasuringDocument, type MeasureOptions } from './measure.js';

export interface TextMeasurer {
  width(text: string, size: number, bold?: boolean): number;
}

interface KitFont {
  widthOfString(text: string, size: number): number;
}

export function createTextMeasurer(options: Pick<MeasureOptions, 'fonts' | 'localAccess'>): TextMeasurer {
  const kit = createMeasuringDocument(options, 1000) as { provideFont(family: string, bold: boolean, italics: boolean): KitFont };
  const cache = new Map<string, number>();
  return {
    width(text, size, bold = false) {
      const key = `${bold ? 'b' : 'n'}${text}`;
      let unit = cache.get(key);
      if (unit === undefined) {
        unit = kit.provideFont(FONT_FAMILY, bold, false).widthOfString(text, 1);
        cache.set(key, unit);
      }
      return unit * size;
    },
  };
}
