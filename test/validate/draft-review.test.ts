// The review list of an open draft (src/validate/draft-review.ts), called in
// this process on a copy of the minimal fixture, so that `npm run mutacion`
// can kill its mutants (`docctl check` and `docctl impacto` print it through
// the CLI in test/lifecycle/, where no mutant is active). Each item alone,
// with its file, its field, its line and its words.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { loadProject } from '../../src/load/load-project.js';
import { draftReview, openDraftReviews } from '../../src/validate/draft-review.js';
import type { Norm } from '../../src/validate/schemas.js';
import { validateProject, type ValidProject } from '../../src/validate/validate-project.js';
import { copyProject, editJson, MINIMAL_DOC } from '../support/project.js';
import { SIGNER_ROLES } from '../support/signer-roles.js';

type Json = Record<string, unknown>;
type Doc = Json & { versiones: Json[]; normas: string[]; secciones: Json[]; glosario: Json[] };

const person = (nombre: string, cargo: string) => ({ nombre, cargo });
const SIGNED = { elaboro: person('Ana Pérez', 'Profesional de Calidad'), reviso: person('Luis Gómez', 'Jefe de Planeación'), aprobo: person('Marta Díaz', 'Directora') };
const draft = (extra: Json = {}): Json => ({ numero: 2, estado: 'borrador', descripcion: 'Actualización', ...SIGNED, ...extra });

const WHO = 'GC-P-001 v2 (borrador): ';
const PENDING = `${WHO}pendiente de aprobación: número y fecha del acta, con docctl aprobar GC-P-001 --acta "…" --fecha AAAA-MM-DD; la próxima revisión vencerá 24 meses después de esa fecha`;

/** The project of a copy of the minimal fixture after the edits, checked to be free of errors. */
function projectAfter(edit: (doc: Doc) => void, catalog?: (normas: Json[]) => void): ValidProject {
  const data = join(copyProject(), 'data');
  editJson(data, MINIMAL_DOC, (value) => edit(value as Doc));
  if (catalog) editJson(data, 'normas.json', (value) => catalog(value.normas as Json[]));
  const { project, problems } = validateProject(loadProject(data));
  expect(problems.filter((p) => p.severity === 'error').map((p) => p.message)).toEqual([]);
  return project;
}

const theDocument = (project: ValidProject) => project.entities[0]!.documents[0]!;
const review = (project: ValidProject, also: readonly Norm[] = []) => draftReview(project, theDocument(project), also);
/** "field: message", the way a person reads the list. */
const items = (problems: readonly Problem[]) => problems.map((p) => `${p.field}: ${p.message}`);

