// The rules of approval that `docctl check` reports (issue 16, "Approval is
// safe"): drafter ≠ approver (ISO 9001 7.5.2 c) compared as people mean it,
// no approval dated after today, and the signers of each version in the
// version. Each message names the file, line:column, the field and the value.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { todayInColombia, addMonths } from '../../src/dates.js';
import { personNameKey, visibleName } from '../../src/fold-text.js';
import { drafterApproves } from '../../src/validate/rules.js';
import { copyProject, editJson, MINIMAL_DOC, problemsOf } from '../support/project.js';

type Doc = Record<string, unknown> & { versiones: Record<string, unknown>[] };

/** A copy of the minimal fixture edited by `edit`: its problems, and the document's text to locate them. */
function check(edit: (doc: Doc) => void): { problems: string[]; text: string; file: string } {
  const dir = copyProject();
  const data = join(dir, 'data');
  editJson(data, MINIMAL_DOC, (value) => edit(value as Doc));
  const file = join(data, MINIMAL_DOC);
  return { problems: problemsOf(data), text: readFileSync(file, 'utf8'), file };
}

/** line:column of the key `"key"` on the n-th line containing `needle`: where docctl points (the property). */
function positionOf(text: string, needle: string, key: string, nth = 1): string {
  const lines = text.split('\n');
  let found = 0;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i]!.includes(needle) && ++found === nth) return `${i + 1}:${lines[i]!.indexOf(`"${key}"`) + 1}`;
  }
  throw new Error(`${needle} not found`);
}

const DRAFT = { numero: 2, estado: 'borrador', descripcion: 'Actualización' };

describe('drafter ≠ approver: one comparison, blind to what people cannot see', () => {
  const evasions: [string, string][] = [
    ['an invisible zero-width space', 'Ana\u200BPérez'],
    ['a zero-width joiner', 'Ana Pé\u200Drez'],
    ['a soft hyphen', 'Ana Pé\u00ADrez'],
    ['a byte-order mark', '\uFEFFAna Pérez'],
    ['a trailing period', 'Ana Pérez.'],
    ['capitals', 'ANA PÉREZ'],
    ['no accents', 'Ana Perez'],
    ['a double space', 'Ana  Pérez'],
    ['a non-breaking space', 'Ana\u00A0Pérez'],
    ['everything at once', ' ana\u00A0\u00A0PEREZ. '],
    ['a decomposed accent', 'Ana Pe\u0301rez'],
  ];

  for (const [how, approver] of evasions) {
    it(`an approved version approved by its drafter with ${how} is an error`, () => {
      const { problems, text, file } = check((doc) => {
        doc.versiones[0]!.aprobo = { nombre: approver, cargo: 'Directora' };
      });
      // As zod reads it (trimmed), with what nobody can see spelled out.
      const shown = visibleName(approver.trim());
      expect(problems).toEqual([
        `${file}:${positionOf(text, JSON.stringify(approver), 'nombre')}: versiones[0].aprobo.nombre: "${shown}" no puede aprobar la versión 1: es quien la elaboró (elaboro.nombre: "Ana Pérez"); quien elabora no aprueba (ISO 9001, 7.5.2): corrija "aprobo" o "elaboro" según el acta`,
      ]);
    });
  }

  it('spells out the invisible character in the message, so people can find it', () => {
    expect(visibleName('Ana\u200BPérez')).toBe('Ana<U+200B>Pérez');
    expect(visibleName('\uFEFFAna\u00A0Pérez\u00AD')).toBe('<U+FEFF>Ana<U+00A0>Pérez<U+00AD>');
    expect(visibleName('Ana Pérez')).toBe('Ana Pérez');
  });

  it('an open draft heading for the same person is a warning that it will not be approvable, and check still passes', () => {
    const { problems, file, text } = check((doc) => {
      doc.versiones.push({ ...DRAFT, elaboro: { nombre: 'Luis Gómez', cargo: 'Profesional' }, aprobo: { nombre: 'LUIS GOMEZ.', cargo: 'Director' } });
    });
    expect(problems).toEqual([
      `${file}:${positionOf(text, '"LUIS GOMEZ."', 'nombre')}: advertencia: versiones[1].aprobo.nombre: "LUIS GOMEZ." es quien elaboró este borrador (elaboro.nombre: "Luis Gómez"); así no podrá aprobarse (ISO 9001, 7.5.2): indique en "aprobo" a otra persona`,
    ]);
  });

  it('different people stay different', () => {
    const different = (a: string, b: string) => !drafterApproves({ elaboro: { nombre: a, cargo: 'x' }, aprobo: { nombre: b, cargo: 'y' } });
    expect(different('Ana Pérez', 'Ana Pérez Gómez')).toBe(true);
    expect(different('Ana Pérez', 'Ana Pérea')).toBe(true);
    expect(different('Ana Pérez', 'Juan Pérez')).toBe(true);
    // Names without any letter identify nobody: not "the same person".
    expect(different('…', '—')).toBe(true);
    // Without one of the names there is nothing to compare.
    expect(drafterApproves({ elaboro: { cargo: 'x' }, aprobo: { nombre: 'Ana', cargo: 'y' } })).toBe(false);
    expect(personNameKey(' Ana\u200B  PÉREZ.\u00AD ')).toBe('anaperez');
  });
});

