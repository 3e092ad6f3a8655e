// The less travelled paths of the normative-change commands, on copies of
// the minimal fixture: ambiguous names, broken catalogues and undo copies,
// a draft approved by hand, and every kind of point in a draft's review
// list and legal-framework change.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { frameworkChange } from '../../src/edit/legal-framework.js';
import { formatProblem } from '../../src/errors.js';
import { normName } from '../../src/model/norm-names.js';
import { prepare } from '../../src/pipeline.js';
import { draftReview } from '../../src/validate/draft-review.js';
import type { Norm } from '../../src/validate/schemas.js';
import { copyProject, editJson, MINIMAL_DOC, runCli, TEMPLATES } from '../support/project.js';

const project = () => {
  const dir = copyProject();
  const data = join(dir, 'data');
  return { data, cli: (...args: string[]) => runCli([...args, '--datos', data]) };
};

describe('refusals of the norm commands', () => {
  it('asks for the id when a shortened type names two norms', () => {
    const { data, cli } = project();
    expect(cli('norma', 'agregar', '--tipo', 'Decreto Ley', '--numero', '9', '--año', '2020', '--detalle', 'a').status).toBe(0);
    expect(cli('norma', 'agregar', '--tipo', 'Decreto Reglamentario', '--numero', '9', '--ano', '2020', '--detalle', 'b').status).toBe(0);
    const before = readFileSync(join(data, 'normas.json'), 'utf8');
    const change = cli('norma', 'derogar', 'Decreto 9 de 2020', '--por', 'Decreto 767 de 2022');
    expect(change.status).toBe(1);
    expect(change.stderr).toBe('docctl: la norma "Decreto 9 de 2020" puede ser "Decreto Ley 9 de 2020" (decreto-ley-9-2020) o "Decreto Reglamentario 9 de 2020" (decreto-reglamentario-9-2020); escriba su id\n');
    const open = cli('impacto', 'Decreto 9 de 2020', '--abrir-versiones', '--motivo', 'x');
    expect(open.status).toBe(1);
    expect(open.stderr).toBe('docctl: "Decreto 9 de 2020" puede ser "Decreto Ley 9 de 2020" (decreto-ley-9-2020) o "Decreto Reglamentario 9 de 2020" (decreto-reglamentario-9-2020); para abrir versiones, escriba su id\n');
    expect(readFileSync(join(data, 'normas.json'), 'utf8')).toBe(before);

    const unknown = cli('impacto', 'Ley 1713 de 2014');
    expect(unknown.status).toBe(1);
    expect(unknown.stderr).toBe('docctl: la norma "Ley 1713 de 2014" no está en el normograma (data/normas.json); escríbala como "Decreto 1008 de 2018" o con su id (¿"Ley 1712 de 2014"?)\n');
    const extra = cli('norma', 'agregar', 'Ley 1 de 2020');
    expect(extra.status).toBe(1);
    expect(extra.stderr).toBe('docctl: argumento de más: "Ley 1 de 2020"; docctl norma agregar toma todo en opciones: --tipo, --numero, --año, --detalle, [--fecha], [--url], [--id]\n');
  });

  it('does not edit a catalogue that has errors', () => {
    const { data, cli } = project();
    editJson(data, 'normas.json', (value) => {
      (value.normas as Norm[]).push({ ...(value.normas as Norm[])[0]! });
    });
    const before = readFileSync(join(data, 'normas.json'), 'utf8');
    const result = cli('norma', 'agregar', '--tipo', 'Ley', '--numero', '1', '--año', '2020', '--detalle', 'x');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('docctl: el normograma ');
    expect(result.stderr).toContain('normas.json tiene errores; corríjalos antes de cambiarlo\n');
    expect(result.stderr).toContain('normas[3].id: "ley-1712-2014" ya está en normas[0]; cada id debe ser único');
    expect(readFileSync(join(data, 'normas.json'), 'utf8')).toBe(before);
  });
});

describe('refusals of descartar', () => {
  it('takes a code or --todos-de, not both', () => {
    const { cli } = project();
    const result = cli('descartar', 'GC-P-001', '--todos-de', 'Ley 1712 de 2014');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('docctl: use docctl descartar <CÓDIGO> o docctl descartar --todos-de "<norma>", no ambos\n');
  });

  it('refuses an undo copy that is unreadable or edited, and a version approved by hand', () => {
    const { data, cli } = project();
    const doc = join(data, MINIMAL_DOC);
    const undo = join(data, 'entidad-prueba', 'deshacer', 'GC-P-001.json');
    expect(cli('version', 'GC-P-001', '--motivo', 'Revisión').status).toBe(0);
    expect(existsSync(undo)).toBe(true);
    const saved = readFileSync(undo, 'utf8');
    const opened = readFileSync(doc, 'utf8');

    writeFileSync(undo, '{ roto');
    let result = cli('descartar', 'GC-P-001');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docctl: .*deshacer\/GC-P-001\.json no es una copia de deshacer legible; no se descartó nada\n$/);

    const record = JSON.parse(saved);
    record.archivos[0].ruta = '../../../etc/passwd';
    writeFileSync(undo, JSON.stringify(record));
    result = cli('descartar', 'GC-P-001');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docctl: .*deshacer\/GC-P-001\.json no es una copia de deshacer válida \(¿editada a mano\?\); no se descartó nada\n$/);
    expect(readFileSync(doc, 'utf8')).toBe(opened);

    writeFileSync(undo, saved);
    editJson(data, MINIMAL_DOC, (value) => {
      const versions = value.versiones as Record<string, unknown>[];
      delete versions[1]!.estado;
      versions[1]!.fecha = '2026-11-20';
    });
    const approved = readFileSync(doc, 'utf8');
    result = cli('descartar', 'GC-P-001');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('docctl: la versión 2 de GC-P-001 ya está aprobada; una versión aprobada no se descarta (ábrale una nueva con docctl version GC-P-001 --motivo "…"). No se descartó nada\n');
    expect(readFileSync(doc, 'utf8')).toBe(approved);

    editJson(data, MINIMAL_DOC, (value) => {
      (value.versiones as unknown[]).pop();
    });
    result = cli('descartar', 'GC-P-001');
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docctl: GC-P-001 ya no tiene abierta la versión 2 que guarda .*deshacer\/GC-P-001\.json; no se descartó nada \(si ese borrador se quitó a mano, borre esa copia\)\n$/);
  });
});

