// docctl descartar in this process (src/commands/discard.ts and
// src/edit/draft-undo.ts), so that `npm run mutacion` can kill their
// mutants: each refusal alone with its message and nothing written, and a
// discard that writes back the data byte for byte. The CLI's own tests are
// in test/lifecycle/norm-commands.test.ts.
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output.js';
import { runDiscard, type DiscardArguments } from '../../src/commands/discard.js';
import { runVersion } from '../../src/commands/version.js';
import { UserError } from '../../src/errors.js';
import { listUndo, planRestore, readUndo, saveUndo, undoPath } from '../../src/edit/draft-undo.js';
import { copyProject, editJson, MINIMAL_DOC, TEMPLATES } from '../support/project.js';
import { hashTree } from '../support/tree-hash.js';

const CODE = 'GC-P-001';
const SLUG = 'entidad-prueba';

const output = captureOutput();

/** The minimal project; with `open`, a draft opened by docctl version (which saves the undo copy). */
function project({ open = true } = {}) {
  const dir = copyProject();
  const dataDir = join(dir, 'data');
  const options = { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
  const docFile = join(dataDir, MINIMAL_DOC);
  const pristine = readFileSync(docFile, 'utf8');
  if (open) expect(runVersion(options, CODE, 'Actualización')).toBe(0);
  const undo = undoPath(join(dataDir, SLUG), CODE);
  output.stdout.length = 0; // what docctl version said
  return { dir, dataDir, options, docFile, pristine, undo, state: () => hashTree(dir) };
}

const args = (over: Partial<DiscardArguments>): DiscardArguments => ({ code: undefined, allOf: undefined, entity: undefined, force: false, ...over });

/** Runs a discard that must be refused: its message, and the project byte-identical. */
function refusal(p: ReturnType<typeof project>, over: Partial<DiscardArguments>): string {
  const before = p.state();
  let thrown: unknown;
  try {
    runDiscard(p.options, args(over));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect(p.state()).toEqual(before);
  expect(output.stdout).toEqual([]);
  return (thrown as UserError).message;
}

describe('docctl descartar refuses, writing nothing', () => {
  it('both a code and --todos-de', () => {
    expect(refusal(project(), { code: CODE, allOf: 'Ley 1712 de 2014' })).toBe('use docctl descartar <CÓDIGO> o docctl descartar --todos-de "<norma>", no ambos');
  });

  it('neither', () => {
    expect(refusal(project(), {})).toBe('falta qué descartar: docctl descartar <CÓDIGO>, o docctl descartar --todos-de "Decreto 1008 de 2018" para todo lo que abrió docctl impacto');
  });

  it('a code no document has, in the data or in one entity', () => {
    const p = project();
    expect(refusal(p, { code: 'GC-P-999' })).toBe('no hay ningún documento con el código "GC-P-999"');
    expect(refusal(p, { code: 'GC-P-999', entity: SLUG })).toBe(`no hay ningún documento con el código "GC-P-999" en ${SLUG}`);
  });

  it('a document with no draft open: names its last approved version', () => {
    expect(refusal(project({ open: false }), { code: CODE })).toBe(`${CODE} no tiene un borrador abierto: no hay nada que descartar (su última versión, la 1, está aprobada)`);
  });

  it('a draft opened by hand, without a saved copy', () => {
    const p = project();
    rmSync(p.undo);
    expect(refusal(p, { code: CODE })).toBe(
      `${CODE} tiene abierta la versión 2 (borrador), pero no hay copia de antes de abrirla (se abrió a mano o con una versión anterior de docctl); para descartarla, quite esa entrada de "versiones" en ${p.docFile} y deshaga a mano lo que haya cambiado`,
    );
  });

  it('a draft edited since it was opened, without --forzar: names the file', () => {
    const p = project();
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.titulo = 'Otro título'));
    expect(refusal(p, { code: CODE })).toBe(
      `estos borradores se editaron desde que se abrieron: ${CODE} (${p.docFile}); descartarlos pierde esas ediciones. Si es lo que quiere, repita con --forzar. No se descartó nada`,
    );
  });

  it('a version that was approved since: never discarded', () => {
    const p = project();
    editJson(p.dataDir, MINIMAL_DOC, (doc) => {
      const versions = doc.versiones as Record<string, unknown>[];
      versions[versions.length - 1]!.estado = 'aprobado';
    });
    expect(refusal(p, { code: CODE })).toBe(`la versión 2 de ${CODE} ya está aprobada; una versión aprobada no se descarta (ábrale una nueva con docctl version ${CODE} --motivo "…"). No se descartó nada`);
  });

  it('a copy of a draft that is no longer open (removed by hand)', () => {
    const p = project();
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.versiones as unknown[]).pop());
    expect(refusal(p, { code: CODE })).toBe(`${CODE} ya no tiene abierta la versión 2 que guarda ${p.undo}; no se descartó nada (si ese borrador se quitó a mano, borre esa copia)`);
  });

  it('a copy of a draft followed by a newer draft: the copy\'s version is no longer the open one', () => {
    const p = project();
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.versiones as unknown[]).push({ numero: 3, estado: 'borrador', descripcion: 'x' }));
    expect(refusal(p, { code: CODE, force: true })).toBe(`${CODE} ya no tiene abierta la versión 2 que guarda ${p.undo}; no se descartó nada (si ese borrador se quitó a mano, borre esa copia)`);
  });

  it('the same code with drafts in two entities, without --entidad', () => {
    const p = project();
    const other = join(p.dataDir, 'otra-entidad');
    cpSync(join(p.dataDir, SLUG), other, { recursive: true });
    expect(refusal(p, { code: CODE })).toBe(`el código ${CODE} tiene borradores en varias entidades (${SLUG}, otra-entidad); indique cuál con --entidad`);
  });

  it('a copy that is not JSON, or not of the right shape', () => {
    const p = project();
    writeFileSync(p.undo, '{ roto');
    expect(refusal(p, { code: CODE })).toBe(`${p.undo} no es una copia de deshacer legible; no se descartó nada`);
    const record = JSON.parse(readFileSync(undoPath(join(project().dataDir, SLUG), CODE), 'utf8')) as { archivos: { ruta: string }[] };
    for (const broken of [
      { ...record, codigo: 7 },
      { ...record, version: 'dos' },
      { ...record, archivos: 'x' },
      { ...record, archivos: [{ ...record.archivos[0]!, ruta: '../../fuera.json' }] },
      { ...record, archivos: [{ ...record.archivos[0]!, ruta: 'documentos/x.txt' }] },
      { ...record, archivos: [{ ...record.archivos[0]!, antes: 1 }] },
      { ...record, archivos: [{ ...record.archivos[0]!, sha256Abierto: null }] },
      { ...record, archivos: [null] },
    ]) {
      writeFileSync(p.undo, JSON.stringify(broken));
      expect(refusal(p, { code: CODE })).toBe(`${p.undo} no es una copia de deshacer válida (¿editada a mano?); no se descartó nada`);
    }
  });

  describe('--todos-de', () => {
    it('an unreadable norm catalogue', () => {
      const p = project();
      writeFileSync(join(p.dataDir, 'normas.json'), '{');
      expect(refusal(p, { allOf: 'Ley 1712 de 2014' })).toBe(
        `no se pudo leer el normograma ${join(p.dataDir, 'normas.json')} para saber qué norma es "Ley 1712 de 2014"; corríjalo (docctl validar) o descarte cada borrador con docctl descartar <CÓDIGO>`,
      );
    });

    it('a norm not in the catalogue, with the closest as a hint', () => {
      expect(refusal(project(), { allOf: 'Ley 1713 de 2014' })).toBe('la norma "Ley 1713 de 2014" no está en el normograma; ¿quiso decir "Ley 1712 de 2014"?');
    });

    it('a norm with no draft opened by docctl impacto', () => {
      expect(refusal(project(), { allOf: 'Ley 1712 de 2014' })).toBe('no hay borradores abiertos por docctl impacto "Ley 1712 de 2014" --abrir-versiones: no hay nada que descartar');
    });
  });
});

