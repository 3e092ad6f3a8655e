// The archive's verification (src/archive/verify.ts, register.ts,
// manifest.ts) called in this process, so that `npm run mutacion` can kill
// its mutants (test/reliability/archive-record.test.ts checks the same
// findings through the CLI, where no mutant is active). Each case copies
// one seed entity's committed archive, breaks one thing, and asserts the
// one finding: its file, its line where there is one, its message.
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readManifest, sha256 } from '../../src/archive/manifest.js';
import { annulment, appendRegister, archivingEntry, readRegister } from '../../src/archive/register.js';
import { archiveFindings, archivesBySlug, inForce, inspectArchives, inspectEntityArchive, versionsOf } from '../../src/archive/verify.js';
import { SEEDS } from '../support/project.js';

const SLUG = 'personeria-cartagena';
const CODE = 'DE-P-007';
const NOW = new Date('2026-11-30T00:00:00.000Z');

/** A data folder holding only the seed entity's archive (what verify reads). */
function archiveCopy() {
  const data = join(mkdtempSync(join(tmpdir(), 'docctl-verify-')), 'data');
  const archive = join(data, SLUG, 'archivo');
  cpSync(join(SEEDS, SLUG, 'archivo'), archive, { recursive: true });
  const v1 = join(archive, CODE, 'v1');
  const register = join(archive, 'registro.jsonl');
  const inspect = () => inspectEntityArchive(data, SLUG);
  return { data, archive, v1, register, inspect };
}

type Copy = ReturnType<typeof archiveCopy>;
/** The findings as "file relative to the archive[:line]: message". */
const findings = (p: Copy) => p.inspect().findings.map((f) => `${f.file.slice(p.archive.length + 1) || '.'}${f.line === undefined ? '' : `:${f.line}`}: ${f.message}`);
const registerLines = (p: Copy) => readFileSync(p.register, 'utf8').split('\n').filter(Boolean);
const writeLines = (p: Copy, lines: string[]) => writeFileSync(p.register, lines.map((l) => `${l}\n`).join(''));

/** A register line with its own hash recomputed, as someone who knows the format would forge it. */
function resigned(entry: Record<string, unknown>): string {
  const { sha256: _old, ...rest } = entry;
  return JSON.stringify({ ...rest, sha256: sha256(JSON.stringify(rest)) });
}

describe('an intact archive', () => {
  it('has no finding, one intact registered version per folder, and every listed file hashed', () => {
    const p = archiveCopy();
    const archive = p.inspect();
    expect(archive.findings).toEqual([]);
    expect(archive.register.problems).toEqual([]);
    expect(archive.versions.map((v) => [v.code, v.number, v.intact, v.filesIntact, v.registered, v.annulled])).toEqual([[CODE, 1, true, true, true, undefined]]);
    expect(archive.checked).toBe(archive.versions[0]!.manifest.archivos.length);
    expect(archive.checked).toBeGreaterThan(1);
    expect(archive.register.head).toBe(JSON.parse(registerLines(p).at(-1)!).sha256);
    expect(archive.versions[0]!.manifestSha256).toBe(sha256(readFileSync(join(p.v1, 'manifiesto.json'))));
  });

  it('inspectArchives lists each entity that has an archive, in order, and none for a missing data folder', () => {
    const p = archiveCopy();
    mkdirSync(join(p.data, 'sin-archivo'));
    mkdirSync(join(p.data, '.oculta', 'archivo'), { recursive: true });
    expect(inspectArchives(p.data).map((a) => a.slug)).toEqual([SLUG]);
    expect(inspectArchives(join(p.data, 'no-existe'))).toEqual([]);
    expect([...archivesBySlug(inspectArchives(p.data)).keys()]).toEqual([SLUG]);
  });

  it('an entity without an archive folder has no version and no finding', () => {
    const p = archiveCopy();
    const none = inspectEntityArchive(p.data, 'otra-entidad');
    expect([none.versions, none.findings, none.checked, none.register.entries]).toEqual([[], [], 0, []]);
  });
});

