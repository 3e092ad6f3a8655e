// Property-based tests (fast-check). Random documents, valid by
// construction (codes, dates and versions from the minimal fixture; sections
// and subsections of random Markdown: paragraphs with emphasis and
// underline, nested lists, GFM tables, :::tabla tables with multi-paragraph
// and list cells, now and then a cell taller than a page; a glossary; Spanish
// words with accents), all render, and every word of their body is in the
// text independent readers take from each edition: pdftotext for the PDF,
// and the runs of the DOCX's document.xml, where the body must also come in
// order (issue 16 item 7, issue 23). Random mutations of a valid document
// end in a validation error or a valid build, never an uncaught exception.
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
import { docxXmlText, missingWords, pdfText, wordsOf } from '../support/edition-text.js';
import { copyProject, MINIMAL_DOC, TEMPLATES } from '../support/project.js';
import { readFileSync } from 'node:fs';

/** Generated Markdown and the words a reader must find in it, in order. */
interface Piece {
  readonly markdown: string;
  readonly words: readonly string[];
}
const piece = (markdown: string, words: readonly string[]): Piece => ({ markdown, words });
const joinPieces = (pieces: readonly Piece[], separator: string): Piece =>
  piece(pieces.map((p) => p.markdown).join(separator), pieces.flatMap((p) => p.words));

// Letters only: a word is never Markdown syntax, a number a list could start
// with, or part of an address the parser would turn into a link.
const LETTERS = 'abcdefghijklmnñopqrstuvwxyzáéíóúüABCDEFGHIJKLMNÑOPQRSTUVWXYZÁÉÍÓÚ';
const word = fc.string({ unit: fc.constantFrom(...LETTERS), minLength: 1, maxLength: 12 });
const PUNCTUATION = ['', '', '', ',', '.', ';', ':'];

/** A phrase: words with some punctuation after them, as a person writes. */
const phrase = (maxWords: number) =>
  fc.array(fc.tuple(word, fc.constantFrom(...PUNCTUATION)), { minLength: 1, maxLength: maxWords }).map((parts) =>
    piece(parts.map(([w, p]) => `${w}${p}`).join(' '), parts.map(([w]) => w)),
  );

/** A phrase with now and then a bold, italic or underlined run of words. */
const inline = fc
  .array(
    fc.oneof(
      { weight: 4, arbitrary: phrase(8) },
      phrase(3).map((p) => piece(`**${p.markdown}**`, p.words)),
      phrase(3).map((p) => piece(`*${p.markdown}*`, p.words)),
      phrase(3).map((p) => piece(`:subrayado[${p.markdown}]`, p.words)),
    ),
    { minLength: 1, maxLength: 4 },
  )
  .map((parts) => joinPieces(parts, ' '));

/** A list, bulleted or numbered, its items sometimes holding a nested list. */
const list = (indent: string, depth: number): fc.Arbitrary<Piece> =>
  fc
    .tuple(
      fc.boolean(),
      fc.array(fc.tuple(inline, depth > 0 ? fc.option(fc.constant(null), { freq: 3 }) : fc.constant(undefined)), { minLength: 1, maxLength: 4 }),
      depth > 0 ? list(`${indent}   `, depth - 1) : fc.constant(undefined),
    )
    .map(([numbered, items, nested]) =>
      joinPieces(
        items.map(([text, withNested], n) => {
          const item = piece(`${indent}${numbered ? `${n + 1}.` : '- '} ${text.markdown}`, text.words);
          return withNested === null && nested ? joinPieces([item, nested], '\n') : item;
        }),
        '\n',
      ),
    );

const gfmTable = fc.integer({ min: 2, max: 3 }).chain((columns) =>
  fc
    .tuple(fc.array(phrase(2), { minLength: columns, maxLength: columns }), fc.array(fc.array(phrase(12), { minLength: columns, maxLength: columns }), { minLength: 1, maxLength: 4 }))
    .map(([header, rows]) => {
      const line = (cells: Piece[]) => piece(`| ${cells.map((c) => c.markdown).join(' | ')} |`, cells.flatMap((c) => c.words));
      return joinPieces([line(header), piece(`|${'---|'.repeat(columns)}`, []), ...rows.map(line)], '\n');
    }),
);

/** A :::tabla cell: paragraphs and lists, or (now and then) so many paragraphs it is taller than a page. */
const richCell = fc.oneof(
  { weight: 6, arbitrary: fc.array(fc.oneof({ weight: 3, arbitrary: inline }, list('', 0)), { minLength: 1, maxLength: 3 }) },
  { weight: 1, arbitrary: fc.array(phrase(8), { minLength: 70, maxLength: 90 }) },
);

