// pdfkit does not export the classes the engine patches patch (EmbeddedFont,
// PDFReference, its PDFDocument); they are taken from pdfmake's own document
// class and a throwaway document of it, so they are certainly the ones
// pdfmake renders with.
import './font-cache.js'; // before pdfmake loads pdfkit: see font-cache.ts
import { createRequire } from 'node:module';
import { FONT_FAMILY, fontDictionary } from '../fonts.js';
import { expectKnownSource } from '../../../source-fingerprint.js';

const require = createRequire(import.meta.url);

export interface KitClass<P> {
  readonly name: string;
  readonly prototype: P;
}

interface ProbeDocument {
  provideFont(family: string, bold: boolean, italics: boolean): { constructor: unknown };
  ref(): { constructor: unknown };
}

let classes: { EmbeddedFont: KitClass<unknown>; PDFReference: KitClass<unknown> } | undefined;

export function kitClasses(): { EmbeddedFont: KitClass<unknown>; PDFReference: KitClass<unknown> } {
  if (!classes) {
    const PdfmakeDocument = (require('pdfmake/js/PDFDocument.js') as { default: new (...args: unknown[]) => ProbeDocument }).default;
    const probe = new PdfmakeDocument(fontDictionary(), {}, {}, {}, { autoFirstPage: false }, null, () => true);
    classes = {
      EmbeddedFont: probe.provideFont(FONT_FAMILY, false, false).constructor as KitClass<unknown>,
      PDFReference: probe.ref().constructor as KitClass<unknown>,
    };
  }
  return classes;
}

/**
 * Throws unless `target` is the class `name` and each listed method has the
 * source fingerprint recorded when the patch was written.
 */
export function expectKnownMethods(library: string, target: KitClass<unknown>, name: string, expected: Readonly<Record<string, string>>, patch: string): void {
  const proto = target.prototype as Record<string, unknown>;
  for (const [method, fingerprint] of Object.entries(expected)) {
    // A class of another name is not the one the patch was written for, whatever its methods.
    expectKnownSource(target.name === name ? proto[method] : undefined, fingerprint, `pdfkit's ${name}.${method}`, library, patch);
  }
}

/** pdfkit's PDFDocument: the class pdfmake's document class extends. */
export function kitDocumentClass(): KitClass<object> {
  const PdfmakeDocument = (require('pdfmake/js/PDFDocument.js') as { default: { prototype: object } }).default;
  return (Object.getPrototypeOf(PdfmakeDocument.prototype) as { constructor: KitClass<object> }).constructor;
}