describe('each archived file against its manifest', () => {
  it('a deleted file', () => {
    const p = archiveCopy();
    rmSync(join(p.v1, `${CODE}-v1.docx`));
    expect(findings(p)).toEqual([`${CODE}/v1/${CODE}-v1.docx: falta (fue borrado o movido)`]);
    expect(p.inspect().versions[0]).toMatchObject({ intact: false, filesIntact: false, registered: true });
  });

  it('a file whose bytes changed, size kept', () => {
    const p = archiveCopy();
    const pdf = join(p.v1, `${CODE}-v1.pdf`);
    const bytes = readFileSync(pdf);
    bytes[bytes.length - 10] = bytes[bytes.length - 10]! ^ 0xff;
    writeFileSync(pdf, bytes);
    expect(findings(p)).toEqual([`${CODE}/v1/${CODE}-v1.pdf: fue modificado: su SHA-256 no coincide con el del manifiesto`]);
  });

  it('a file one byte longer (the size is checked, not only the hash)', () => {
    const p = archiveCopy();
    const html = join(p.v1, `${CODE}-v1.html`);
    writeFileSync(html, Buffer.concat([readFileSync(html), Buffer.from(' ')]));
    expect(findings(p)).toEqual([`${CODE}/v1/${CODE}-v1.html: fue modificado: su SHA-256 no coincide con el del manifiesto`]);
  });

  it('a file replaced by a link to the same bytes', () => {
    const p = archiveCopy();
    const html = join(p.v1, `${CODE}-v1.html`);
    const elsewhere = join(p.data, 'copia.html');
    cpSync(html, elsewhere);
    rmSync(html);
    symlinkSync(elsewhere, html);
    expect(findings(p)).toEqual([`${CODE}/v1/${CODE}-v1.html: no es un archivo regular (¿un enlace o una carpeta?)`]);
  });

  it('a file the manifest does not list', () => {
    const p = archiveCopy();
    writeFileSync(join(p.v1, 'nota.txt'), 'añadido después\n');
    expect(findings(p)).toEqual([`${CODE}/v1/nota.txt: no figura en el manifiesto: no es parte de lo archivado`]);
    expect(p.inspect().versions[0]).toMatchObject({ intact: false, filesIntact: false });
  });
});

