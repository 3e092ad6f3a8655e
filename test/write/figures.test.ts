// Figures end to end: the example procedure GD-P-006 (data/secretaria-educacion-ejemplo)
// shows its flowchart in the PDF (pdfmake definition, the embedded image,
// pdftotext, PDF/A-1b Preflight), the DOCX (the picture, its alt text, the
// caption kept with it), the HTML (figure, img alt, figcaption) and the
// archive's inputs; and the checks a figure file and its reference pass.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { unzipSync } from 'fflate';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepare, type PreparedDocument } from '../../src/pipeline.js';
import { prepareSources } from '../../src/pipeline/sources.js';
import { documentInputs } from '../../src/archive/inputs.js';
import { buildPdfDefinition, writePdf } from '../../src/write/pdf/index.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { writeHtml } from '../../src/write/html/index.js';
import { writeRgbPng } from '../../src/write/pdf/png.js';
import { copyProject, editJson, MINIMAL_DOC, problemsOf, SEEDS, TEMPLATES, writeRaw } from '../support/project.js';
import { elements, part, readParts } from './docx/docx-parts.js';
import { preflight, run, tempPdf } from './pdf/tools.js';

const ENTITY = 'secretaria-educacion-ejemplo';
const FIGURE = 'flujograma-prestamo.png';
const CAPTION = 'Figura 1. Flujograma del préstamo de expedientes';
const sha256 = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

let dataDir: string;
let doc: PreparedDocument;
let pdfFile: string;
let docx: Uint8Array;
let html: string;

