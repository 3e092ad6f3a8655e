// approve and anular are all-or-nothing across the data file, the archive
// and the site: docctl is stopped with SIGKILL at each named step
// (src/fault-points.ts, DOCCTL_FALLO_EN) and the next run must complete
// the change — never refuse it, never leave it half done. Each case starts
// from its own copy of data/ with DE-P-007 v2 ready to approve (opened once,
// in beforeAll, and copied).
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { copyProject, runCli, SEEDS } from '../support/project.js';

const COMITE = 'Comité Institucional de Gestión y Desempeño';

/** The seeds with DE-P-007 v2 opened (by the CLI) and ready to approve: made once, copied by each case. */
let readyProject: string;
beforeAll(() => {
  const dir = copyProject(SEEDS);
  const data = join(dir, 'data');
  const version = runCli(['version', 'DE-P-007', '--motivo', 'Cambio', '--datos', data, '--salida', join(dir, 'output'), '--hoy', '2026-11-21']);
  expect(version.status, version.stderr).toBe(0);
  const docFile = join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json');
  const doc = JSON.parse(readFileSync(docFile, 'utf8'));
  doc.versiones[1].elaboro = { nombre: 'Ana Pérez', cargo: 'Personera Auxiliar' };
  doc.versiones[1].reviso = { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' };
  doc.versiones[1].aprobo = { nombre: 'Marta Díaz', cargo: 'Personera Distrital' };
  writeFileSync(docFile, `${JSON.stringify(doc, null, 2)}\n`);
  readyProject = dir;
});

function ready() {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-test-'));
  cpSync(readyProject, dir, { recursive: true });
  const data = join(dir, 'data');
  const output = join(dir, 'output');
  const cli = (args: string[], env: NodeJS.ProcessEnv = {}) => runCli([...args, '--datos', data, '--salida', output, '--hoy', '2026-11-21'], { env });
  const docFile = join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json');
  const archive = join(data, 'personeria-cartagena', 'archivo');
  const approve = (env: NodeJS.ProcessEnv = {}) => cli(['approve', 'DE-P-007', '--si', '--acta', '010', '--fecha', '2026-11-20', '--comite', COMITE], env);
  const register = () => readFileSync(join(archive, 'registro.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  const version2 = () => JSON.parse(readFileSync(docFile, 'utf8')).versiones[1];
  return { cli, approve, docFile, archive, register, version2, v2: join(archive, 'DE-P-007', 'v2'), output };
}

const killedAt = (result: { status: number | null }) => expect(result.status).toBe(null);

describe('approve stopped at each step', () => {
  it('archivo:antes-de-renombrar: nothing archived, the data still a draft; approve again succeeds and cleans up', () => {
    const p = ready();
    killedAt(p.approve({ DOCCTL_FALLO_EN: 'archivo:antes-de-renombrar' }));
    expect(existsSync(p.v2)).toBe(false);
    expect(readdirSync(p.archive).some((n) => n.startsWith('.preparando-'))).toBe(true);
    expect(p.version2().estado).toBe('borrador');
    expect(p.register()).toHaveLength(1);
    const again = p.approve();
    expect(again.status, again.stderr).toBe(0);
    expect(readdirSync(p.archive).some((n) => n.startsWith('.preparando-'))).toBe(false);
    expect(p.version2()).toMatchObject({ fecha: '2026-11-20', acta: { numero: '010' } });
    expect(p.cli(['verify']).status).toBe(0);
  });

  it('archivo:antes-del-registro: the next build registers the sealed version and completes the data file', () => {
    const p = ready();
    killedAt(p.approve({ DOCCTL_FALLO_EN: 'archivo:antes-del-registro' }));
    expect(existsSync(join(p.v2, 'manifiesto.json'))).toBe(true);
    expect(p.register()).toHaveLength(1);
    const build = p.cli(['build']);
    expect(build.status, build.stderr).toBe(0);
    expect(build.stdout).toContain('faltaba en el registro; se registró');
    expect(build.stdout).toContain('se completó la aprobación que se interrumpió');
    expect(p.register().at(-1)).toMatchObject({ evento: 'aprobacion', version: 2 });
    expect(p.version2()).toMatchObject({ fecha: '2026-11-20', acta: { numero: '010' } });
    expect(p.version2().estado).toBeUndefined();
    expect(p.cli(['verify']).status).toBe(0);
  });

  it('aprobar:antes-de-editar-datos: approve run again completes it instead of saying the draft is archived', () => {
    const p = ready();
    killedAt(p.approve({ DOCCTL_FALLO_EN: 'aprobar:antes-de-editar-datos' }));
    expect(p.version2().estado).toBe('borrador');
    const again = p.approve();
    expect(again.status, again.stderr).toBe(0);
    expect(again.stdout).toContain('se completó la aprobación que se interrumpió');
    expect(p.version2()).toMatchObject({ fecha: '2026-11-20' });
    expect(p.register()).toHaveLength(2);
    expect(readFileSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8')).toContain('DE-P-007-v2.pdf');
  });

  it('aprobar:antes-del-sitio: the data and the archive are done; the next build publishes v2', () => {
    const p = ready();
    killedAt(p.approve({ DOCCTL_FALLO_EN: 'aprobar:antes-del-sitio' }));
    expect(p.version2().estado).toBeUndefined();
    const build = p.cli(['build']);
    expect(build.status, build.stderr).toBe(0);
    expect(readFileSync(join(p.output, 'sitio', 'personeria-cartagena', 'DE-P-007', 'index.html'), 'utf8')).toContain('DE-P-007-v2.pdf');
  });
});

describe('anular stopped after the register', () => {
  it('anular:antes-de-editar-datos: the next build writes the annulment the register already has', () => {
    const p = ready();
    expect(p.approve().status).toBe(0);
    killedAt(p.cli(['anular', 'DE-P-007', '--version', '2', '--motivo', 'Error', '--por', 'Marta Díaz'], { DOCCTL_FALLO_EN: 'anular:antes-de-editar-datos' }));
    expect(p.register().at(-1)).toMatchObject({ evento: 'anulacion', version: 2 });
    expect(p.version2().anulada).toBeUndefined();
    const build = p.cli(['build']);
    expect(build.status, build.stderr).toBe(0);
    expect(p.version2().anulada).toMatchObject({ motivo: 'Error', por: 'Marta Díaz' });
  });
});