describe('each manifest', () => {
  /** Rewrites the manifest through a function, and its hash in the register, so that only the edit is at fault. */
  function editManifest(p: Copy, edit: (m: Record<string, unknown>) => void) {
    const path = join(p.v1, 'manifiesto.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
    edit(manifest);
    const text = `${JSON.stringify(manifest, null, 2)}\n`;
    writeFileSync(path, text);
    const [first] = registerLines(p);
    writeLines(p, [resigned({ ...JSON.parse(first!), manifiestoSha256: sha256(text) })]);
  }

  it('missing, with the folder\'s files still there: restore, never rewrite', () => {
    const p = archiveCopy();
    rmSync(join(p.v1, 'manifiesto.json'));
    expect(findings(p)).toEqual([
      `${CODE}/v1/manifiesto.json: falta el manifiesto (manifiesto.json); la carpeta tiene archivos pero no un manifiesto válido: lo archivado no se reescribe; restáurelo desde la copia de seguridad (git)`,
    ]);
    expect(p.inspect().versions).toEqual([]);
  });

  it('missing in an empty folder', () => {
    const p = archiveCopy();
    rmSync(p.v1, { recursive: true });
    mkdirSync(p.v1);
    expect(findings(p)).toEqual([`${CODE}/v1/manifiesto.json: falta el manifiesto (manifiesto.json); la carpeta está vacía: restáurela desde la copia de seguridad (git)`]);
  });

  it('not JSON', () => {
    const p = archiveCopy();
    writeFileSync(join(p.v1, 'manifiesto.json'), '{ no es json');
    expect(readManifest(p.v1)).toEqual({ problem: 'el manifiesto no es JSON válido' });
    expect(findings(p)[0]).toMatch(/^DE-P-007\/v1\/manifiesto\.json: el manifiesto no es JSON válido; la carpeta tiene archivos/);
  });

  it('of the wrong shape: names the field', () => {
    const p = archiveCopy();
    editManifest(p, (m) => delete m.codigo);
    expect(readManifest(p.v1)).toEqual({ problem: expect.stringMatching(/^el manifiesto no tiene la forma esperada \(codigo: /) });
  });

  it('of the wrong shape deep inside: names the whole path', () => {
    const p = archiveCopy();
    editManifest(p, (m) => ((m.archivos as Record<string, unknown>[])[0]!.sha256 = 'abc'));
    expect(readManifest(p.v1)).toEqual({ problem: expect.stringMatching(/^el manifiesto no tiene la forma esperada \(archivos\.0\.sha256: /) });
  });

  it('that cannot be read (a folder in its place): says why', () => {
    const p = archiveCopy();
    rmSync(join(p.v1, 'manifiesto.json'));
    mkdirSync(join(p.v1, 'manifiesto.json'));
    expect(readManifest(p.v1)).toEqual({ problem: 'no se pudo leer el manifiesto (EISDIR)' });
  });

  it('an unknown key (the schema is strict)', () => {
    const p = archiveCopy();
    editManifest(p, (m) => (m.extra = 1));
    expect(readManifest(p.v1)).toEqual({ problem: expect.stringMatching(/^el manifiesto no tiene la forma esperada \(raíz: /) });
  });

  it('saying another version than its folder', () => {
    const p = archiveCopy();
    editManifest(p, (m) => (m.version = 2));
    expect(findings(p)).toEqual([`${CODE}/v1/manifiesto.json: el manifiesto dice ${SLUG}/${CODE}/v2, pero está en ${SLUG}/archivo/${CODE}/v1`]);
  });

  it('saying another code, or another entity', () => {
    const code = archiveCopy();
    editManifest(code, (m) => (m.codigo = 'DE-P-008'));
    expect(findings(code)).toEqual([`${CODE}/v1/manifiesto.json: el manifiesto dice ${SLUG}/DE-P-008/v1, pero está en ${SLUG}/archivo/${CODE}/v1`]);
    const entity = archiveCopy();
    editManifest(entity, (m) => (m.entidad = 'otra'));
    expect(findings(entity)).toEqual([`${CODE}/v1/manifiesto.json: el manifiesto dice otra/${CODE}/v1, pero está en ${SLUG}/archivo/${CODE}/v1`]);
  });

  it('without fuente.json, where the version is published from', () => {
    const p = archiveCopy();
    rmSync(join(p.v1, 'fuente.json'));
    editManifest(p, (m) => (m.archivos = (m.archivos as { nombre: string }[]).filter((f) => f.nombre !== 'fuente.json')));
    expect(findings(p)).toEqual([`${CODE}/v1/manifiesto.json: el manifiesto no incluye fuente.json, de donde se publica la versión`]);
  });

  it('replaced together with a file\'s hash: the register holds the manifest\'s hash', () => {
    const p = archiveCopy();
    const path = join(p.v1, 'manifiesto.json');
    const manifest = JSON.parse(readFileSync(path, 'utf8')) as { archivos: { nombre: string; sha256: string; bytes: number }[] };
    const html = join(p.v1, `${CODE}-v1.html`);
    writeFileSync(html, 'otro contenido');
    const entry = manifest.archivos.find((f) => f.nombre === `${CODE}-v1.html`)!;
    entry.sha256 = sha256('otro contenido');
    entry.bytes = 'otro contenido'.length;
    writeFileSync(path, `${JSON.stringify(manifest, null, 2)}\n`);
    expect(findings(p)).toEqual([`${CODE}/v1/manifiesto.json: fue modificado: su SHA-256 no coincide con el del registro (entrada 1)`]);
    expect(p.inspect().versions[0]).toMatchObject({ intact: false, filesIntact: true, registered: true });
  });
});

describe('the archive\'s folders', () => {
  it('a version folder the register does not name', () => {
    const p = archiveCopy();
    writeLines(p, []);
    expect(findings(p)).toEqual([`${CODE}/v1: la versión no figura en el registro registro.jsonl`]);
    expect(p.inspect().versions[0]).toMatchObject({ intact: false, filesIntact: true, registered: false });
  });

  it('a register entry without its folder', () => {
    const p = archiveCopy();
    rmSync(join(p.archive, CODE), { recursive: true });
    expect(findings(p)).toEqual([`registro.jsonl:1: la entrada 1 (aprobacion de ${CODE} v1) no tiene su carpeta ${CODE}/v1: fue borrada o movida`]);
  });

  it('a register entry without its folder, beside the code\'s other versions', () => {
    const p = archiveCopy();
    const manifest = readFileSync(join(p.v1, 'manifiesto.json'));
    appendRegister(p.archive, { evento: 'aprobacion', codigo: CODE, version: 2, manifiestoSha256: sha256(manifest) }, NOW);
    expect(findings(p)).toEqual([`registro.jsonl:2: la entrada 2 (aprobacion de ${CODE} v2) no tiene su carpeta ${CODE}/v2: fue borrada o movida`]);
  });

  it('a folder without a manifest still counts the files checked in the others', () => {
    const p = archiveCopy();
    const intact = p.inspect().checked;
    mkdirSync(join(p.archive, 'OTRO-001', 'v1'), { recursive: true });
    const archive = p.inspect();
    expect(archive.checked).toBe(intact);
    expect(archive.findings.map((f) => f.message)).toEqual([
      'falta el manifiesto (manifiesto.json); la carpeta está vacía: restáurela desde la copia de seguridad (git)',
    ]);
  });

  it('a file at the archive\'s top level, and a folder that is not v<N>', () => {
    const p = archiveCopy();
    writeFileSync(join(p.archive, 'notas.txt'), 'x');
    mkdirSync(join(p.archive, CODE, 'v1-copia'));
    writeFileSync(join(p.archive, CODE, 'v2'), 'no es carpeta');
    mkdirSync(join(p.archive, CODE, 'v0'));
    expect(findings(p)).toEqual([
      `${CODE}/v0: no es una carpeta de versión (v1, v2…)`,
      `${CODE}/v1-copia: no es una carpeta de versión (v1, v2…)`,
      `${CODE}/v2: no es una carpeta de versión (v1, v2…)`,
      'notas.txt: no es parte del archivo (solo caben registro.jsonl y una carpeta por código)',
    ]);
  });

  it('hidden entries (a lock, a folder being sealed) are not findings', () => {
    const p = archiveCopy();
    writeFileSync(join(p.archive, '.docctl.lock'), '');
    mkdirSync(join(p.archive, '.preparando-abc'));
    expect(findings(p)).toEqual([]);
  });

  it('versions of a code are listed in numeric order (v2 before v10)', () => {
    const p = archiveCopy();
    for (const n of [10, 2]) {
      cpSync(p.v1, join(p.archive, CODE, `v${n}`), { recursive: true });
    }
    expect(p.inspect().findings.map((f) => f.file.slice(p.archive.length + 1))).toEqual([
      // Each copy says v1 in its manifest and is not registered: listed v2 then v10.
      `${CODE}/v2/manifiesto.json`,
      `${CODE}/v2`,
      `${CODE}/v10/manifiesto.json`,
      `${CODE}/v10`,
    ]);
  });
});

describe('the register', () => {
  it('an entry edited after it was written: its own hash, and the chain after it', () => {
    const p = archiveCopy();
    const manifest = readFileSync(join(p.v1, 'manifiesto.json'));
    appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: sha256(manifest), motivo: 'prueba', por: 'Ana' }, NOW);
    const [first, second] = registerLines(p);
    writeLines(p, [first!.replace('"aprobacion"', '"migracion"'), second!]);
    const stated = JSON.parse(first!).sha256 as string;
    const edited = sha256(JSON.stringify((({ sha256: _s, ...rest }) => rest)(JSON.parse(first!.replace('"aprobacion"', '"migracion"')))));
    expect(readRegister(p.archive).problems).toEqual([
      { line: 1, message: 'la entrada 1 fue modificada: su SHA-256 no coincide con su contenido' },
      { line: 2, message: `la cadena está rota: la entrada 2 no apunta a la anterior (${edited})` },
    ]);
    expect(stated).not.toBe(edited);
    // Every version is then not intact, though its files are.
    expect(p.inspect().versions[0]).toMatchObject({ intact: false, filesIntact: true });
    expect(findings(p).slice(0, 2)).toEqual([
      'registro.jsonl:1: la entrada 1 fue modificada: su SHA-256 no coincide con su contenido',
      `registro.jsonl:2: la cadena está rota: la entrada 2 no apunta a la anterior (${edited})`,
    ]);
  });

  it('an entry re-signed after an edit still breaks the link to it', () => {
    const p = archiveCopy();
    appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: '0'.repeat(64) }, NOW);
    const [first, second] = registerLines(p);
    const forged = resigned({ ...JSON.parse(first!), fecha: '2020-01-01T00:00:00.000Z' });
    writeLines(p, [forged, second!]);
    expect(readRegister(p.archive).problems).toEqual([{ line: 2, message: `la cadena está rota: la entrada 2 no apunta a la anterior (${JSON.parse(forged).sha256})` }]);
  });

  it('a removed first line', () => {
    const p = archiveCopy();
    appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: '0'.repeat(64) }, NOW);
    const [, second] = registerLines(p);
    writeLines(p, [second!]);
    expect(readRegister(p.archive).problems).toEqual([
      { line: 1, message: 'se esperaba la entrada 1 y dice 2: falta o sobra una línea' },
      { line: 1, message: `la cadena está rota: la entrada 2 no apunta a la anterior (ninguna)` },
    ]);
  });

  it('a last line cut short', () => {
    const p = archiveCopy();
    const text = readFileSync(p.register, 'utf8');
    writeFileSync(p.register, `${text}{"n":2`);
    expect(readRegister(p.archive).problems).toEqual([
      { line: 2, message: 'la última línea está incompleta (no termina en salto de línea)' },
      { line: 2, message: 'la línea no es JSON válido' },
    ]);
  });

  it('the last line whole but without its line break', () => {
    const p = archiveCopy();
    writeFileSync(p.register, readFileSync(p.register, 'utf8').trimEnd());
    expect(readRegister(p.archive).problems).toEqual([{ line: 1, message: 'la última línea está incompleta (no termina en salto de línea)' }]);
  });

  it('a line of another shape', () => {
    const p = archiveCopy();
    writeLines(p, [...registerLines(p), JSON.stringify({ n: 2, evento: 'borrado' })]);
    expect(readRegister(p.archive).problems).toEqual([{ line: 2, message: 'la línea no tiene la forma de una entrada del registro' }]);
  });

  it('an empty register, and a missing one, have no entry, no head and no problem', () => {
    const p = archiveCopy();
    writeFileSync(p.register, '');
    expect(readRegister(p.archive)).toMatchObject({ entries: [], head: undefined, problems: [], text: '' });
    rmSync(p.register);
    expect(readRegister(p.archive)).toMatchObject({ entries: [], head: undefined, problems: [], text: '' });
  });

  it('a register that cannot be read (a folder in its place)', () => {
    const p = archiveCopy();
    rmSync(p.register);
    mkdirSync(p.register);
    expect(readRegister(p.archive).problems).toEqual([{ line: 0, message: 'no se pudo leer (EISDIR)' }]);
    // Line 0 means the whole file: no line is named.
    expect(p.inspect().findings[0]).toEqual({ file: p.register, line: undefined, message: 'no se pudo leer (EISDIR)' });
  });

  it('appending chains each entry to the one before, numbered, with every optional field only when given', () => {
    const p = archiveCopy();
    const head = readRegister(p.archive).head;
    const entry = appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: 'a'.repeat(64), motivo: 'error', por: 'Comité' }, NOW);
    expect(entry).toMatchObject({ n: 2, fecha: NOW.toISOString(), anterior: head, motivo: 'error', por: 'Comité' });
    expect(Object.keys(entry)).toEqual(['n', 'fecha', 'evento', 'codigo', 'version', 'manifiestoSha256', 'motivo', 'por', 'anterior', 'sha256']);
    const migrated = appendRegister(p.archive, { evento: 'migracion', codigo: CODE, version: 1, manifiestoSha256: 'b'.repeat(64), desde: 'output/archivo' }, NOW);
    expect(Object.keys(migrated)).toEqual(['n', 'fecha', 'evento', 'codigo', 'version', 'manifiestoSha256', 'desde', 'anterior', 'sha256']);
    const read = readRegister(p.archive);
    expect(read.problems).toEqual([]);
    expect(read.entries.map((e) => e.n)).toEqual([1, 2, 3]);
    expect(read.head).toBe(migrated.sha256);
    expect(registerLines(p).at(-1)).toBe(JSON.stringify(migrated));
  });

  it('the time of an entry is SOURCE_DATE_EPOCH when set (seconds), else now', () => {
    const p = archiveCopy();
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      process.env.SOURCE_DATE_EPOCH = '1764460800';
      expect(appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: 'a'.repeat(64) }).fecha).toBe('2025-11-30T00:00:00.000Z');
      process.env.SOURCE_DATE_EPOCH = 'ayer';
      const before = Date.now();
      const fecha = Date.parse(appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: 'a'.repeat(64) }).fecha);
      expect(fecha).toBeGreaterThanOrEqual(before - 1000);
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });

  it('refuses to extend a broken chain', () => {
    const p = archiveCopy();
    writeFileSync(p.register, `${readFileSync(p.register, 'utf8')}no json\n`);
    const before = readFileSync(p.register);
    expect(() => appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: 'a'.repeat(64) }, NOW)).toThrow(/must be verified before appending/);
    expect(readFileSync(p.register)).toEqual(before);
  });
});

