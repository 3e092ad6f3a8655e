// Approval is safe (issue 16), through the real CLI: no approval dated after
// today, drafter ≠ approver however the name is disguised, approve shows
// what it will archive and asks (--si for scripts, refused without a
// terminal), and each version carries its own signers. Every refused run
// leaves data/ and output/ byte-identical, with the exact Spanish message and
// no stack trace.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { todayInColombia } from '../../src/dates.js';
import { CLI, MINIMAL, MINIMAL_DOC, REPO, runCli } from '../support/project.js';
import { hashTree } from '../support/tree-hash.js';

const STACK_LINE = /^\s+at .+:\d+:\d+\)?$/m;
const COMITE = 'Comité Institucional de Gestión y Desempeño';
const V2_SIGNER = { nombre: 'Pedro Ruiz Castaño', cargo: 'Alcalde (e)' };

type Doc = { versiones: Record<string, unknown>[] } & Record<string, unknown>;

/** The minimal project with version 1 archived and a draft of version 2 built: what every test starts from. */
let built: string;

beforeAll(() => {
  built = mkdtempSync(join(tmpdir(), 'docctl-approval-'));
  cpSync(MINIMAL, join(built, 'data'), { recursive: true });
  expect(cli(built, ['build']).status).toBe(0);
  editDoc(built, (doc) => {
    doc.versiones.push({
      numero: 2,
      estado: 'borrador',
      descripcion: 'Actualización del glosario',
      elaboro: { nombre: 'Luis Gómez', cargo: 'Profesional de Calidad' },
      reviso: { nombre: 'Ana Pérez', cargo: 'Jefa de Planeación' },
      aprobo: { nombre: 'Marta Díaz', cargo: 'Directora' },
      firmantes: [V2_SIGNER],
    });
  });
  const draft = cli(built, ['build']);
  expect(draft.status, draft.stderr).toBe(0);
});

function cli(project: string, args: readonly string[]) {
  return runCli([...args, '--datos', join(project, 'data'), '--salida', join(project, 'output')]);
}

function editDoc(project: string, edit: (doc: Doc) => void): void {
  const path = join(project, 'data', MINIMAL_DOC);
  const doc = JSON.parse(readFileSync(path, 'utf8')) as Doc;
  edit(doc);
  writeFileSync(path, `${JSON.stringify(doc, null, 2)}\n`);
}

function fresh(edit?: (doc: Doc) => void): string {
  const project = mkdtempSync(join(tmpdir(), 'docctl-approval-'));
  cpSync(built, project, { recursive: true });
  if (edit) editDoc(project, edit);
  return project;
}

const approveArgs = (...extra: string[]) => ['approve', 'GC-P-001', '--acta', '010', '--fecha', '2025-06-02', '--comite', COMITE, ...extra];
const docFileOf = (project: string) => join(project, 'data', MINIMAL_DOC);

