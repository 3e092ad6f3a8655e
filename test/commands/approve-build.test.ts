// docctl approve followed by the real build it runs, in this process: the
// approved version is archived with its acta. (Kept apart from
// approve.test.ts, which stands in for the build, so that the mutation run
// does not wait on a whole build per mutant.)
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runApprove } from '../../src/commands/approve.js';
import { copyProject, editJson, MINIMAL_DOC, TEMPLATES } from '../support/project.js';

beforeEach(() => {
  vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
});
afterEach(() => {
  vi.restoreAllMocks();
});

describe('approve, then build', () => {
  it('archives the approved version with its acta and date', async () => {
    const dir = copyProject();
    const dataDir = join(dir, 'data');
    editJson(dataDir, MINIMAL_DOC, (doc) => {
      (doc.versiones as unknown[]).push({
        numero: 2,
        estado: 'borrador',
        descripcion: 'Actualización',
        elaboro: { nombre: 'Ana Pérez', cargo: 'Profesional de Calidad' },
        reviso: { nombre: 'Luis Gómez', cargo: 'Jefe de Planeación' },
        aprobo: { nombre: 'Marta Díaz', cargo: 'Directora' },
      });
    });
    const options = { dataDir, templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
    expect(await runApprove(options, { code: 'GC-P-001', acta: '011', fecha: '2022-05-01', comite: undefined, entity: undefined, yes: true })).toBe(0);
    const manifest = JSON.parse(readFileSync(join(dataDir, 'entidad-prueba', 'archivo', 'GC-P-001', 'v2', 'manifiesto.json'), 'utf8'));
    expect(manifest).toMatchObject({
      version: 2,
      fechaAprobacion: '2022-05-01',
      acta: { numero: '011', fecha: '2022-05-01', comite: 'Comité Institucional de Gestión y Desempeño' },
    });
  });
});