describe('the review list of an open draft', () => {
  it('is empty without a draft', () => {
    const project = projectAfter(() => {});
    expect(review(project)).toEqual([]);
    expect(openDraftReviews(project)).toEqual([]);
  });

  it('with everything in order, only the approval to come, as a warning on the draft with its line; the committee is known', () => {
    const project = projectAfter((doc) => doc.versiones.push(draft()));
    const problems = review(project);
    expect(problems).toEqual([{ severity: 'advertencia', file: theDocument(project).json.file, field: 'versiones[1]', line: expect.any(Number), column: expect.any(Number), message: PENDING }]);
    expect(problems[0]!.line).toBeGreaterThan(10);
    expect(theDocument(project).json.file).toMatch(/GC-P-001\.json$/);
    expect(openDraftReviews(project)).toEqual(problems);
  });

  it('asks for the committee too when no earlier version records one, and counts the document\'s own review period', () => {
    const project = projectAfter((doc) => {
      delete doc.versiones[0]!.acta;
      doc.periodoRevisionMeses = 36;
      doc.versiones.push(draft());
    });
    expect(items(review(project))).toEqual([
      `versiones[1]: ${WHO}pendiente de aprobación: número y fecha del acta y el comité (ninguna versión anterior lo registra), con docctl aprobar GC-P-001 --acta "…" --fecha AAAA-MM-DD --comite "…"; la próxima revisión vencerá 36 meses después de esa fecha`,
    ]);
  });

  it('takes the committee from any earlier version with an acta, not only the one before', () => {
    const project = projectAfter((doc) => doc.versiones.push({ numero: 2, fecha: '2022-01-01', descripcion: 'Sin acta' }, { ...draft(), numero: 3 }));
    expect(items(review(project))).toEqual([`versiones[2]: ${PENDING.replaceAll('v2', 'v3')}`]);
  });

  for (const [key, label] of SIGNER_ROLES) {
    it(`names a missing ${label}, field by field`, () => {
      const withoutName = review(projectAfter((doc) => doc.versiones.push(draft({ [key]: { cargo: 'Cargo' } }))));
      expect(items(withoutName)).toEqual([`versiones[1]: ${WHO}faltan firmantes para aprobar: ${label} (${key}.nombre)`, `versiones[1]: ${PENDING}`]);
      const nobody = review(projectAfter((doc) => doc.versiones.push(draft({ [key]: undefined }))));
      expect(items(nobody)[0]).toBe(`versiones[1]: ${WHO}faltan firmantes para aprobar: ${label} (${key}.nombre, ${key}.cargo)`);
    });
  }

  it('lists every missing signer at once, in order', () => {
    const project = projectAfter((doc) => doc.versiones.push({ numero: 2, estado: 'borrador', descripcion: 'Actualización' }));
    expect(items(review(project))[0]).toBe(
      `versiones[1]: ${WHO}faltan firmantes para aprobar: Elaboró (elaboro.nombre, elaboro.cargo), Revisó (reviso.nombre, reviso.cargo), Aprobó (aprobo.nombre, aprobo.cargo)`,
    );
  });

  it('says the drafter cannot approve, however the name is written', () => {
    const project = projectAfter((doc) => doc.versiones.push(draft({ aprobo: person('ana perez', 'Directora') })));
    const problems = review(project);
    expect(items(problems)).toEqual([
      `versiones[1].aprobo: ${WHO}ana perez elaboró esta versión y no puede aprobarla (ISO 9001, 7.5.2); indique otra persona en "aprobo"`,
      `versiones[1]: ${PENDING}`,
    ]);
    expect(problems[0]!.line).toBeGreaterThan(problems[1]!.line!);
  });

  it('does not confuse the reviewer with the drafter', () => {
    const project = projectAfter((doc) => doc.versiones.push(draft({ reviso: person('Ana Pérez', 'Jefe de Planeación') })));
    expect(items(review(project))).toEqual([`versiones[1]: ${PENDING}`]);
  });
});

describe('cited norms that changed', () => {
  const citing = (normas: string[], catalog?: (normas: Json[]) => void) =>
    projectAfter((doc) => {
      doc.normas = normas;
      doc.versiones.push(draft());
    }, catalog);
  const norm = (normas: Json[], id: string) => normas.find((n) => n.id === id)!;

  it('a derogated norm with its replacement: change it for the replacement', () => {
    expect(items(review(citing(['ley-1712-2014', 'decreto-1008-2018'])))).toEqual([
      `normas[1]: ${WHO}el marco jurídico cita Decreto 1008 de 2018, derogada, reemplazada por Decreto 767 de 2022; cámbiela en "normas" por "decreto-767-2022"`,
      `versiones[1]: ${PENDING}`,
    ]);
  });

  it('a derogated norm without a replacement: remove it if it no longer applies', () => {
    const project = citing(['decreto-1008-2018'], (normas) => delete norm(normas, 'decreto-1008-2018').reemplazadaPor);
    expect(items(review(project))[0]).toBe(`normas[0]: ${WHO}el marco jurídico cita Decreto 1008 de 2018, derogada; quítela de "normas" si ya no aplica`);
  });

  it('a modified norm whose modifier is not cited: consider citing it too', () => {
    const project = citing(['ley-1712-2014'], (normas) => Object.assign(norm(normas, 'ley-1712-2014'), { estado: 'modificada', reemplazadaPor: 'decreto-767-2022' }));
    expect(items(review(project))[0]).toBe(`normas[0]: ${WHO}el marco jurídico cita Ley 1712 de 2014, modificada por Decreto 767 de 2022; revise si el marco jurídico debe citar también "decreto-767-2022"`);
  });

  it('a modified norm whose modifier is cited, or without one: check the text is up to date', () => {
    const cited = citing(['ley-1712-2014', 'decreto-767-2022'], (normas) => Object.assign(norm(normas, 'ley-1712-2014'), { estado: 'modificada', reemplazadaPor: 'decreto-767-2022' }));
    expect(items(review(cited))[0]).toBe(`normas[0]: ${WHO}el marco jurídico cita Ley 1712 de 2014, modificada por Decreto 767 de 2022; revise si el texto sigue al día`);
    const alone = citing(['ley-1712-2014'], (normas) => (norm(normas, 'ley-1712-2014').estado = 'modificada'));
    expect(items(review(alone))[0]).toBe(`normas[0]: ${WHO}el marco jurídico cita Ley 1712 de 2014, modificada; revise si el texto sigue al día`);
  });

  it('a norm in force says nothing', () => {
    expect(items(review(citing(['ley-1712-2014', 'decreto-767-2022'])))).toEqual([`versiones[1]: ${PENDING}`]);
  });
});

