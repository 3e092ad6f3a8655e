// Regression: the signature heading was left alone at the foot of a page
// while the (unbreakable) signature block moved to the next one.
import { describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { writePdf } from '../../../src/write/pdf/index.js';
import { sampleContext } from '../../support/sample-document.js';
import { pageCount, pageText, tempPdf } from './tools.js';

const filler = 'Párrafo de relleno para empujar la sección de firmas hacia el pie de la página, con texto suficiente para ocupar dos líneas completas en el cuerpo.';

describe('the signature page', () => {
  it('keeps its heading with the whole block, and the block on one page, wherever the body ends', async () => {
    for (let paragraphs = 14; paragraphs <= 30; paragraphs += 2) {
      const markdown = `# TEXTO\n\n${Array.from({ length: paragraphs }, () => filler).join('\n\n')}\n\n# FIRMAS\n\n::firmas\n`;
      const file = tempPdf('firmas.pdf', await writePdf({ context: sampleContext(), tree: parseMarkdown(markdown), markdown }));
      const last = pageCount(file);
      const text = pageText(file, last);
      for (const expected of ['2. FIRMAS', 'Nombre', 'Firma', 'Elaboró', 'Aprobado mediante el acta']) {
        expect(text, `${paragraphs} párrafos: "${expected}" en la última página`).toContain(expected);
      }
    }
  });
});
