// Round trip of docctl's own DOCX: build the seeds, import each built DOCX
// into a project without documents, then compare with the original data:
// every section (title, nesting, block), every norm, every glossary term,
// and the body's words in order (longest common subsequence ≥ 99%).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toString } from 'mdast-util-to-string';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { prepare } from '../../src/pipeline.js';
import { writeDocx } from '../../src/write/docx/index.js';
import type { ControlledDocument, Section } from '../../src/validate/schemas.js';
import { copyProject, runCli, SEEDS, TEMPLATES } from '../support/project.js';

const SEED_DOCUMENTS = [
  { entity: 'personeria-cartagena', code: 'DE-P-007', version: 1 },
  { entity: 'alcaldia-cartagena', code: 'GTI-P-001', version: 2 },
] as const;

let built: string;
let imported: string;
const importRuns: Record<string, ReturnType<typeof runCli>> = {};
let checkRun: ReturnType<typeof runCli>;

// The DOCX are written in this process from the seeds (no PDF, no site): the
// same writer `build` uses, a fraction of its time.
beforeAll(async () => {
  built = mkdtempSync(join(tmpdir(), 'docctl-word-'));
  const prepared = prepare({ dataDir: SEEDS, templatesDir: TEMPLATES });
  imported = copyProject(SEEDS, { archive: false });
  for (const { entity, code } of SEED_DOCUMENTS) {
    rmSync(join(imported, 'data', entity, 'documentos'), { recursive: true, force: true });
    const rendered = prepared.documents.find((d) => d.source.document.codigo === code)!.rendered;
    writeFileSync(join(built, `${code}.docx`), await writeDocx(rendered));
  }
  for (const { entity, code } of SEED_DOCUMENTS) {
    importRuns[code] = runCli(['importar', join(built, `${code}.docx`), '--entidad', entity, '--datos', join(imported, 'data')]);
  }
  checkRun = runCli(['check', '--datos', join(imported, 'data'), '--plantillas', TEMPLATES]);
}, 180_000);

afterAll(() => {
  rmSync(built, { recursive: true, force: true });
  rmSync(imported, { recursive: true, force: true });
});

const readDocument = (root: string, entity: string, code: string) => JSON.parse(readFileSync(join(root, 'data', entity, 'documentos', `${code}.json`), 'utf8')) as ControlledDocument;
const readOriginal = (entity: string, code: string) => readDocument(join(SEEDS, '..'), entity, code);

interface Outline {
  titulo: string;
  bloque: string | undefined;
  secciones: Outline[];
}
const outline = (sections: readonly Section[]): Outline[] => sections.map((s) => ({ titulo: s.titulo, bloque: s.bloque, secciones: outline(s.secciones ?? []) }));

const sortedGlossary = (document: ControlledDocument) => [...document.glosario].sort((a, b) => a.termino.localeCompare(b.termino, 'es'));

/** The words of every section's body, the glossary and the roles, in reading order. */
function bodyWords(root: string, entity: string, document: ControlledDocument): string[] {
  const text: string[] = [];
  const visit = (sections: readonly Section[]) => {
    for (const section of sections) {
      const markdown = section.archivo ? readFileSync(join(root, 'data', entity, 'documentos', section.archivo), 'utf8') : (section.contenido ?? '');
      text.push(toString(parseMarkdown(markdown)));
      if (section.bloque === 'glosario') text.push(...sortedGlossary(document).map((e) => `${e.termino} ${e.definicion}`));
      if (section.bloque === 'roles') text.push(...document.roles.map((r) => toString(parseMarkdown(`${r.rol}\n\n${r.responsabilidades}\n\n${r.responsable}`))));
      visit(section.secciones ?? []);
    }
  };
  visit(document.secciones);
  return text.join(' ').toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
}

/** Length of the longest common subsequence: words kept in order. */
function commonInOrder(a: readonly string[], b: readonly string[]): number {
  let previous = new Int32Array(b.length + 1);
  let row = new Int32Array(b.length + 1);
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) row[j] = a[i - 1] === b[j - 1] ? previous[j - 1]! + 1 : Math.max(previous[j]!, row[j - 1]!);
    [previous, row] = [row, previous];
  }
  return previous[b.length]!;
}

describe.each(SEED_DOCUMENTS)('round trip of $code through its own DOCX', ({ entity, code }) => {
  it('imports, and the imported project passes docctl check', () => {
    expect(importRuns[code]!.status, importRuns[code]!.stderr).toBe(0);
    expect(importRuns[code]!.stdout).toContain(`Importado: `);
    expect(checkRun.status, checkRun.stdout + checkRun.stderr).toBe(0);
  });

  it('keeps the identity, the history and every section, norm and glossary term', () => {
    const original = readOriginal(entity, code);
    const back = readDocument(imported, entity, code);
    expect(back.codigo).toBe(original.codigo);
    expect(back.titulo).toBe(original.titulo);
    expect(back.proceso).toBe(original.proceso);
    expect(back.dependencia).toBe(original.dependencia);
    expect(back.tipo).toBe(original.tipo);
    expect(back.clasificacion).toBe(original.clasificacion);
    expect(back.versiones.map((v) => [v.numero, v.fecha, v.descripcion])).toEqual(original.versiones.map((v) => [v.numero, v.fecha, v.descripcion]));
    const current = back.versiones.at(-1)!;
    const originalCurrent = original.versiones.at(-1)!;
    expect(current.acta).toEqual(originalCurrent.acta);
    expect(current.firmantes).toEqual(originalCurrent.firmantes ?? []);
    expect(outline(back.secciones)).toEqual(outline(original.secciones));
    expect(back.normas).toEqual(original.normas ?? []);
    // docctl prints the glossary in alphabetical order: that is the order a round trip can keep.
    expect(sortedGlossary(back)).toEqual(sortedGlossary(original));
    expect(back.roles.map((r) => r.rol)).toEqual((original.roles ?? []).map((r) => r.rol));
  });

  it('keeps at least 99% of the body words, in order', () => {
    const original = bodyWords(join(SEEDS, '..'), entity, readOriginal(entity, code));
    const back = bodyWords(imported, entity, readDocument(imported, entity, code));
    const kept = commonInOrder(original, back);
    const ratio = kept / original.length;
    if (process.env.DOCCTL_DIFF) console.log(JSON.stringify({ original: original.join(' '), back: back.join(' ') }));
    console.log(`${code}: ${kept} de ${original.length} palabras del cuerpo en orden (${(ratio * 100).toFixed(2)} %); importadas ${back.length}`);
    expect(original.length).toBeGreaterThan(300);
    expect(ratio).toBeGreaterThanOrEqual(0.99);
  });
});