describe('the review list of a draft', () => {
  it('names every kind of point, each with its file and field', () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    editJson(data, 'normas.json', (value) => {
      const norms = value.normas as Record<string, unknown>[];
      norms.push({ id: 'ley-9-2020', tipo: 'Ley', numero: '9', año: 2020, detalle: 'Derogada sin reemplazo', estado: 'derogada' });
      Object.assign(norms[0]!, { estado: 'modificada', reemplazadaPor: 'decreto-767-2022' });
    });
    editJson(data, MINIMAL_DOC, (value) => {
      value.normas = ['ley-1712-2014', 'decreto-1008-2018', 'ley-9-2020'];
      (value.glosario as Record<string, string>[])[0]!.definicion = 'Ave. Citada en la Ley 9 de 2020.';
      value.roles = [{ rol: 'Líder', responsabilidades: 'Aplica la ley 9 del 2020.', responsable: 'Jefe' }];
      (value.versiones as unknown[]).push({
        numero: 2,
        estado: 'borrador',
        descripcion: 'Revisión',
        elaboro: { nombre: 'Ana Pérez', cargo: 'Profesional' },
        reviso: { nombre: 'Luis Gómez', cargo: 'Jefe' },
        aprobo: { nombre: 'ANA  PEREZ', cargo: 'Directora' },
      });
    });
    const prepared = prepare({ dataDir: data, templatesDir: TEMPLATES });
    const source = prepared.project.entities[0]!.documents[0]!;
    const points = draftReview(prepared.project, source).map((p) => formatProblem(p).replace(/^.*?: advertencia: /, ''));
    expect(points).toEqual([
      'glosario[0].definicion: GC-P-001 v2 (borrador): menciona Ley 9 de 2020 (derogada) en glosario («Ñandú»); revise la frase, docctl no cambia el texto: «Citada en la Ley 9 de 2020.»',
      'roles[0].responsabilidades: GC-P-001 v2 (borrador): menciona Ley 9 de 2020 (derogada) en roles («Líder»); revise la frase, docctl no cambia el texto: «Aplica la ley 9 del 2020.»',
      'normas[0]: GC-P-001 v2 (borrador): el marco jurídico cita Ley 1712 de 2014, modificada por Decreto 767 de 2022; revise si el marco jurídico debe citar también "decreto-767-2022"',
      'normas[1]: GC-P-001 v2 (borrador): el marco jurídico cita Decreto 1008 de 2018, derogada, reemplazada por Decreto 767 de 2022; cámbiela en "normas" por "decreto-767-2022"',
      'normas[2]: GC-P-001 v2 (borrador): el marco jurídico cita Ley 9 de 2020, derogada; quítela de "normas" si ya no aplica',
      'versiones[1].aprobo: GC-P-001 v2 (borrador): ANA  PEREZ elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2); indique otra persona en "aprobo"',
      'versiones[1]: GC-P-001 v2 (borrador): pendiente de aprobación: número y fecha del acta, con docctl aprobar GC-P-001 --acta "…" --fecha AAAA-MM-DD; la próxima revisión vencerá 24 meses después de esa fecha',
    ]);
    // A document without a draft has no review list.
    editJson(data, MINIMAL_DOC, (value) => {
      (value.versiones as unknown[]).pop();
    });
    const again = prepare({ dataDir: data, templatesDir: TEMPLATES });
    expect(draftReview(again.project, again.project.entities[0]!.documents[0]!)).toEqual([]);
  });
});

describe('the legal-framework change', () => {
  const norm = (id: string, estado: Norm['estado'], reemplazadaPor?: string): Norm => ({ id, tipo: 'Decreto', numero: id.split('-')[1]!, año: 2000, detalle: 'x', estado, ...(reemplazadaPor ? { reemplazadaPor } : {}) });
  const by = norm('decreto-2', 'vigente');

  it('adds the amending norm after the amended one, once', () => {
    const amended = norm('decreto-1', 'modificada', 'decreto-2');
    expect(frameworkChange(['a', 'decreto-1', 'b'], amended, by, normName)).toEqual({
      changes: [{ path: ['normas', 2], value: 'decreto-2', insert: true }],
      summary: 'se agrega Decreto 2 de 2000 en normas[2], después de Decreto 1 de 2000',
    });
  });

  it('leaves a framework alone when the norm is not in it, has no replacement or is in force', () => {
    expect(frameworkChange(['a'], norm('decreto-1', 'derogada', 'decreto-2'), by, normName).changes).toEqual([]);
    expect(frameworkChange(['decreto-1'], norm('decreto-1', 'derogada'), undefined, normName).changes).toEqual([]);
    expect(frameworkChange(['decreto-1'], norm('decreto-1', 'vigente'), by, normName).changes).toEqual([]);
  });
});