/** Runs `docctl approve` on a pseudo-terminal (util-linux script), typing `answer`. */
function approveOnTerminal(project: string, answer: string) {
  const args = [...approveArgs(), '--datos', join(project, 'data'), '--salida', join(project, 'output')];
  const command = [process.execPath, ...CLI, ...args].map((a) => `'${a.replaceAll("'", "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd: REPO, input: answer, encoding: 'utf8' });
  return { status: result.status, output: result.stdout };
}

const SUMMARY = [
  'Se aprobará y archivará (lo archivado no se puede reescribir):',
  '  Documento:      GC-P-001 — Política de prueba',
  '  Versión:        2.0 (Actualización del glosario)',
  '  Fecha:          2025-06-02',
  '  Acta:           No. 010 del 2 de junio del 2025',
  `  Comité:         ${COMITE}`,
  '  Elaboró:        Luis Gómez, Profesional de Calidad',
  '  Revisó:         Ana Pérez, Jefa de Planeación',
  '  Aprobó:         Marta Díaz, Directora',
  '  Firmantes:     ',
  '    - Pedro Ruiz Castaño, Alcalde (e)',
  '  Clasificación:  Información pública',
  '',
].join('\n');

describe('approve refuses a future date', () => {
  it('--fecha 2099-12-31: names the option, the value and today in Colombia; nothing written', () => {
    const project = fresh();
    const before = hashTree(project);
    const result = cli(project, ['approve', 'GC-P-001', '--acta', '010', '--fecha', '2099-12-31', '--comite', COMITE, '--si']);
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `docctl: --fecha 2099-12-31 es posterior a hoy (${todayInColombia()}, hora de Colombia); la fecha de aprobación es la del acta, que ya ocurrió: escriba esa fecha u omita --fecha para usar la de hoy\n`,
    );
    expect(result.stdout).toBe('');
    expect(hashTree(project)).toEqual(before);
  });

  it('a future date already in the data stops check and build, naming file:line:col and field; build writes nothing', () => {
    const project = fresh((doc) => {
      doc.versiones[0]!.fecha = '2099-12-31';
    });
    const before = hashTree(project);
    const where = `${docFileOf(project)}:12:7: versiones[0].fecha: "2099-12-31" es posterior a hoy (${todayInColombia()}, hora de Colombia); una versión se aprueba en una fecha que ya ocurrió: escriba la fecha real`;
    const check = cli(project, ['check']);
    expect(check.status).toBe(1);
    expect(check.stderr).toContain(`${where}\n`);
    expect(check.stderr).not.toMatch(STACK_LINE);
    const build = cli(project, ['build']);
    expect(build.status).toBe(1);
    expect(build.stderr).toContain(`${where}\n`);
    expect(build.stderr).toContain('No se generó ningún archivo: corrija los errores y vuelva a intentarlo.\n');
    expect(hashTree(project)).toEqual(before);
  });
});

describe('approve refuses the drafter as approver', () => {
  it('however the name is disguised (an invisible character): the message shows it, nothing written', () => {
    const project = fresh((doc) => {
      doc.versiones[1]!.aprobo = { nombre: 'luis\u200BGÓMEZ.', cargo: 'Director' };
    });
    const before = hashTree(project);
    const result = cli(project, approveArgs('--si'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `docctl: ${docFileOf(project)}: versiones[1].aprobo.nombre: "luis<U+200B>GÓMEZ." elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2): es la misma persona que elaboro.nombre ("Luis Gómez"); indique otra persona en "aprobo"\n`,
    );
    expect(result.stdout).toBe('');
    expect(hashTree(project)).toEqual(before);
    // check had already said so, as a warning on the draft.
    const check = cli(project, ['check']);
    expect(check.status).toBe(0);
    expect(check.stderr).toContain('versiones[1].aprobo.nombre: "luis<U+200B>GÓMEZ." es quien elaboró este borrador (elaboro.nombre: "Luis Gómez"); así no podrá aprobarse');
  });

  it('a name without any letter names nobody', () => {
    const project = fresh((doc) => {
      doc.versiones[1]!.reviso = { nombre: '…', cargo: 'Jefa de Planeación' };
    });
    const before = hashTree(project);
    const result = cli(project, approveArgs('--si'));
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `docctl: ${docFileOf(project)}: para aprobar, la versión 2 debe decir quién elaboró, revisó y aprobó; faltan: versiones[1].reviso.nombre (Revisó)\n`,
    );
    expect(hashTree(project)).toEqual(before);
  });
});

describe('approve shows what it will archive and asks', () => {
  it('without a terminal and without --si: shows the summary, refuses saying to add --si, writes nothing', () => {
    const project = fresh();
    const before = hashTree(project);
    const result = cli(project, approveArgs());
    expect(result.status).toBe(1);
    expect(result.stdout).toBe(SUMMARY);
    expect(result.stderr).toBe(
      'docctl: docctl aprobar pide confirmación y aquí no hay una terminal donde preguntar; no se aprobó nada. Si revisó lo de arriba y quiere aprobar desde un script, agregue --si: docctl aprobar GC-P-001 --acta "…" --si\n',
    );
    expect(hashTree(project)).toEqual(before);
  });

  it('on a terminal, answering "n" (or nothing) approves nothing', () => {
    for (const answer of ['n\n', '\n']) {
      const project = fresh();
      const before = hashTree(project);
      const result = approveOnTerminal(project, answer);
      expect(result.status).toBe(1);
      expect(result.output).toContain('Firmantes:');
      expect(result.output).toContain('¿Aprobar y archivar? [s/N]');
      expect(result.output).toContain('No se aprobó nada: los datos y lo archivado quedan como estaban.');
      expect(result.output).not.toMatch(STACK_LINE);
      expect(hashTree(project)).toEqual(before);
    }
  });

  // Regression: the pseudo-terminal has no size (0 columns), which made the
  // build's progress line an "error interno" after the data was already edited.
  it('on a terminal, answering "s" approves and archives', () => {
    const project = fresh();
    const result = approveOnTerminal(project, 's\n');
    expect(result.status, result.output).toBe(0);
    expect(result.output).toContain('¿Aprobar y archivar? [s/N]');
    expect(result.output).toContain('GC-P-001 versión 2.0 aprobada mediante el acta No. 010 (2025-06-02) y archivada en ');
    const v2 = (JSON.parse(readFileSync(docFileOf(project), 'utf8')) as Doc).versiones[1]!;
    expect(v2).toMatchObject({ fecha: '2025-06-02', acta: { numero: '010', fecha: '2025-06-02', comite: COMITE } });
    expect(v2.estado).toBeUndefined();
    const manifest = JSON.parse(readFileSync(join(project, 'data', 'entidad-prueba', 'archivo', 'GC-P-001', 'v2', 'manifiesto.json'), 'utf8'));
    expect(manifest).toMatchObject({ version: 2, fechaAprobacion: '2025-06-02' });
  });
});

describe('each version signs with its own signers', () => {
  it('the new version\'s signature page lists its signers, not the former ones', () => {
    const v2 = join(built, 'output', 'entidad-prueba', 'GC-P-001', 'v2');
    const v1 = join(built, 'data', 'entidad-prueba', 'archivo', 'GC-P-001', 'v1');
    const signersOf = (html: string) => /<ul class="firmantes">(.*?)<\/ul>/s.exec(html)?.[1];
    expect(signersOf(readFileSync(join(v2, 'GC-P-001-v2.html'), 'utf8'))).toBe('<li>Pedro Ruiz Castaño, Alcalde (e)</li>');
    expect(signersOf(readFileSync(join(v1, 'GC-P-001-v1.html'), 'utf8'))).toBe('<li>Marta Díaz, Directora</li>');
    const pdf = execFileSync('pdftotext', ['-layout', join(v2, 'GC-P-001-v2.pdf'), '-'], { encoding: 'utf8' });
    expect(pdf).toContain('Alcalde (e)');
  });

  it('docctl version starts the new draft from the previous version\'s signers', () => {
    const project = mkdtempSync(join(tmpdir(), 'docctl-approval-'));
    cpSync(MINIMAL, join(project, 'data'), { recursive: true });
    const result = cli(project, ['version', 'GC-P-001', '--motivo', 'Revisión anual']);
    expect(result.status, result.stderr).toBe(0);
    const versions = (JSON.parse(readFileSync(docFileOf(project), 'utf8')) as Doc).versiones;
    expect(versions.at(-1)).toEqual({ numero: 2, estado: 'borrador', descripcion: 'Revisión anual', firmantes: [{ nombre: 'Marta Díaz', cargo: 'Directora' }] });
  });

  it('a document-level "firmantes" stops check with the field and where to move it', () => {
    const project = fresh((doc) => {
      doc.firmantes = [{ nombre: 'Marta Díaz', cargo: 'Directora' }];
    });
    const result = cli(project, ['check']);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(
      /GC-P-001\.json:\d+:3: firmantes: los firmantes de la hoja de firmas ahora pertenecen a cada versión, para que una versión nueva no lleve las firmas de otra; mueva esta lista a versiones\[1\]\.firmantes \(la versión que firman\) y bórrela de aquí\n/,
    );
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