const richTable = fc.integer({ min: 2, max: 3 }).chain((columns) =>
  fc
    .tuple(fc.option(phrase(4)), fc.array(fc.array(richCell, { minLength: columns, maxLength: columns }), { minLength: 2, maxLength: 4 }))
    .map(([caption, rows]) => {
      const cell = (blocks: Piece[], first: boolean) => {
        // Each block of a cell is indented under its "- " marker; blank lines part them.
        const body = blocks.map((b) => b.markdown.split('\n').join('\n    ')).join('\n\n    ');
        return piece(`${first ? '- - ' : '  - '}${body}`, blocks.flatMap((b) => b.words));
      };
      const title = caption ? piece(`{titulo="${caption.markdown.replace(/[":;,.]/g, '')}"}`, caption.words) : piece('', []);
      return joinPieces([piece(`:::tabla${title.markdown}`, title.words), ...rows.map((cells) => joinPieces(cells.map((c, i) => cell(c, i === 0)), '\n')), piece(':::', [])], '\n');
    }),
);

const block = fc.oneof({ weight: 4, arbitrary: inline }, { weight: 2, arbitrary: list('', 1) }, gfmTable, richTable);

interface SectionPiece {
  readonly section: { titulo: string; contenido: string; secciones?: { titulo: string; contenido: string }[] };
  readonly words: readonly string[];
}

const leafSection = fc.tuple(phrase(4), fc.array(block, { minLength: 1, maxLength: 3 })).map(([title, blocks]) => {
  const body = joinPieces(blocks, '\n\n');
  return { section: { titulo: title.markdown, contenido: body.markdown }, words: [...title.words, ...body.words] };
});

const section: fc.Arbitrary<SectionPiece> = fc.tuple(leafSection, fc.array(leafSection, { maxLength: 2 })).map(([parent, children]) => ({
  section: children.length > 0 ? { ...parent.section, secciones: children.map((c) => c.section) } : parent.section,
  words: [...parent.words, ...children.flatMap((c) => c.words)],
}));

const documentArb = fc.record({
  sections: fc.array(section, { minLength: 1, maxLength: 3 }),
  glossary: fc.uniqueArray(fc.tuple(word, phrase(10)), { maxLength: 4, selector: ([term]) => term.toLowerCase() }),
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

/** Whether `expected` appears in `actual` in order, other words allowed between (the first missing one, or undefined). */
function firstOutOfOrder(expected: readonly string[], actual: readonly string[]): string | undefined {
  let at = 0;
  for (const word of expected) {
    while (at < actual.length && actual[at] !== word) at++;
    if (at === actual.length) return word;
    at++;
  }
  return undefined;
}

const RUNS = 5;

describe('properties', () => {
  it('random valid documents render, and every word of their body is in the PDF and the DOCX', { timeout: 600_000 }, async () => {
    let renderedCount = 0;
    await fc.assert(
      fc.asyncProperty(documentArb, async ({ sections, glossary }) => {
        const document = {
          secciones: [...sections.map((s) => s.section), { titulo: 'Glosario', bloque: 'glosario' }],
          glosario: glossary.map(([termino, definicion]) => ({ termino, definicion: definicion.markdown })),
        };
        const prepared = prepare({ dataDir: projectWith(document), templatesDir: TEMPLATES });
        expect(prepared.problems.filter((p) => p.severity === 'error')).toEqual([]);
        const rendered = prepared.documents[0]!.rendered;
        const body = sections.flatMap((s) => s.words).map((w) => w.normalize('NFC'));
        const glossaryWords = glossary.flatMap(([term, definition]) => [term, ...definition.words]).map((w) => w.normalize('NFC'));

        const pdfWords = wordsOf(pdfText(await writePdf(rendered)));
        expect(missingWords([...body, ...glossaryWords], pdfWords)).toEqual([]);

        const docxWords = wordsOf(docxXmlText(await writeDocx(rendered)));
        expect(missingWords([...body, ...glossaryWords], docxWords)).toEqual([]);
        // Sections come in the order written; the glossary is sorted, so it is checked apart.
        expect(firstOutOfOrder(body, docxWords)).toBeUndefined();

        expect(writeHtml(rendered)).toContain('<html');
        renderedCount++;
      }),
      { numRuns: RUNS, seed: 20261130, endOnFailure: true },
    );
    // Valid by construction: every generated document reaches rendering.
    expect(renderedCount).toBe(RUNS);
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
      value: fc.oneof(fc.constant(undefined), fc.constant(null), fc.integer(), fc.boolean(), phrase(6).map((p) => p.markdown), fc.constant(''), fc.constant([]), fc.constant({}), fc.constant('2021-02-30'), fc.constant('../../etc')),
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