describe('approval dates never in the future', () => {
  const today = todayInColombia();
  const tomorrow = new Date(Date.UTC(Number(today.slice(0, 4)), Number(today.slice(5, 7)) - 1, Number(today.slice(8, 10)) + 1)).toISOString().slice(0, 10);

  it('a version approved after today is an error naming the field, the value and today', () => {
    const { problems, file, text } = check((doc) => {
      doc.versiones[0]!.fecha = '2099-12-31';
      doc.versiones[0]!.acta = { numero: '002', fecha: '2021-03-10', comite: 'Comité' };
    });
    expect(problems).toEqual([
      `${file}:${positionOf(text, '"2099-12-31"', 'fecha')}: versiones[0].fecha: "2099-12-31" es posterior a hoy (${today}, hora de Colombia); una versión se aprueba en una fecha que ya ocurrió: escriba la fecha real`,
    ]);
  });

  it('an acta dated tomorrow is an error too, and today is fine', () => {
    const { problems, file, text } = check((doc) => {
      doc.versiones[0]!.fecha = today;
      doc.versiones[0]!.acta = { numero: '002', fecha: tomorrow, comite: 'Comité' };
    });
    const where = positionOf(text, `"${tomorrow}"`, 'fecha');
    // The acta after the approval date is the older rule; both speak.
    expect(problems).toEqual([
      `${file}:${where}: versiones[0].acta.fecha: "${tomorrow}" es posterior a la fecha de aprobación de la versión ("${today}")`,
      `${file}:${where}: versiones[0].acta.fecha: "${tomorrow}" es posterior a hoy (${today}, hora de Colombia); el acta registra una reunión que ya ocurrió: escriba la fecha real`,
    ]);
    expect(
      check((doc) => {
        doc.versiones[0]!.fecha = today;
        doc.versiones[0]!.acta = { numero: '002', fecha: today, comite: 'Comité' };
      }).problems,
    ).toEqual([]);
  });

  it('a draft with future dates is told only that a draft has no dates yet', () => {
    const { problems } = check((doc) => {
      doc.versiones.push({ ...DRAFT, fecha: '2099-12-31', acta: { numero: '003', fecha: '2099-12-31', comite: 'Comité' } });
    });
    expect(problems.map((p) => p.replace(/^.*?: (advertencia: )?/, ''))).toEqual([
      'versiones[1].fecha: "2099-12-31": un borrador aún no tiene fecha de aprobación; docctl aprobar la asigna',
      'versiones[1].acta: un borrador aún no tiene acta de aprobación; docctl aprobar la asigna',
    ]);
  });

  it('uses the real date, not --hoy: a review date cannot let a future approval in', () => {
    // problemsOf passes no "today" at all (no review checks); the rule still applies.
    const { problems } = check((doc) => {
      doc.versiones[0]!.fecha = addMonths(today, 1);
      doc.versiones[0]!.acta = { numero: '002', fecha: '2021-03-10', comite: 'Comité' };
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toContain(`versiones[0].fecha: "${addMonths(today, 1)}" es posterior a hoy (${today}, hora de Colombia)`);
  });
});

describe('the signers of the signature page belong to each version', () => {
  it('a document-level "firmantes" is an error saying which version to move it to', () => {
    const { problems, file, text } = check((doc) => {
      doc.versiones.push({ ...DRAFT });
      doc.firmantes = [{ nombre: 'Marta Díaz', cargo: 'Directora' }];
    });
    expect(problems).toEqual([
      `${file}:${positionOf(text, '"firmantes": [', 'firmantes', 2)}: firmantes: los firmantes de la hoja de firmas ahora pertenecen a cada versión, para que una versión nueva no lleve las firmas de otra; mueva esta lista a versiones[1].firmantes (la versión que firman) y bórrela de aquí`,
    ]);
  });

  it('a version\'s signer is checked like any person: nombre optional, cargo required', () => {
    const { problems } = check((doc) => {
      doc.versiones[0]!.firmantes = [{ nombre: 'Marta Díaz' }];
    });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/:\d+:\d+: versiones\[0\]\.firmantes\[0\]\.cargo: falta este campo obligatorio/);
  });
});
