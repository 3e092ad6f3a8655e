// What `docctl aprobar` shows and asks before it archives anything
// (src/commands/approve-confirm.ts), in this process: the summary line by
// line, and which answers typed on a terminal approve. approve.test.ts
// covers --si and the refusal without a terminal.
import { PassThrough } from 'node:stream';
import { describe, expect, it, vi } from 'vitest';
import { approvalSummary, confirmApproval, CONFIRM_QUESTION } from '../../src/commands/approve-confirm.js';
import type { ControlledDocument, Entity, Version } from '../../src/validate/schemas.js';
import { captureOutput } from '../support/capture-output.js';

const output = captureOutput();

const entity = (formatoVersion: string) => ({ formatoVersion }) as unknown as Entity;
const document = { codigo: 'GC-P-001', titulo: 'Política de prueba', clasificacion: 'publica-clasificada' } as unknown as ControlledDocument;
const draft = (extra: Partial<Version> = {}) =>
  ({
    numero: 3,
    descripcion: 'Actualización',
    elaboro: { nombre: 'Ana Pérez', cargo: 'Profesional' },
    reviso: { cargo: 'Jefe de Planeación' },
    aprobo: undefined,
    firmantes: [
      { nombre: 'Marta Díaz', cargo: 'Directora' },
      { cargo: 'Secretario' },
    ],
    ...extra,
  }) as unknown as Version;

describe('the approval summary', () => {
  it('says everything the archived version will say, line by line', () => {
    expect(approvalSummary({ entity: entity('01'), document, draft: draft(), fecha: '2022-05-01', acta: '010', comite: 'Comité de Calidad' })).toBe(
      [
        'Se aprobará y archivará (lo archivado no se puede reescribir):',
        '  Documento:      GC-P-001 — Política de prueba',
        '  Versión:        03 (Actualización)',
        '  Fecha:          2022-05-01',
        '  Acta:           No. 010 del 1 de mayo del 2022',
        '  Comité:         Comité de Calidad',
        '  Elaboró:        Ana Pérez, Profesional',
        '  Revisó:         (sin nombre), Jefe de Planeación',
        '  Aprobó:         (nadie)',
        '  Firmantes:     ',
        '    - Marta Díaz, Directora',
        '    - (sin nombre), Secretario',
        '  Clasificación:  Información pública clasificada',
        '',
      ].join('\n'),
    );
  });

  it('says when the signature page will have no signers, and follows the entity\'s version format', () => {
    const summary = approvalSummary({ entity: entity('1'), document, draft: draft({ firmantes: [] }), fecha: '2022-05-01', acta: '010', comite: 'C' });
    expect(summary).toContain('\n  Firmantes:      (ninguno: la hoja de firmas irá sin firmantes)\n');
    expect(summary).toContain('\n  Versión:        3 (Actualización)\n');
  });
});

/** A terminal standing in for process.stdin. */
function terminal(isTTY = true) {
  const stdin = Object.assign(new PassThrough(), { isTTY });
  vi.spyOn(process, 'stdin', 'get').mockReturnValue(stdin as unknown as typeof process.stdin);
  return stdin;
}

/** confirmApproval on a terminal where `typed` is what the person types (null: Ctrl-D at once). */
async function answer(typed: string | null): Promise<boolean> {
  const stdin = terminal();
  const result = confirmApproval('GC-P-001', false);
  if (typed === null) stdin.end();
  else stdin.write(`${typed}\n`);
  const approved = await result;
  // The question is closed once answered: the terminal is let go, nothing keeps reading it.
  expect([stdin.listenerCount('data'), stdin.isPaused()]).toEqual([0, true]);
  return approved;
}

describe('the question on a terminal', () => {
  for (const yes of ['s', 'S', 'si', 'sí', 'SÍ', '  s  ']) {
    it(`"${yes}" approves`, async () => {
      expect(await answer(yes)).toBe(true);
      expect(output.stdout.join('')).toContain(CONFIRM_QUESTION);
    });
  }

  for (const no of ['', 'n', 'no', 'sin', 'ss', 'x s', 'yes']) {
    it(`"${no}" does not`, async () => {
      expect(await answer(no)).toBe(false);
    });
  }

  it('end of input (Ctrl-D) is no', async () => {
    expect(await answer(null)).toBe(false);
  });

  it('without a terminal, refuses and says how a script approves', async () => {
    terminal(false);
    await expect(confirmApproval('GC-P-001', false)).rejects.toThrow(
      expect.objectContaining({
        message:
          'docctl aprobar pide confirmación y aquí no hay una terminal donde preguntar; no se aprobó nada. Si revisó lo de arriba y quiere aprobar desde un script, agregue --si: docctl aprobar GC-P-001 --acta "…" --si',
      }),
    );
    expect(output.stdout).toEqual([]);
  });

  it('--si approves without asking', async () => {
    expect(await confirmApproval('GC-P-001', true)).toBe(true);
    expect(output.stdout).toEqual([]);
  });
});
