// docctl anular in this process (src/commands/annul.ts), so that
// `npm run mutacion` can kill its mutants: each refusal alone with its
// message and the project byte-identical, and an annulment's register entry,
// data file and summary. Crashes between its steps are approve-crash.test.ts.
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output.js';
import { sha256 } from '../../src/archive/manifest.js';
import { appendRegister, readRegister } from '../../src/archive/register.js';
import { runAnnul, type AnnulArguments } from '../../src/commands/annul.js';
import { UserError } from '../../src/errors.js';
import { copyProject, editJson, SEEDS, TEMPLATES } from '../support/project.js';
import { hashTree } from '../support/tree-hash.js';

const SLUG = 'personeria-cartagena';
const CODE = 'DE-P-007';
const DOC = `${SLUG}/documentos/${CODE}.json`;

const output = captureOutput();

function project() {
  const dir = copyProject(SEEDS);
  const dataDir = join(dir, 'data');
  const options = { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
  const archive = join(dataDir, SLUG, 'archivo');
  return { dir, dataDir, options, archive, docFile: join(dataDir, DOC), state: () => hashTree(dir) };
}

const args = (over: Partial<AnnulArguments>): AnnulArguments => ({ code: CODE, version: '1', motivo: 'Se aprobó por error', por: 'Marta Díaz', entity: undefined, ...over });

async function refusal(p: ReturnType<typeof project>, over: Partial<AnnulArguments>): Promise<UserError> {
  const before = p.state();
  let thrown: unknown;
  try {
    await runAnnul(p.options, args(over));
  } catch (error) {
    thrown = error;
  }
  expect(thrown).toBeInstanceOf(UserError);
  expect(p.state()).toEqual(before);
  expect(output.stdout).toEqual([]);
  return thrown as UserError;
}

describe('docctl anular refuses, writing nothing', () => {
  it('without a code', async () => {
    expect((await refusal(project(), { code: undefined })).message).toBe('falta el código del documento: docctl anular <CÓDIGO> --version N --motivo "…"');
  });

  it('without --version, or with one that is not a version number', async () => {
    const p = project();
    expect((await refusal(p, { version: undefined })).message).toBe(`falta --version: diga qué versión se anula, p. ej. docctl anular ${CODE} --version 2 --motivo "…"`);
    for (const bad of ['dos', '0', '01', '1.0', ' 1', '1234567', '']) {
      expect((await refusal(p, { version: bad })).message).toBe(`--version "${bad}" no es un número de versión: diga qué versión se anula, p. ej. docctl anular ${CODE} --version 2 --motivo "…"`);
    }
  });

  it('without --motivo, or with a blank one', async () => {
    const p = project();
    const message = 'falta --motivo: por qué se anula la aprobación, p. ej. --motivo "Se aprobó por error sin el acta del comité"';
    expect((await refusal(p, { motivo: undefined })).message).toBe(message);
    expect((await refusal(p, { motivo: '   ' })).message).toBe(message);
  });

  it('a version that is not archived, naming those that are', async () => {
    expect((await refusal(project(), { version: '2' })).message).toBe(`la versión 2 de ${CODE} no está archivada; solo se anula una aprobación archivada (archivadas: 1)`);
  });

  it('a document with nothing archived', async () => {
    const p = project();
    rmSync(join(p.archive, CODE), { recursive: true });
    writeFileSync(join(p.archive, 'registro.jsonl'), '');
    expect((await refusal(p, {})).message).toBe(`la versión 1 de ${CODE} no está archivada; solo se anula una aprobación archivada`);
  });

  it('a version already annulled: when, by whom and why', async () => {
    const p = project();
    const manifest = readFileSync(join(p.archive, CODE, 'v1', 'manifiesto.json'));
    appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: sha256(manifest), motivo: 'Acta equivocada', por: 'Ana Pérez' }, new Date('2026-11-02T15:00:00Z'));
    expect((await refusal(p, {})).message).toBe(`la versión 1 de ${CODE} ya fue anulada el 2026-11-02 por Ana Pérez: Acta equivocada`);
  });

  it('when any archive of the data does not verify, with the findings', async () => {
    const p = project();
    rmSync(join(p.archive, CODE, 'v1', `${CODE}-v1.docx`));
    const error = await refusal(p, {});
    expect(error.message).toBe('el archivo de versiones no está intacto; restáurelo antes de anular (docctl verificar)');
    expect(error.problems.map((problem) => problem.message)).toEqual([expect.stringMatching(/^falta \(fue borrado o movido\); lo archivado no se publica/)]);
    expect(error.problems[0]!.file).toMatch(/DE-P-007\/v1\/DE-P-007-v1\.docx$/);
  });

  it('an archived version missing from "versiones" of the data file', async () => {
    const p = project();
    // The only version renumbered: v1 is archived, but the data no longer names it.
    editJson(p.dataDir, DOC, (doc) => ((doc.versiones as { numero: number }[])[0]!.numero = 7));
    const error = await refusal(p, {});
    expect(error.message).toMatch(/^\S*personeria-cartagena\/documentos\/DE-P-007\.json: la versión 1 está archivada pero falta en "versiones"; restaure el archivo de datos antes de anular$/);
  });
});

describe('docctl anular', () => {
  it('records who, when and why in the register, marks the version annulled in the data, and says nothing is in force', async () => {
    const p = project();
    const before = readRegister(p.archive);
    expect(await runAnnul(p.options, args({ motivo: '  Se aprobó sin acta  ' }))).toBe(0);
    const after = readRegister(p.archive);
    expect(after.problems).toEqual([]);
    const entry = after.entries.at(-1)!;
    expect(entry).toMatchObject({ n: before.entries.length + 1, evento: 'anulacion', codigo: CODE, version: 1, motivo: 'Se aprobó sin acta', por: 'Marta Díaz', anterior: before.head });
    expect(entry.manifiestoSha256).toBe(sha256(readFileSync(join(p.archive, CODE, 'v1', 'manifiesto.json'))));
    const doc = JSON.parse(readFileSync(p.docFile, 'utf8')) as { versiones: { anulada?: Record<string, unknown> }[] };
    expect(doc.versiones[0]!.anulada).toMatchObject({ motivo: 'Se aprobó sin acta', por: 'Marta Díaz' });
    const said = output.stdout.join('');
    expect(said).toContain(`${CODE} versión `);
    expect(said).toContain(`: aprobación anulada por Marta Díaz (entrada ${entry.n} de `);
    expect(said).toContain('registro.jsonl); nada se borró.\n');
    expect(said).toContain(`${CODE} no tiene ahora ninguna versión vigente: no se publica.\n`);
  });

  it('without --por, records the user who runs it', async () => {
    const p = project();
    expect(await runAnnul(p.options, args({ por: '  ' }))).toBe(0);
    const { userInfo } = await import('node:os');
    expect(readRegister(p.archive).entries.at(-1)!.por).toBe(userInfo().username || 'usuario desconocido');
  });
});
