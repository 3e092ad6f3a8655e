// The written file, checked with independent clients: poppler (text, fonts,
// word positions), qpdf (structure) and Apache PDFBox Preflight (PDF/A-1b).
import { beforeAll, describe, expect, it } from 'vitest';
import type { DocumentContext } from '../../../src/model/document-context.js';
import { writePdf } from '../../../src/write/pdf/index.js';
import { reframe, sampleDocument } from '../../support/sample-document.js';
import { parseMarkdown } from '../../../src/parse/parse-markdown.js';
import { sampleContext } from '../../support/sample-document.js';
import { transparentLogo } from './png-fixture.js';
import { pageCount, pageText, preflight, run, tempPdf, wordBoxes, type WordBox } from './tools.js';

const LONG_TITLE =
  'POLÍTICA INSTITUCIONAL PARA LA ADMINISTRACIÓN, CONSERVACIÓN Y PUBLICACIÓN DE LOS DOCUMENTOS ELECTRÓNICOS DE ARCHIVO Y DE LA INFORMACIÓN PÚBLICA CLASIFICADA Y RESERVADA DEL DISTRITO';
const LONG_ENTITY = 'Personería Distrital de Cartagena de Indias, Distrito Turístico y Cultural, Departamento de Bolívar, República de Colombia';

let samplePath = '';

beforeAll(async () => {
  samplePath = tempPdf('muestra.pdf', await writePdf(sampleDocument()));
});