describe('sentences that mention a norm', () => {
  const mentioning = (text: string) =>
    projectAfter((doc) => {
      doc.secciones[0]!.contenido = text;
      doc.versiones.push(draft());
    });

  it('a changed norm mentioned in the text: the sentence, where it is, never rewritten', () => {
    const project = mentioning('Primera frase. Se adoptó el Decreto 1008 de 2018 en la entidad. Otra frase.');
    const problems = review(project);
    expect(items(problems)).toEqual([
      `secciones[0].contenido: ${WHO}menciona Decreto 1008 de 2018 (derogada, reemplazada por Decreto 767 de 2022) en texto de «Introducción»; revise la frase, docctl no cambia el texto: «Se adoptó el Decreto 1008 de 2018 en la entidad.»`,
      `versiones[1]: ${PENDING}`,
    ]);
    expect(problems[0]).toMatchObject({ severity: 'advertencia', file: theDocument(project).json.file, line: expect.any(Number) });
  });

  it('a norm in force is named only when asked about (docctl impacto), once even if asked twice', () => {
    const project = mentioning('La Ley 1712 de 2014 aplica.');
    expect(items(review(project))).toEqual([`versiones[1]: ${PENDING}`]);
    const ley = project.norms.get('ley-1712-2014')!;
    expect(items(review(project, [ley, ley]))).toEqual([
      `secciones[0].contenido: ${WHO}menciona Ley 1712 de 2014 (vigente) en texto de «Introducción»; revise la frase, docctl no cambia el texto: «La Ley 1712 de 2014 aplica.»`,
      `versiones[1]: ${PENDING}`,
    ]);
  });

  it('a changed norm asked about is listed once, and a modified one says by which', () => {
    const project = projectAfter(
      (doc) => {
        doc.secciones[0]!.contenido = 'Según la Ley 1712 de 2014.';
        doc.versiones.push(draft());
      },
      (normas) => Object.assign(normas.find((n) => n.id === 'ley-1712-2014')!, { estado: 'modificada', reemplazadaPor: 'decreto-767-2022' }),
    );
    const ley = project.norms.get('ley-1712-2014')!;
    expect(items(review(project, [ley])).filter((item) => item.includes('menciona'))).toEqual([
      `secciones[0].contenido: ${WHO}menciona Ley 1712 de 2014 (modificada por Decreto 767 de 2022) en texto de «Introducción»; revise la frase, docctl no cambia el texto: «Según la Ley 1712 de 2014.»`,
    ]);
  });

  it('a modified norm without a modifier, and a derogated one without a replacement, say only their state', () => {
    const project = projectAfter(
      (doc) => {
        doc.secciones[0]!.contenido = 'Según la Ley 1712 de 2014. Y el Decreto 1008 de 2018.';
        doc.versiones.push(draft());
      },
      (normas) => {
        normas.find((n) => n.id === 'ley-1712-2014')!.estado = 'modificada';
        delete normas.find((n) => n.id === 'decreto-1008-2018')!.reemplazadaPor;
      },
    );
    expect(items(review(project)).filter((item) => item.includes('menciona')).map((item) => item.replace(/ en texto de .*/, ''))).toEqual([
      `secciones[0].contenido: ${WHO}menciona Ley 1712 de 2014 (modificada)`,
      `secciones[0].contenido: ${WHO}menciona Decreto 1008 de 2018 (derogada)`,
    ]);
  });
});
