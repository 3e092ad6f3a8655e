// Images of the body → figures: files in <CÓDIGO>/figuras/, referenced from
// the section's Markdown as ![alt](figuras/figura-N.png) (the convention the
// formats stage renders). Word rarely carries a real alternative text, so
// each figure gets the one Word had or a placeholder, and every figure is
// listed in the report for review: an accessible edition needs a true one.
import type { ImportedImage } from './body-html.js';
import type { ImportLog } from './places.js';
import type { FigureSink } from './to-markdown.js';

const EXTENSIONS: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/jpg': 'jpg' };

export interface FigureFile {
  readonly name: string;
  readonly bytes: Uint8Array;
}

export function figureCollector(images: readonly ImportedImage[], log: ImportLog): FigureSink & { files: FigureFile[]; count(): number } {
  const files: FigureFile[] = [];
  const byImage = new Map<number, { url: string; alt: string }>();
  return {
    files,
    count: () => files.length,
    figure(index, wordAlt) {
      const known = byImage.get(index);
      if (known) return known;
      const image = images[index];
      if (!image) return undefined;
      const extension = EXTENSIONS[image.contentType.toLowerCase()];
      if (!extension) {
        log.notImported(`imagen ${index + 1} del documento`, `[imagen ${image.contentType}]`, 'solo se importan imágenes PNG o JPG; guárdela como PNG y agréguela a mano en figuras/');
        return undefined;
      }
      const name = `figura-${files.length + 1}.${extension}`;
      files.push({ name, bytes: image.bytes });
      const alt = wordAlt ?? `Figura ${files.length}: texto alternativo por revisar`;
      log.toReview(`figuras/${name}`, wordAlt ? `texto alternativo tomado de Word ("${wordAlt}"): confirme que describe la figura` : 'texto alternativo provisional: describa lo que muestra la figura');
      const figure = { url: `figuras/${name}`, alt };
      byImage.set(index, figure);
      return figure;
    },
  };
}