beforeAll(async () => {
  // The third example entity alone: its two documents, not the seeds' long policies.
  dataDir = join(mkdtempSync(join(tmpdir(), 'docctl-figuras-')), 'data');
  mkdirSync(dataDir);
  cpSync(join(SEEDS, 'normas.json'), join(dataDir, 'normas.json'));
  cpSync(join(SEEDS, ENTITY), join(dataDir, ENTITY), { recursive: true });
  const prepared = prepare({ dataDir, templatesDir: TEMPLATES });
  expect(prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
  doc = prepared.documents.find((d) => d.rendered.context.code === 'GD-P-006')!;
  pdfFile = tempPdf('GD-P-006.pdf', await writePdf(doc.rendered));
  docx = await writeDocx(doc.rendered);
  html = writeHtml(doc.rendered);
}, 120_000);

describe('a figure in the PDF', () => {
  it('is an image of the figure in an unbreakable block with its caption, no wider than the body', () => {
    const definition = buildPdfDefinition(doc.rendered);
    const blocks = JSON.stringify(definition.content);
    expect(Object.keys(definition.images ?? {})).toContain(`figura:${FIGURE}`);
    const found = (definition.content as unknown[]).find((c) => JSON.stringify(c).includes(`"figura:${FIGURE}"`)) as { stack: { image?: string; fit?: number[]; text?: string }[]; unbreakable?: boolean };
    expect(blocks).toContain(CAPTION);
    // Kept together (a heading before it is joined into the same block by keep-together.ts).
    const stack = JSON.stringify(found);
    expect(found.unbreakable).toBe(true);
    expect(stack.indexOf(`"figura:${FIGURE}"`)).toBeLessThan(stack.indexOf(CAPTION));
    const fit = /"fit":\[([\d.]+),([\d.]+)\]/.exec(stack)!;
    expect(Number(fit[1])).toBeLessThanOrEqual(820 * 0.75);
  });

  it('embeds the flowchart at its pixel size and prints the caption, on a page of its own with what follows', () => {
    const images = run('pdfimages', ['-list', pdfFile]).stdout;
    expect(images).toMatch(/\s820\s+1026\s+rgb\s/);
    const text = run('pdftotext', ['-layout', pdfFile, '-']).stdout;
    expect(text).toContain(CAPTION);
    expect(text).toMatch(/N\.°\s+Actividad\s+Responsable\s+Registro/);
  });

  it('still passes PDF/A-1b Preflight', () => {
    const result = preflight(pdfFile);
    expect(result.stdout + result.stderr).toMatch(/is a valid PDF\/A-1b file/);
  }, 120_000);
});

describe('contents with dotted leaders (the format\'s "contenido.puntos", on in formatos/GD-P-006.json)', () => {
  it('are drawn as entries with page references to the headings, dots filling each line', () => {
    const definition = buildPdfDefinition(doc.rendered);
    const json = JSON.stringify(definition.content);
    expect(json).not.toContain('"toc"');
    expect(json).toMatch(/"text":"1 OBJETIVO \.{20,}".*"pageReference":"seccion-1"/);
  });

  it('print the right page number after the dots', () => {
    const first = run('pdftotext', ['-layout', '-f', '1', '-l', '1', pdfFile, '-']).stdout;
    const line = /6 FLUJOGRAMA \.{20,}\s+(\d+)/.exec(first);
    expect(line).not.toBeNull();
    const page = Number(line![1]);
    expect(run('pdftotext', ['-f', String(page), '-l', String(page), pdfFile, '-']).stdout).toMatch(/^6 FLUJOGRAMA$/m);
  });

  it('are off by default: the manual of the same entity keeps pdfmake\'s contents', () => {
    const manual = prepare({ dataDir, templatesDir: TEMPLATES }).documents.find((d) => d.rendered.context.code === 'GD-M-004')!;
    expect(JSON.stringify(buildPdfDefinition(manual.rendered).content)).toContain('"toc"');
  });
});

describe('a figure in the DOCX', () => {
  it('is a picture with the alternative text as its description and the caption kept with it', () => {
    const parts = readParts(docx);
    const media = Object.keys(unzipSync(docx)).filter((name) => name.startsWith('word/media/'));
    const figureBytes = readFileSync(join(dataDir, ENTITY, 'documentos', 'GD-P-006', 'figuras', FIGURE));
    expect(media.some((name) => sha256(unzipSync(docx)[name]!) === sha256(figureBytes))).toBe(true);
    const body = part(parts, 'word/document.xml');
    const [picture] = elements(body, 'wp:docPr').filter((e) => e.getAttribute('name') === FIGURE);
    expect(picture?.getAttribute('descr')).toMatch(/^Flujograma: Inicio; 1\. recibir la solicitud/);
    const paragraphs = elements(body, 'w:p');
    const index = paragraphs.findIndex((p) => elements('', 'wp:docPr', p).some((e) => e.getAttribute('name') === FIGURE));
    expect(elements('', 'w:keepNext', paragraphs[index]!)).toHaveLength(1);
    const next = paragraphs[index + 1]!;
    expect(elements('', 'w:pStyle', next)[0]?.getAttribute('w:val')).toBe('Caption');
    expect(next.textContent).toBe(CAPTION);
  });
});

describe('a figure in the HTML edition', () => {
  it('is a figure with the image inline, its alt text and a figcaption', () => {
    const figure = /<figure class="figura"><img src="data:image\/png;base64,([^"]+)" alt="([^"]+)" width="820" height="1026"[^>]*><figcaption>([^<]+)<\/figcaption><\/figure>/.exec(html);
    expect(figure).not.toBeNull();
    expect(figure![2]).toMatch(/^Flujograma: Inicio;/);
    expect(figure![3]).toBe(CAPTION);
    expect(sha256(Buffer.from(figure![1]!, 'base64'))).toBe(sha256(readFileSync(join(dataDir, ENTITY, 'documentos', 'GD-P-006', 'figuras', FIGURE))));
  });
});

describe('a figure among the inputs of an archived version', () => {
  it('is listed with its SHA-256', () => {
    const sources = prepareSources({ dataDir, templatesDir: TEMPLATES });
    const source = sources.documents.find((d) => d.context.code === 'GD-P-006')!;
    const inputs = documentInputs(source, sources, TEMPLATES, source.source.json.text);
    const figureBytes = readFileSync(join(dataDir, ENTITY, 'documentos', 'GD-P-006', 'figuras', FIGURE));
    expect(inputs.archivos).toContainEqual({ nombre: `${ENTITY}/documentos/GD-P-006/figuras/${FIGURE}`, sha256: sha256(figureBytes) });
  });
});

describe('figure files and references', () => {
  const withFigure = (markdown: string) => {
    const dir = copyProject();
    const data = join(dir, 'data');
    editJson(data, MINIMAL_DOC, (d) => {
      (d.secciones as Record<string, unknown>[])[0]!.contenido = markdown;
    });
    mkdirSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-001', 'figuras'), { recursive: true });
    return data;
  };
  const figures = 'entidad-prueba/documentos/GC-P-001/figuras';

  it('refuses an SVG in figuras/, naming the file, with how to convert it', () => {
    const data = withFigure('Texto.');
    writeRaw(data, `${figures}/flujo.svg`, readFileSync(join(import.meta.dirname, '..', 'support', 'figures', 'flujograma-prestamo.svg')));
    expect(problemsOf(data).join('\n')).toMatch(/figuras\/flujo\.svg: las figuras SVG no se admiten .*expórtela como PNG/);
  });

  it('refuses a figure that is not the image its name says, and one that would decode too large', () => {
    const data = withFigure('Texto.');
    writeRaw(data, `${figures}/falso.png`, 'esto no es una imagen');
    // 5000 × 5000 RGBA at 16 bits: 200 MB decoded, declared by a tiny file's header.
    const huge = Buffer.from(writeRgbPng(1, 1, Buffer.from([0, 0, 0])));
    huge.writeUInt32BE(5000, 16);
    huge.writeUInt32BE(5000, 20);
    huge[24] = 16;
    huge[25] = 6;
    writeRaw(data, `${figures}/enorme.png`, huge);
    const problems = problemsOf(data).join('\n');
    expect(problems).toMatch(/figuras\/falso\.png: "falso\.png" no es una imagen PNG o JPG válida/);
    expect(problems).toMatch(/figuras\/enorme\.png: "enorme\.png" ocuparía 190\.7 MB al descomprimirlo/);
  });

  it('names the section file and line of a figure that is not in figuras/', () => {
    const data = withFigure('Texto.\n\n![Flujo del trámite](figuras/no-esta.png)\n');
    writeFileSync(join(data, figures, 'flujo.png'), writeRgbPng(2, 1, Buffer.from([1, 2, 3, 4, 5, 6])));
    expect(problemsOf(data).join('\n')).toMatch(
      /GC-P-001\.json:\d+:\d+: secciones\[0\]\.contenido: línea 3 del contenido: la figura "figuras\/no-esta\.png" no existe en \S*entidad-prueba\/documentos\/GC-P-001\/figuras\/; ponga allí el archivo o corrija el nombre \(hay: flujo\.png\)/,
    );
  });

  it('accepts a PNG with transparency (flattened for PDF/A)', () => {
    const data = withFigure('![Una figura](figuras/flujo.png "Leyenda")\n');
    writeFileSync(join(data, figures, 'flujo.png'), readFileSync(join(SEEDS, 'personeria-cartagena', 'logo.png')));
    expect(problemsOf(data)).toEqual([]);
  });
});
