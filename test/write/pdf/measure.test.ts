// measureHeight keeps one measuring document per set of fonts and images
// (measure.ts): the answers must not depend on what was measured before.
import type { Content } from 'pdfmake/interfaces.js';
import { describe, expect, it } from 'vitest';
import { fontDictionary } from '../../../src/write/pdf/fonts.js';
import { measureHeight, type MeasureOptions } from '../../../src/write/pdf/measure.js';
import { writeRgbPng } from '../../../src/write/pdf/png.js';
import { localAccess } from '../../../src/write/pdf/printer.js';
import { DEFAULT_STYLE, STYLES } from '../../../src/write/pdf/styles.js';

const dataUrl = (width: number, height: number) =>
  `data:image/png;base64,${writeRgbPng(width, height, Buffer.alloc(width * height * 3, 90)).toString('base64')}`;

const options = (images: Record<string, string> = {}): MeasureOptions => ({
  fonts: fontDictionary(),
  styles: STYLES,
  defaultStyle: DEFAULT_STYLE,
  images,
  localAccess,
});

const paragraph = (): Content => ({ text: 'Una línea de texto que se mide dos veces.', style: 'paragraph' });

describe('measureHeight', () => {
  it('gives the same height however often the same content is measured', () => {
    const first = measureHeight(paragraph(), 300, options());
    expect(first).toBeGreaterThan(0);
    for (let i = 0; i < 3; i++) expect(measureHeight(paragraph(), 300, options())).toBe(first);
    expect(measureHeight(paragraph(), 60, options())).toBeGreaterThan(first);
  });

  it('measures named images from its own images, even after another logo', () => {
    const image: Content = { image: 'logo', width: 100 };
    expect(measureHeight({ ...image }, 300, options({ logo: dataUrl(2, 1) }))).toBeCloseTo(50);
    expect(measureHeight({ ...image }, 300, options({ logo: dataUrl(1, 2) }))).toBeCloseTo(200);
    expect(measureHeight({ ...image }, 300, options({ logo: dataUrl(2, 1) }))).toBeCloseTo(50);
  });

  it('measures each inline data-URL image, though pdfmake numbers them from 1 on every layout', () => {
    expect(measureHeight({ image: dataUrl(4, 1), width: 100 }, 300, options())).toBeCloseTo(25);
    expect(measureHeight({ image: dataUrl(1, 1), width: 100 }, 300, options())).toBeCloseTo(100);
    expect(measureHeight(paragraph(), 300, options())).toBe(measureHeight(paragraph(), 300, options()));
  });
});
