// docctl approve, in this process: every refusal alone, with its message,
// and a refused approval leaves the data file byte-identical; an approval
// that succeeds, for what it writes in the data file. The build it then
// runs is stood in for here, so that these tests stay fast enough to run
// against every mutant (npm run mutacion); approve-build.test.ts and
// test/lifecycle/workflow.test.ts run the real one.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { captureOutput } from '../support/capture-output.js';
import { runApprove, type ApproveArguments } from '../../src/commands/approve.js';
import { refreshSite } from '../../src/commands/build.js';
import { todayInColombia } from '../../src/dates.js';
import { UserError } from '../../src/errors.js';
import { copyProject, editJson, MINIMAL_DOC, TEMPLATES } from '../support/project.js';
import { SIGNER_ROLES } from '../support/signer-roles.js';

// approve seals the version itself; the site it then publishes is build.ts's, stood in for here.
vi.mock('../../src/commands/build.js', () => ({ refreshSite: vi.fn(async () => 'output/sitio/  sitio de transparencia: 9 archivos') }));

type Json = Record<string, unknown>;
type Doc = Json & { versiones: Json[] };

const COMMITTEE = 'Comité Institucional de Gestión y Desempeño';
const person = (nombre: string, cargo: string) => ({ nombre, cargo });
const completeDraft = (numero = 2): Json => ({
  numero,
  estado: 'borrador',
  descripcion: 'Actualización',
  elaboro: person('Ana Pérez', 'Profesional de Calidad'),
  reviso: person('Luis Gómez', 'Jefe de Planeación'),
  aprobo: person('Marta Díaz', 'Directora'),
});