describe('what the register says of a version', () => {
  it('the archiving entry is the last that names it and is not an annulment; the annulment is found apart; annulled versions are not in force', () => {
    const p = archiveCopy();
    const manifestSha = sha256(readFileSync(join(p.v1, 'manifiesto.json')));
    appendRegister(p.archive, { evento: 'migracion', codigo: CODE, version: 1, manifiestoSha256: manifestSha, desde: 'output' }, NOW);
    appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: manifestSha, motivo: 'error', por: 'Comité' }, NOW);
    const { entries } = readRegister(p.archive);
    expect(archivingEntry(entries, CODE, 1)?.n).toBe(2);
    expect(archivingEntry(entries, CODE, 2)).toBeUndefined();
    expect(archivingEntry(entries, 'OTRO', 1)).toBeUndefined();
    expect(annulment(entries, CODE, 1)?.n).toBe(3);
    expect(annulment(entries, CODE, 2)).toBeUndefined();
    expect(annulment(entries, 'OTRO', 1)).toBeUndefined();
    const archive = p.inspect();
    expect(archive.findings).toEqual([]);
    expect(archive.versions[0]!.annulled?.motivo).toBe('error');
    expect(inForce(versionsOf(archive, CODE))).toBeUndefined();
  });

  it('versionsOf keeps one code, oldest first; inForce is the newest not annulled', () => {
    const p = archiveCopy();
    const archive = p.inspect();
    const v1 = archive.versions[0]!;
    const v3 = { ...v1, number: 3, annulled: undefined };
    const v2 = { ...v1, number: 2, annulled: undefined };
    const other = { ...v1, code: 'OTRO', number: 9 };
    const fake = { ...archive, versions: [v3, other, v1, v2] };
    expect(versionsOf(fake, CODE).map((v) => v.number)).toEqual([1, 2, 3]);
    expect(versionsOf(undefined, CODE)).toEqual([]);
    expect(inForce(versionsOf(fake, CODE))?.number).toBe(3);
    const annulledV3 = { ...v3, annulled: archive.register.entries[0] };
    expect(inForce([v1, v2, annulledV3])?.number).toBe(2);
  });

  it('archiveFindings turns each finding into an error naming the file and line, saying nothing archived is published', () => {
    const p = archiveCopy();
    rmSync(join(p.archive, CODE), { recursive: true });
    const [problem, ...rest] = archiveFindings([p.inspect()]);
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ severity: 'error', line: 1 });
    expect(problem!.message).toBe(`la entrada 1 (aprobacion de ${CODE} v1) no tiene su carpeta ${CODE}/v1: fue borrada o movida; lo archivado no se publica ni se reescribe hasta que se restaure (docctl verificar lo comprueba)`);
    expect(problem!.file).toMatch(/personeria-cartagena\/archivo\/registro\.jsonl$/);
  });
});

describe('the register\'s clock', () => {
  it('takes SOURCE_DATE_EPOCH only when it is all digits: a sign or a suffix means now', () => {
    const p = archiveCopy();
    const saved = process.env.SOURCE_DATE_EPOCH;
    try {
      for (const epoch of ['-5', '5x', ' 5']) {
        process.env.SOURCE_DATE_EPOCH = epoch;
        const before = Date.now();
        const fecha = Date.parse(appendRegister(p.archive, { evento: 'anulacion', codigo: CODE, version: 1, manifiestoSha256: 'a'.repeat(64) }).fecha);
        expect(fecha, epoch).toBeGreaterThanOrEqual(before - 1000);
      }
    } finally {
      if (saved === undefined) delete process.env.SOURCE_DATE_EPOCH;
      else process.env.SOURCE_DATE_EPOCH = saved;
    }
  });
});