describe('docctl descartar writes the data back', () => {
  it('byte for byte as before the opening, removes the copy and its folder, and says so', () => {
    const p = project();
    expect(readFileSync(p.docFile, 'utf8')).not.toBe(p.pristine);
    expect(runDiscard(p.options, args({ code: CODE }))).toBe(0);
    expect(readFileSync(p.docFile, 'utf8')).toBe(p.pristine);
    expect(existsSync(p.undo)).toBe(false);
    expect(existsSync(join(p.dataDir, SLUG, 'deshacer'))).toBe(false);
    expect(output.stdout.join('')).toBe(`${CODE}: se descartó la versión 2 (borrador); ${p.docFile} quedó como antes de abrirla\n`);
  });

  it('with --forzar, edits of the draft included, in the JSON and in a Markdown file', () => {
    const p = project({ open: false });
    mkdirSync(join(p.dataDir, SLUG, 'documentos', 'GC-P-001'));
    const md = join(p.dataDir, SLUG, 'documentos', 'GC-P-001', 'alcance.md');
    writeFileSync(md, 'Texto aprobado.\n');
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.secciones as unknown[]).push({ titulo: 'Alcance', archivo: 'GC-P-001/alcance.md' }));
    const approvedJson = readFileSync(p.docFile, 'utf8');
    expect(runVersion(p.options, CODE, 'Actualización')).toBe(0);
    writeFileSync(md, 'Texto editado en el borrador.\n');
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.titulo = 'Otro título'));
    output.stdout.length = 0;
    expect(runDiscard(p.options, args({ code: CODE, force: true }))).toBe(0);
    expect(readFileSync(p.docFile, 'utf8')).toBe(approvedJson);
    expect(readFileSync(md, 'utf8')).toBe('Texto aprobado.\n');
    expect(output.stdout.join('')).toBe(`${CODE}: se descartó la versión 2 (borrador); ${p.docFile}, ${md} quedaron como antes de abrirla\n`);
  });

  it('a discard interrupted after writing back: only the copy is left to remove', () => {
    const p = project();
    writeFileSync(p.docFile, p.pristine);
    expect(runDiscard(p.options, args({ code: CODE }))).toBe(0);
    expect(existsSync(p.undo)).toBe(false);
    expect(output.stdout.join('')).toBe(`${CODE}: se descartó la versión 2 (borrador); sus archivos quedaron como antes de abrirla\n`);
  });

  it('--entidad picks one of two entities with the same code', () => {
    const p = project();
    const other = join(p.dataDir, 'otra-entidad');
    cpSync(join(p.dataDir, SLUG), other, { recursive: true });
    expect(runDiscard(p.options, args({ code: CODE, entity: 'otra-entidad' }))).toBe(0);
    expect(readFileSync(join(other, 'documentos', 'GC-P-001.json'), 'utf8')).toBe(p.pristine);
    expect(readFileSync(p.docFile, 'utf8')).not.toBe(p.pristine);
    expect(existsSync(p.undo)).toBe(true);
  });

  it('--todos-de discards every draft the norm opened, and only those', () => {
    const p = project({ open: false });
    const json = (path: string) => readFileSync(path, 'utf8');
    const before = json(p.docFile);
    // A copy as docctl impacto --abrir-versiones saves it, for the draft opened below.
    editJson(p.dataDir, MINIMAL_DOC, (doc) => (doc.versiones as unknown[]).push({ numero: 2, estado: 'borrador', descripcion: 'Ley 1712' }));
    const opened = json(p.docFile);
    saveUndo(p.docFile, CODE, 2, before, opened, [], 'ley-1712-2014');
    expect(readUndo(p.undo).abiertoPor).toBe('ley-1712-2014');
    expect(runDiscard(p.options, args({ allOf: 'ley 1712 del 2014' }))).toBe(0);
    expect(json(p.docFile)).toBe(before);
    expect(listUndo(p.dataDir)).toEqual([]);
  });
});