/** A copy of the minimal fixture with an open draft (v2) ready to approve, changed by `edit`. */
function project(edit: (doc: Doc) => void = () => {}) {
  const dir = copyProject();
  const dataDir = join(dir, 'data');
  editJson(dataDir, MINIMAL_DOC, (value) => {
    const doc = value as Doc;
    doc.versiones.push(completeDraft());
    edit(doc);
  });
  const file = join(dataDir, MINIMAL_DOC);
  const options = { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
  const approve = (args: Partial<ApproveArguments> = {}) =>
    runApprove(options, { code: 'GC-P-001', acta: '010', fecha: '2022-05-01', comite: COMMITTEE, entity: undefined, yes: true, ...args });
  return { file, options, approve, text: () => readFileSync(file, 'utf8') };
}

const output = captureOutput();
afterEach(() => {
  vi.mocked(refreshSite).mockClear();
});

/** Approving refuses with exactly `message`, as a user error, and the data file does not change. */
async function expectRefusal(setup: ReturnType<typeof project>, args: Partial<ApproveArguments>, message: string) {
  const before = setup.text();
  const refusal = setup.approve(args);
  await expect(refusal).rejects.toThrow(UserError);
  await expect(refusal).rejects.toThrow(expect.objectContaining({ message }));
  expect(setup.text()).toBe(before);
  expect(refreshSite).not.toHaveBeenCalled();
}

describe('approve refuses, each reason alone', () => {
  it('without a code', async () => {
    await expectRefusal(project(), { code: undefined }, 'falta el código del documento: docctl aprobar <CÓDIGO> --acta "…"');
  });

  it('without --acta, or with a blank one', async () => {
    const message = 'falta --acta: el número del acta que aprobó la versión, p. ej. docctl aprobar GC-P-001 --acta "004"';
    await expectRefusal(project(), { acta: undefined }, message);
    await expectRefusal(project(), { acta: '  ' }, message);
  });

  it('with a --fecha that is not a real AAAA-MM-DD date', async () => {
    for (const fecha of ['2022-02-30', '1/5/2022', '2022-5-01', ' 2022-05-01']) {
      await expectRefusal(project(), { fecha }, `--fecha "${fecha}" no es una fecha válida; escríbala como AAAA-MM-DD, p. ej. --fecha 2022-12-15`);
    }
  });

  it('when the data has errors, printing them', async () => {
    const setup = project((doc) => (doc.titulo = ''));
    const before = setup.text();
    expect(await setup.approve()).toBe(1);
    const printed = output.stderr.join('');
    expect(printed).toMatch(/GC-P-001\.json:\d+:\d+: titulo: "" no puede estar vacío/);
    expect(printed).toMatch(/Corrija los errores antes de aprobar\.\n$/);
    expect(setup.text()).toBe(before);
  });

  it('when no draft is open', async () => {
    await expectRefusal(project((doc) => doc.versiones.pop()), {}, 'GC-P-001 no tiene un borrador abierto; ábralo primero con docctl version GC-P-001 --motivo "…"');
  });

  it('when no draft is open and the last version is archived: the build publishes it', async () => {
    const setup = project((doc) => doc.versiones.pop());
    mkdirSync(join(setup.options.dataDir, 'entidad-prueba', 'archivo', 'GC-P-001', 'v1'), { recursive: true });
    await expectRefusal(
      setup,
      {},
      'GC-P-001 no tiene un borrador abierto: la versión 1 ya está aprobada y archivada (docctl generar publica el sitio); para cambiarlo, abra una nueva versión con docctl version GC-P-001 --motivo "…"',
    );
  });

  it('with a --fecha after today (Colombia)', async () => {
    const today = todayInColombia();
    await expectRefusal(
      project(),
      { fecha: '2099-12-31' },
      `--fecha 2099-12-31 es posterior a hoy (${today}, hora de Colombia); la fecha de aprobación es la del acta, que ya ocurrió: escriba esa fecha u omita --fecha para usar la de hoy`,
    );
  });

  it('without --si and without a terminal to ask on', async () => {
    const setup = project();
    const tty = process.stdin.isTTY;
    process.stdin.isTTY = false;
    try {
      await expectRefusal(
        setup,
        { yes: false },
        'docctl aprobar pide confirmación y aquí no hay una terminal donde preguntar; no se aprobó nada. Si revisó lo de arriba y quiere aprobar desde un script, agregue --si: docctl aprobar GC-P-001 --acta "…" --si',
      );
    } finally {
      process.stdin.isTTY = tty;
    }
  });

  it('when an archive of the data does not verify: prints the finding, writes nothing', async () => {
    const setup = project();
    const broken = join(setup.options.dataDir, 'entidad-prueba', 'archivo', 'GC-P-009', 'v1');
    mkdirSync(broken, { recursive: true });
    writeFileSync(join(broken, 'nota.txt'), 'sin manifiesto');
    const before = setup.text();
    expect(await setup.approve()).toBe(1);
    const printed = output.stderr.join('');
    expect(printed).toMatch(/GC-P-009\/v1\/manifiesto\.json: falta el manifiesto \(manifiesto\.json\); la carpeta tiene archivos/);
    expect(printed).toMatch(/Corrija los errores antes de aprobar; no se cambió nada\.\n$/);
    expect(setup.text()).toBe(before);
    expect(existsSync(join(setup.options.dataDir, 'entidad-prueba', 'archivo', 'GC-P-001'))).toBe(false);
    expect(refreshSite).not.toHaveBeenCalled();
  });

  for (const [key, label] of SIGNER_ROLES) {
    it(`without the name of who ${label.toLowerCase()}`, async () => {
      const setup = project((doc) => delete (doc.versiones[1]![key] as Json).nombre);
      await expectRefusal(setup, {}, `${setup.file}: para aprobar, la versión 2 debe decir quién elaboró, revisó y aprobó; faltan: versiones[1].${key}.nombre (${label})`);
    });

    it(`without anyone who ${label.toLowerCase()}`, async () => {
      const setup = project((doc) => delete doc.versiones[1]![key]);
      await expectRefusal(
        setup,
        {},
        `${setup.file}: para aprobar, la versión 2 debe decir quién elaboró, revisó y aprobó; faltan: versiones[1].${key}.nombre (${label}), versiones[1].${key}.cargo (${label})`,
      );
    });
  }

  it('when a name is only dots or dashes: it names nobody', async () => {
    const setup = project((doc) => ((doc.versiones[1]!.reviso as Json).nombre = '…—.'));
    await expectRefusal(setup, {}, `${setup.file}: para aprobar, la versión 2 debe decir quién elaboró, revisó y aprobó; faltan: versiones[1].reviso.nombre (Revisó)`);
  });

  it('lists every missing role at once, in order', async () => {
    const setup = project((doc) => {
      delete doc.versiones[1]!.aprobo;
      delete doc.versiones[1]!.elaboro;
    });
    await expectRefusal(
      setup,
      {},
      `${setup.file}: para aprobar, la versión 2 debe decir quién elaboró, revisó y aprobó; faltan: versiones[1].elaboro.nombre (Elaboró), versiones[1].elaboro.cargo (Elaboró), versiones[1].aprobo.nombre (Aprobó), versiones[1].aprobo.cargo (Aprobó)`,
    );
  });

  it('when whoever drafted it approves it, however the name is written', async () => {
    const setup = project((doc) => (doc.versiones[1]!.aprobo = person('ana  PEREZ', 'Directora')));
    await expectRefusal(setup, {}, `${setup.file}: versiones[1].aprobo.nombre: "ana  PEREZ" elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2): es la misma persona que elaboro.nombre ("Ana Pérez"); indique otra persona en "aprobo"`);
  });

  it('with a date before the last dated approval', async () => {
    const setup = project((doc) => {
      doc.versiones.splice(1, 0, { numero: 2, fecha: '2022-01-01', descripcion: 'Segunda' });
      doc.versiones[2]!.numero = 3;
    });
    await expectRefusal(setup, { fecha: '2021-12-31' }, '--fecha 2021-12-31 es anterior a la aprobación de la versión 2 (2022-01-01); las fechas de aprobación no retroceden');
  });

  it('without --comite when no earlier version has an acta', async () => {
    const message = 'falta --comite: el comité que aprobó, p. ej. --comite "Comité Institucional de Gestión y Desempeño"';
    await expectRefusal(project((doc) => delete doc.versiones[0]!.acta), { comite: undefined }, message);
    await expectRefusal(project((doc) => delete doc.versiones[0]!.acta), { comite: '   ' }, message);
  });
});

describe('approve, when nothing is missing', () => {
  it('turns the draft into the vigente version, with the committee of the last acta, then builds', async () => {
    const setup = project((doc) => {
      doc.versiones.splice(1, 0, { numero: 2, fecha: '2021-06-01', descripcion: 'Segunda', acta: { numero: '005', fecha: '2021-06-01', comite: 'Comité de Calidad' } });
      doc.versiones[2]!.numero = 3;
    });
    const before = JSON.parse(setup.text()) as Doc;
    // On the day of the last approval: dates may repeat, never go back.
    expect(await setup.approve({ fecha: '2021-06-01', comite: undefined, acta: ' 011 ' })).toBe(0);
    expect(refreshSite).toHaveBeenCalledExactlyOnceWith(setup.options);
    const after = JSON.parse(setup.text()) as Doc;
    const { estado: _estado, ...approvedDraft } = before.versiones[2]!;
    expect(after.versiones).toEqual([
      ...before.versiones.slice(0, 2),
      { ...approvedDraft, fecha: '2021-06-01', acta: { numero: '011', fecha: '2021-06-01', comite: 'Comité de Calidad' } },
    ]);
    expect({ ...after, versiones: [] }).toEqual({ ...before, versiones: [] });
    expect(output.stdout.join('')).toContain('GC-P-001 versión 3.0 aprobada mediante el acta No. 011 (2021-06-01) y archivada en ');
    expect(output.stdout.join('')).toContain('entidad-prueba/archivo/GC-P-001/v3/\n');
  });

  it('approves a first version: no earlier date to respect, the committee from --comite', async () => {
    const setup = project((doc) => (doc.versiones = [{ ...completeDraft(1) }]));
    expect(await setup.approve({ fecha: '2020-01-01' })).toBe(0);
    expect((JSON.parse(setup.text()) as Doc).versiones).toEqual([
      { ...completeDraft(1), estado: undefined, fecha: '2020-01-01', acta: { numero: '010', fecha: '2020-01-01', comite: COMMITTEE } },
    ].map(({ estado: _estado, ...version }) => version));
  });

  it('dates the approval today (Colombia) unless --fecha says otherwise, and takes --comite over the last acta', async () => {
    const setup = project();
    expect(await setup.approve({ fecha: undefined, comite: ' Comité Nuevo ' })).toBe(0);
    const approved = (JSON.parse(setup.text()) as Doc).versiones[1]!;
    const today = todayInColombia();
    expect(approved).toMatchObject({ fecha: today, acta: { numero: '010', fecha: today, comite: 'Comité Nuevo' } });
    expect(approved.estado).toBeUndefined();
  });

  it('shows what the archive will say before approving, and a draft without signers says so', async () => {
    const setup = project((doc) => (doc.versiones[1]!.firmantes = []));
    expect(await setup.approve({ fecha: '2022-05-01' })).toBe(0);
    const summary = output.stdout.join('');
    expect(summary).toContain('Se aprobará y archivará (lo archivado no se puede reescribir):\n');
    expect(summary).toContain('  Versión:        2.0 (Actualización)\n');
    expect(summary).toContain('  Fecha:          2022-05-01\n');
    expect(summary).toContain(`  Comité:         ${COMMITTEE}\n`);
    expect(summary).toContain('  Elaboró:        Ana Pérez, Profesional de Calidad\n');
    expect(summary).toContain('  Revisó:         Luis Gómez, Jefe de Planeación\n');
    expect(summary).toContain('  Aprobó:         Marta Díaz, Directora\n');
    expect(summary).toContain('  Firmantes:      (ninguno: la hoja de firmas irá sin firmantes)\n');
  });
});