describe('the PDF file of the sample document', () => {
  it('carries the code and "Página i de N" on every page', () => {
    const pages = pageCount(samplePath);
    expect(pages).toBeGreaterThanOrEqual(5);
    for (let page = 1; page <= pages; page++) {
      const text = pageText(samplePath, page);
      expect(text, `página ${page}`).toContain('GTI-P-001');
      expect(text, `página ${page}`).toContain(`Página ${page} de ${pages}`);
      expect(text, `página ${page}`).toContain('Información pública');
    }
  });

  it('gives back Spanish text exactly (á é í ó ú ñ Ñ ü ¿ ¡ « » – —)', () => {
    const text = run('pdftotext', [samplePath, '-']).stdout;
    expect(text).toContain('Segunda línea con ñ Ñ ü ¿ ¡ « » – —.');
    for (const word of ['Política', 'Planeación', 'Gestión', 'JURÍDICO', 'Número', 'Ñandú', 'Elaboró', 'Revisó', 'Aprobó']) {
      expect(text).toContain(word);
    }
  });

  it('prints the contents with page numbers and the glossary in Spanish order', () => {
    const contents = pageText(samplePath, 2).replace(/\s+/g, ' ');
    expect(contents).toMatch(/TABLA DE CONTENIDO/);
    expect(contents).toMatch(/CONTROL DE CAMBIOS 3/);
    expect(contents).toMatch(/1\. INTRODUCCIÓN \d/);
    expect(contents).toMatch(/4\.1\.1\. OBJETIVO GENERAL \d/);
    const text = run('pdftotext', [samplePath, '-']).stdout;
    expect(text.indexOf('Accesibilidad:')).toBeLessThan(text.indexOf('Ñandú:'));
  });

  it('passes qpdf --check', () => {
    const result = run('qpdf', ['--check', samplePath]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('renders every page in Ghostscript without an error', () => {
    const result = run('gs', ['-q', '-dNOPAUSE', '-dBATCH', '-dSAFER', '-sDEVICE=nullpage', '-dPDFSTOPONERROR', samplePath]);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });

  it('embeds every font, all of them Roboto', () => {
    const rows = run('pdffonts', [samplePath]).stdout.trim().split('\n').slice(2);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const columns = row.trim().split(/\s+/);
      expect(row).toMatch(/\+Roboto-/);
      // name type(+words) encoding emb sub uni id gen: emb is 5th from the end.
      expect(columns.at(-5), row).toBe('yes');
    }
  });

  it('carries the metadata: title, author, subject, keywords, language, fixed dates', () => {
    const info = run('pdfinfo', [samplePath]).stdout;
    expect(info).toMatch(/Title:\s+GTI-P-001 POLÍTICA DE GOBIERNO DIGITAL/);
    expect(info).toMatch(/Author:\s+Alcaldía Distrital de Prueba/);
    expect(info).toMatch(/Subject:\s+Política GTI-P-001/);
    expect(info).toMatch(/Keywords:\s+GTI-P-001, versión 2.0/);
    expect(info).toMatch(/CreationDate:\s+Thu Dec 15 00:00:00 2022 UTC/);
    expect(info).toMatch(/ModDate:\s+Thu Dec 15 00:00:00 2022 UTC/);
    const xmp = run('pdfinfo', ['-meta', samplePath]).stdout;
    expect(xmp).toContain('<pdfaid:part>1</pdfaid:part>');
    expect(xmp).toContain('<pdfaid:conformance>B</pdfaid:conformance>');
    expect(run('qpdf', ['--show-object=trailer', samplePath]).status).toBe(0);
    const catalog = run('qpdf', ['--qdf', '--object-streams=disable', samplePath, '-']).stdout;
    expect(catalog).toMatch(/\/Lang \(es-CO\)/);
  });

  it('is valid PDF/A-1b for Apache PDFBox Preflight', () => {
    const result = preflight(samplePath);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('regression: a title with "&" and "<" broke the XMP packet', () => {
  it('stays valid PDF/A-1b and keeps the title intact', async () => {
    const file = tempPdf('escape.pdf', await writePdf(sampleDocument({ title: 'GESTIÓN & CONTROL <INTERNO> "2024"' })));
    const result = preflight(file);
    expect(result.status, result.stdout + result.stderr).toBe(0);
    expect(run('pdfinfo', [file]).stdout).toContain('GESTIÓN & CONTROL <INTERNO> "2024"');
  });
});

/** Words of `texts` found on the page, taking for each the instance nearest to `from`. */
function claim(words: WordBox[], texts: readonly string[], from: 'top' | 'bottom'): Set<WordBox> {
  const claimed = new Set<WordBox>();
  const ordered = [...words].sort((a, b) => (from === 'top' ? a.yMin - b.yMin : b.yMin - a.yMin));
  for (const token of texts.flatMap((t) => t.split(/\s+/)).filter(Boolean)) {
    const hit = ordered.find((w) => !claimed.has(w) && w.word === token);
    if (hit) claimed.add(hit);
  }
  return claimed;
}

describe('regression: a long title and entity name overlapped the body (fixed page margins)', () => {
  it('keeps header, body and footer apart on every page, with a three-line title and a very long entity name', async () => {
    const base = sampleDocument();
    const context: DocumentContext = reframe({
      ...base.context,
      title: LONG_TITLE,
      process: 'GESTIÓN DE DIRECCIONAMIENTO ESTRATÉGICO Y PLANEACIÓN INSTITUCIONAL',
      entity: { ...base.context.entity, name: LONG_ENTITY },
    });
    const file = tempPdf('largo.pdf', await writePdf({ ...base, context }));
    const pages = pageCount(file);
    const all = wordBoxes(file);
    const titleLines = new Set(all.filter((w) => w.page === 2 && LONG_TITLE.split(' ').includes(w.word) && w.yMin < 150).map((w) => Math.round(w.yMin)));
    expect(titleLines.size, 'el título ocupa al menos tres líneas en el encabezado').toBeGreaterThanOrEqual(3);
    for (let page = 1; page <= pages; page++) {
      const words = all.filter((w) => w.page === page);
      const header = claim(words, [context.entity.shortName, context.entity.slogan ?? '', context.entity.name, context.process ?? '',
        context.title, `CÓDIGO: ${context.code}`, `VERSIÓN: ${context.version.label}`,
        `FECHA DE APROBACIÓN: ${context.version.approvalDateShort}`, `Página ${page} de ${pages}`], 'top');
      const e = context.entity;
      const footer = claim(words, [[e.address ?? '', ...e.phones.map((p) => `Tel. ${p}`)].join(' · '), [...e.emails, e.web ?? ''].join(' · '),
        e.controlledCopyNotice ?? '', `Clasificación de la información: ${context.classificationLabel}`], 'bottom');
      const body = words.filter((w) => !header.has(w) && !footer.has(w));
      expect(body.length, `página ${page} tiene cuerpo`).toBeGreaterThan(0);
      const headerBottom = Math.max(...[...header].map((w) => w.yMax));
      const bodyTop = Math.min(...body.map((w) => w.yMin));
      const bodyBottom = Math.max(...body.map((w) => w.yMax));
      const footerTop = Math.min(...[...footer].map((w) => w.yMin));
      expect(headerBottom, `página ${page}: encabezado sobre el cuerpo`).toBeLessThan(bodyTop);
      expect(bodyBottom, `página ${page}: cuerpo sobre el pie`).toBeLessThan(footerTop);
    }
  });
});

describe('regression: a logo with an alpha channel made the PDF fail PDF/A-1 (transparency)', () => {
  it('flattens the logo: no soft mask in the file, and Preflight passes', async () => {
    const base = sampleContext();
    const logo = { bytes: transparentLogo(), mime: 'image/png' as const, width: 24, height: 24 };
    const doc = sampleDocument({ entity: { ...base.entity, logo } });
    const file = tempPdf('logo.pdf', await writePdf(doc));
    const images = run('pdfimages', ['-list', file]).stdout;
    expect(images).toMatch(/image\s+24\s+24\s+rgb/);
    expect(images).not.toMatch(/smask/);
    const result = preflight(file);
    expect(result.status, result.stdout + result.stderr).toBe(0);
  });
});

describe('no text runs past the page edge', () => {
  it('keeps every word inside the side margins, even over-long words in body and tables', async () => {
    const token = `${'A'.repeat(50)}${'B'.repeat(50)}${'C'.repeat(50)}`;
    const markdown = `# T\n\nTexto ${token} fin.\n\n:::tabla\n- - Uno\n  - Dos\n  - Tres\n- - ${token}\n  - ${'D'.repeat(70)}\n  - corto\n:::\n`;
    const file = tempPdf('largas.pdf', await writePdf({ context: sampleContext(), tree: parseMarkdown(markdown), markdown }));
    const words = wordBoxes(file);
    expect(words.some((w) => w.word.startsWith('AAAA'))).toBe(true);
    for (const word of words) {
      expect(word.xMin, word.word).toBeGreaterThanOrEqual(56 - 0.5);
      expect(word.xMax, word.word).toBeLessThanOrEqual(612 - 56 + 0.5);
    }
    expect(pageText(file, 3)).toMatch(/Tres/);
    expect(pageText(file, 3)).toMatch(/corto/);
  });
});

describe('regression: an unbreakable signature block taller than a page vanished from the PDF', () => {
  it('prints every signatory, the grid and the approval record', async () => {
    const signatories = Array.from({ length: 7 }, (_, i) => ({ name: `FIRMANTE NÚMERO ${i + 1}`, position: `Cargo ${i + 1}` }));
    const file = tempPdf('muchas-firmas.pdf', await writePdf(sampleDocument({ signatories })));
    const text = run('pdftotext', [file, '-']).stdout;
    for (let i = 1; i <= 7; i++) expect(text).toContain(`FIRMANTE NÚMERO ${i}`);
    expect(text).toContain('Elaboró');
    expect(text).toContain('Aprobado mediante el acta No. 004');
  });
});
