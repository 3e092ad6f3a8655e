// Property-based tests (fast-check): random valid documents always render to
// PDF, DOCX and HTML; random mutations of a valid document always end in a
// validation error or a valid build, never an uncaught exception.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { hasErrors } from '../../src/errors.js';
import { prepare } from '../../src/pipeline.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { writeHtml } from '../../src/write/html/index.js';
import { writePdf } from '../../src/write/pdf/index.js';
import { copyProject, MINIMAL_DOC, TEMPLATES } from '../support/project.js';
import { readFileSync } from 'node:fs';

const LETTERS = 'abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚ0123456789';
const PUNCTUATION = ' .,;:¿?¡!()«»–—-/*_|#<>[]`&"\'';
const word = fc.string({ unit: fc.constantFrom(...LETTERS.split('')), minLength: 1, maxLength: 12 });
const phrase = fc.array(fc.oneof(word, fc.constantFrom(...PUNCTUATION.split(''))), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(' ').trim() || 'texto');
const plainText = phrase.filter((t) => t.trim().length > 0);

/** Markdown a person could write: paragraphs, emphasis, lists, tables. */
const markdownBlock = fc.oneof(
  plainText.map((t) => t.replace(/[\\`*_[\]<>|#]/g, ' ')),
  fc.tuple(word, word).map(([a, b]) => `Texto con **${a}** y *${b}*.`),
  fc.array(word, { minLength: 1, maxLength: 5 }).map((items) => items.map((i) => `- ${i}`).join('\n')),
  fc.array(word, { minLength: 1, maxLength: 5 }).map((items) => items.map((i, n) => `${n + 1}. ${i}`).join('\n')),
  fc.array(fc.tuple(word, word), { minLength: 1, maxLength: 4 }).map((rows) => `| A | B |\n|---|---|\n${rows.map(([a, b]) => `| ${a} | ${b} |`).join('\n')}`),
  fc.tuple(word, word).map(([a, b]) => `:::tabla\n- - ${a}\n  - ${b}\n- - 1. ${b}\n    2. ${a}\n  - :subrayado[${a}]\n:::`),
);

const section = fc.record({
  titulo: plainText,
  contenido: fc.array(markdownBlock, { minLength: 1, maxLength: 4 }).map((blocks) => blocks.join('\n\n')),
});

const documentArb = fc.record({
  titulo: plainText,
  proceso: plainText,
  dependencia: plainText,
  secciones: fc.array(section, { minLength: 1, maxLength: 4 }),
  glosario: fc.array(fc.record({ termino: plainText, definicion: plainText }), { maxLength: 4 }),
  firmantes: fc.array(fc.record({ nombre: plainText, cargo: plainText }), { maxLength: 3 }),
});

function projectWith(document: Record<string, unknown>): string {
  const dir = copyProject();
  const base = JSON.parse(readFileSync(join(dir, 'data', MINIMAL_DOC), 'utf8')) as Record<string, unknown> & { versiones: Record<string, unknown>[] };
  // The signers belong to the version they sign.
  const { firmantes, ...fields } = document;
  base.versiones[0]!.firmantes = firmantes;
  writeFileSync(join(dir, 'data', MINIMAL_DOC), JSON.stringify({ ...base, ...fields }, null, 2));
  return join(dir, 'data');
}

describe('properties', () => {
  it('random valid documents render to PDF, DOCX and HTML', { timeout: 600_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(documentArb, async (document) => {
        const prepared = prepare({ dataDir: projectWith(document), templatesDir: TEMPLATES });
        expect(prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const rendered = prepared.documents[0]!.rendered;
        expect((await writePdf(rendered)).length).toBeGreaterThan(1000);
        expect((await writeDocx(rendered)).length).toBeGreaterThan(1000);
        expect(writeHtml(rendered)).toContain('<html');
      }),
      { numRuns: 25 },
    );
  });

  it('random mutations end in a validation error or a valid build, never an exception', { timeout: 600_000 }, async () => {
    const base = JSON.parse(readFileSync(join(copyProject(), 'data', MINIMAL_DOC), 'utf8')) as Record<string, unknown>;
    const paths: (string | number)[][] = [];
    const collect = (value: unknown, path: (string | number)[]) => {
      paths.push(path);
      if (Array.isArray(value)) value.forEach((v, i) => collect(v, [...path, i]));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) collect(v, [...path, k]);
    };
    collect(base, []);
    const mutation = fc.record({
      path: fc.constantFrom(...paths.filter((p) => p.length > 0)),
      value: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), plainText, fc.constant(''), fc.constant([]), fc.constant({}), fc.constant('2021-02-30'), fc.constant('../../etc')),
    });
    const scratch = mkdtempSync(join(tmpdir(), 'docctl-mutations-'));
    await fc.assert(
      fc.asyncProperty(fc.array(mutation, { minLength: 1, maxLength: 3 }), async (mutations) => {
        const document = structuredClone(base);
        for (const { path, value } of mutations) {
          let target: Record<string | number, unknown> = document;
          for (const key of path.slice(0, -1)) {
            const next = target[key];
            if (!next || typeof next !== 'object') return;
            target = next as Record<string | number, unknown>;
          }
          const last = path.at(-1)!;
          if (value === undefined) delete target[last];
          else target[last] = value;
        }
        const dataDir = projectWith(document);
        const prepared = prepare({ dataDir, templatesDir: TEMPLATES });
        if (hasErrors(prepared.problems)) {
          for (const problem of prepared.problems) expect(problem.message.length).toBeGreaterThan(0);
          return;
        }
        for (const { rendered } of prepared.documents) {
          await writePdf(rendered);
          await writeDocx(rendered);
          writeHtml(rendered);
        }
        writeFileSync(join(scratch, 'ultimo-valido.json'), JSON.stringify(document));
      }),
      { numRuns: 40 },
    );
  });
});