describe('the undo copy (draft-undo.ts)', () => {
  it('records the code, the version, the text before and the hash after, and no abiertoPor unless given', () => {
    const p = project();
    const record = readUndo(p.undo);
    expect(record).toMatchObject({ codigo: CODE, version: 2, archivos: [{ ruta: `documentos/${CODE}.json`, antes: p.pristine }] });
    expect('abiertoPor' in record).toBe(false);
    expect(record.aviso).toBe(`Copia de ${CODE} de antes de abrir su versión 2 (borrador). docctl descartar ${CODE} la restaura; se borra al aprobar o descartar la versión. No la edite.`);
    expect(planRestore(join(p.dataDir, SLUG), record).edited).toEqual([]);
  });

  it('a file deleted since the opening counts as edited', () => {
    const p = project();
    rmSync(p.docFile);
    const plan = planRestore(join(p.dataDir, SLUG), readUndo(p.undo));
    expect(plan.edited).toEqual([p.docFile]);
    expect(plan.files[0]!.current).toBeUndefined();
  });

  it('listUndo finds each copy with its entity, and nothing in a missing data folder', () => {
    const p = project();
    expect(listUndo(p.dataDir)).toEqual([{ entityDir: join(p.dataDir, SLUG), slug: SLUG, path: p.undo, code: CODE }]);
    writeFileSync(join(p.dataDir, SLUG, 'deshacer', 'nota.txt'), 'x');
    expect(listUndo(p.dataDir).map((u) => u.code)).toEqual([CODE]);
    expect(listUndo(join(p.dir, 'no-existe'))).toEqual([]);
  });
});
