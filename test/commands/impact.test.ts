// docctl impacto, in this process: each refusal alone with its message, and
// what it says of a norm nobody cites. (Finding citations and opening drafts
// through the real CLI: test/lifecycle/workflow.test.ts.)
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { captureOutput } from '../support/capture-output.js';
import { runImpact } from '../../src/commands/impact.js';
import { copyProject, editJson, MINIMAL_DOC, TEMPLATES } from '../support/project.js';

const output = captureOutput();

function options() {
  const dir = copyProject();
  return { dataDir: join(dir, 'data'), templatesDir: TEMPLATES, outputDir: join(dir, 'output'), quiet: true };
}

describe('impacto refuses, each reason alone', () => {
  it('without a norm', () => {
    expect(() => runImpact(options(), undefined, false, undefined)).toThrow('falta la norma: docctl impacto "Decreto 1008 de 2018" (o su id del normograma)');
  });

  it('opening drafts without --motivo, for a norm in force', () => {
    expect(() => runImpact(options(), 'ley-1712-2014', true, undefined)).toThrow(
      expect.objectContaining({
        message:
          'Ley 1712 de 2014 está vigente en el normograma: --abrir-versiones necesita --motivo "por qué cambian los documentos" (o registre antes el cambio con docctl norma derogar/modificar "Ley 1712 de 2014" --por "…")',
      }),
    );
  });

  it('opening drafts without --motivo, for a changed norm with no replacement recorded (it used to call it "vigente")', () => {
    const opts = options();
    editJson(opts.dataDir, 'normas.json', (catalog) => delete (catalog.normas as Record<string, unknown>[])[1]!.reemplazadaPor);
    expect(() => runImpact(opts, 'decreto-1008-2018', true, undefined)).toThrow(
      expect.objectContaining({
        message: 'Decreto 1008 de 2018 consta como derogada en el normograma, sin la norma que la reemplaza ("reemplazadaPor"): --abrir-versiones necesita --motivo "por qué cambian los documentos"',
      }),
    );
    editJson(opts.dataDir, 'normas.json', (catalog) => ((catalog.normas as Record<string, unknown>[])[1]!.estado = 'modificada'));
    expect(() => runImpact(opts, 'decreto-1008-2018', true, undefined)).toThrow(
      expect.objectContaining({
        message: 'Decreto 1008 de 2018 consta como modificada en el normograma, sin la norma que la modifica ("reemplazadaPor"): --abrir-versiones necesita --motivo "por qué cambian los documentos"',
      }),
    );
  });

  it('opening drafts for a name two norms share, until it is given by id', () => {
    const opts = options();
    editJson(opts.dataDir, 'normas.json', (catalog) => {
      const normas = catalog.normas as Record<string, unknown>[];
      normas.push({ ...normas[0], id: 'ley-1712-2014-bis', detalle: 'Otra' });
    });
    expect(() => runImpact(opts, 'Ley 1712 de 2014', true, 'Motivo')).toThrow(
      expect.objectContaining({ message: '"Ley 1712 de 2014" puede ser "Ley 1712 de 2014" (ley-1712-2014) o "Ley 1712 de 2014" (ley-1712-2014-bis); para abrir versiones, escriba su id' }),
    );
  });

  it('a norm that is not in the catalog, with a hint when one is close', () => {
    expect(() => runImpact(options(), 'ley-1712-2041', false, undefined)).toThrow(
      'la norma "ley-1712-2041" no está en el normograma (data/normas.json); escríbala como "Decreto 1008 de 2018" o con su id (¿"ley-1712-2014"?)',
    );
    expect(() => runImpact(options(), 'Resolución 9 de 1999', false, undefined)).toThrow(
      /^la norma "Resolución 9 de 1999" no está en el normograma \(data\/normas\.json\); escríbala como "Decreto 1008 de 2018" o con su id$/,
    );
  });

  it('when the data has errors, printing them', () => {
    const opts = options();
    editJson(opts.dataDir, MINIMAL_DOC, (doc) => {
      doc.tipo = 'circular';
    });
    expect(runImpact(opts, 'ley-1712-2014', false, undefined)).toBe(1);
    expect(output.stderr.join('')).toMatch(/GC-P-001\.json:\d+:\d+: tipo: "circular" debe ser uno de/);
    expect(output.stdout).toEqual([]);
  });
});

describe('impacto reports', () => {
  it('a norm nobody cites', () => {
    expect(runImpact(options(), 'Decreto 767 de 2022', false, undefined)).toBe(0);
    expect(output.stdout.join('')).toBe('Decreto 767 de 2022 (decreto-767-2022)\n  Ningún documento la cita.\n');
  });

  it('a cited norm, by id, with the document and where it cites it', () => {
    expect(runImpact(options(), 'ley-1712-2014', false, undefined)).toBe(0);
    expect(output.stdout.join('')).toBe(
      'Ley 1712 de 2014 (ley-1712-2014)\n' +
        '  entidad-prueba  GC-P-001  «Política de prueba»  versión vigente 1.0\n' +
        '    citada en: marco jurídico (normas[0])\n' +
        '  1 documento\n',
    );
  });
});
