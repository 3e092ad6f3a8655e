// A normative change end to end, through the real CLI, on a copy of the
// seeds: record the repeal in the catalogue, open a draft in every document
// that cites the repealed decree, read the review list, approve one draft,
// discard the other, build, and find the change in the approved version's
// legal framework (its PDF, read with pdftotext, and the site page).
//
// Two adjustments to the copy, both to put the seeds back where a real
// change starts: the catalogue's Decreto 1008 de 2018 is set back to
// "vigente" (as it was before Decreto 767 of May 2022, so the repeal can be
// recorded; the seeds already record it), and the Personería's policy, whose
// legal framework is empty in the seeds, cites the norms its 2020 version was
// written under (Ley 1712 de 2014 — its glossary quotes it — and Decreto 1008
// de 2018). No seed norm is cited in both legal frameworks otherwise.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/project.js';

const work = mkdtempSync(join(tmpdir(), 'docctl-normativo-'));
const data = join(work, 'data');
const output = join(work, 'output');
const catalogFile = join(data, 'normas.json');
const alcaldiaFile = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json');
const introFile = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001', 'introduccion.md');
const personeriaFile = join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json');
const sitePage = join(output, 'sitio', 'alcaldia-cartagena', 'GTI-P-001', 'index.html');

const cli = (...args: string[]) => runCli([...args, '--datos', data, '--salida', output, '--hoy', '2026-11-29']);
const read = (path: string) => readFileSync(path, 'utf8');
const json = (path: string) => JSON.parse(read(path));
const pdfText = (path: string) => execFileSync('pdftotext', ['-layout', path, '-'], { encoding: 'utf8' });
/** A file the site page links to (the archive may live elsewhere; the site's copy is what people download). */
const linkedFile = (name: RegExp) => {
  const href = [...read(sitePage).matchAll(/href="([^"]+)"/g)].map((m) => m[1]!).find((h) => name.test(h));
  expect(href, `the site page links to ${name}`).toBeDefined();
  return resolve(dirname(sitePage), href!);
};
/** A legal-framework row of the PDF (type, number and year columns). */
const frameworkRow = (tipo: string, numero: string, año: number) => new RegExp(`^\\s*${tipo}\\s+${numero}\\s+${año}\\s`, 'm');
const siteRow = (numero: string, año: number) => `<td><p>${numero}</p></td><td><p>${año}</p></td>`;

const REPEALED_IN_SEEDS = '"estado": "derogada",\n      "reemplazadaPor": "decreto-767-2022"';
const DESCRIPTION = 'Actualización normativa: el Decreto 1008 de 2018 fue derogado y lo reemplaza el Decreto 767 de 2022.';

describe('a normative change, from the repeal to the approved version', () => {
  let catalogBefore: string;
  let personeriaBefore: string;
  let alcaldiaBefore: string;
  let introBefore: string;
  let opening: ReturnType<typeof runCli>;

  beforeAll(() => {
    cpSync(join(REPO, 'data'), data, { recursive: true });
    // The copy is adjusted below (a norm cited by both, the catalogue as it stood before the repeal):
    // its approved versions are sealed from the adjusted data by the first build, not taken from the
    // committed archive, whose frozen data would (rightly) refuse the adjustment.
    for (const entity of readdirSync(data, { withFileTypes: true })) if (entity.isDirectory()) rmSync(join(data, entity.name, 'archivo'), { recursive: true, force: true });
    const catalog = read(catalogFile);
    expect(catalog.split(REPEALED_IN_SEEDS)).toHaveLength(2);
    writeFileSync(catalogFile, catalog.replace(REPEALED_IN_SEEDS, '"estado": "vigente"'));
    const personeria = read(personeriaFile);
    expect(json(personeriaFile).normas).toBeUndefined();
    writeFileSync(personeriaFile, personeria.replace('  "glosario": [', '  "normas": [\n    "ley-1712-2014",\n    "decreto-1008-2018"\n  ],\n  "glosario": ['));
    const build = cli('build');
    expect(build.stderr).not.toContain('error');
    expect(build.status).toBe(0);
  });

  it('records the repeal in the catalogue exactly as the seeds have it', () => {
    catalogBefore = read(catalogFile);
    const result = cli('norma', 'derogar', 'Decreto 1008 de 2018', '--por', 'Decreto 767 de 2022');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `El Decreto 1008 de 2018 quedó derogado, reemplazado por el Decreto 767 de 2022 en ${catalogFile}.\n` +
        'Para ver y actualizar los documentos que la citan: docctl impacto "Decreto 1008 de 2018" --abrir-versiones\n',
    );
    expect(read(catalogFile)).toBe(read(join(REPO, 'data', 'normas.json')));
    expect(read(catalogFile)).not.toBe(catalogBefore);
  });

  it('opens a draft in both documents, with the new decree in place of the old one', () => {
    personeriaBefore = read(personeriaFile);
    alcaldiaBefore = read(alcaldiaFile);
    introBefore = read(introFile);
    opening = cli('impacto', 'Decreto 1008 de 2018', '--abrir-versiones');
    expect(opening.stderr).toBe('');
    expect(opening.status).toBe(0);
    const out = opening.stdout;
    expect(out).toContain('Decreto 1008 de 2018 (decreto-1008-2018) — derogada, reemplazada por Decreto 767 de 2022 (decreto-767-2022)\n');
    expect(out).toContain('  2 documentos\n');
    expect(out).toContain(`GTI-P-001: se abrió la versión 3 (borrador) con la descripción «${DESCRIPTION}»\n`);
    expect(out).toContain('  marco jurídico: sale Decreto 1008 de 2018 (normas[21]); Decreto 767 de 2022 ya estaba en el marco jurídico (normas[0])\n');
    expect(out).toContain(`DE-P-007: se abrió la versión 2 (borrador) con la descripción «${DESCRIPTION}»\n`);
    expect(out).toContain('  marco jurídico: Decreto 767 de 2022 reemplaza a Decreto 1008 de 2018 en normas[1]\n');

    // The Alcaldía already cited Decreto 767 de 2022: the old one goes, the new one is not repeated.
    const alcaldia = json(alcaldiaFile);
    const seedNormas = json(join(REPO, 'data', 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json')).normas as string[];
    expect(alcaldia.normas).toEqual(seedNormas.filter((id) => id !== 'decreto-1008-2018'));
    expect(alcaldia.normas.filter((id: string) => id === 'decreto-767-2022')).toHaveLength(1);
    // The signers of the signature page start as the previous version's (docctl version does the same).
    expect(alcaldia.versiones.at(-1)).toEqual({ numero: 3, estado: 'borrador', descripcion: DESCRIPTION, firmantes: alcaldia.versiones.at(-2).firmantes });
    // The Personería's replaced in the same position.
    const personeria = json(personeriaFile);
    expect(personeria.normas).toEqual(['ley-1712-2014', 'decreto-767-2022']);
    expect(personeria.versiones.at(-1)).toEqual({ numero: 2, estado: 'borrador', descripcion: DESCRIPTION });
    // Nothing else changed: not the rest of the files, not the text that mentions the old decree.
    const { normas: _a, versiones: _b, ...alcaldiaRest } = alcaldia;
    const { normas: _c, versiones: _d, ...alcaldiaRestBefore } = JSON.parse(alcaldiaBefore);
    expect(alcaldiaRest).toEqual(alcaldiaRestBefore);
    expect(read(introFile)).toBe(introBefore);
    expect(read(introFile)).toContain('desde la adopción del Decreto 1008 de 2018 y ahora se acoge al Decreto 767');
  });

  it('lists what each draft still needs, with the sentence that mentions the old decree', () => {
    const out = opening.stdout;
    expect(out).toContain('\nPendiente de revisión en GTI-P-001 v3 (borrador), 3 puntos:\n');
    expect(out).toContain(
      `  - ${introFile}:3: menciona Decreto 1008 de 2018 (derogada, reemplazada por Decreto 767 de 2022) en texto de «INTRODUCCIÓN»; revise la frase, docctl no cambia el texto: «Gobierno Digital se estableció en todo el territorio colombiano desde la adopción del Decreto 1008 de 2018 y ahora se acoge al Decreto 767 de mayo de 2022 que propone su conformación desde…»\n`,
    );
    expect(out).toMatch(/ {2}- .*GTI-P-001\.json:\d+:\d+: versiones\[2\]: faltan firmantes para aprobar: Elaboró \(elaboro\.nombre, elaboro\.cargo\), Revisó \(reviso\.nombre, reviso\.cargo\), Aprobó \(aprobo\.nombre, aprobo\.cargo\)\n/);
    expect(out).toContain('versiones[2]: pendiente de aprobación: número y fecha del acta, con docctl aprobar GTI-P-001 --acta "…" --fecha AAAA-MM-DD; la próxima revisión vencerá 24 meses después de esa fecha\n');
    expect(out).toContain('\nPendiente de revisión en DE-P-007 v2 (borrador), 2 puntos:\n');
    // The Personería never recorded its committee: approval will need it.
    expect(out).toContain('versiones[1]: pendiente de aprobación: número y fecha del acta y el comité (ninguna versión anterior lo registra), con docctl aprobar DE-P-007 --acta "…" --fecha AAAA-MM-DD --comite "…"');
    expect(out).toContain('\nSiguiente paso: en cada borrador, revise lo pendiente de arriba y edite sus archivos (docctl validar lo vuelve a listar); complete elaboro, reviso y aprobo de la versión y apruébela con docctl aprobar <CÓDIGO> --acta "…" --fecha AAAA-MM-DD (GTI-P-001, DE-P-007).\n');
    expect(out).toContain('Para deshacer esta apertura antes de aprobar: docctl descartar --todos-de "Decreto 1008 de 2018" (o docctl descartar <CÓDIGO> para uno).\n');
  });

  it('check lists the same review points as warnings, and passes', () => {
    const result = cli('check');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe('Todo en orden: 4 documentos válidos.\n');
    expect(result.stderr).toContain(`${introFile}:3: advertencia: GTI-P-001 v3 (borrador): menciona Decreto 1008 de 2018 (derogada, reemplazada por Decreto 767 de 2022) en texto de «INTRODUCCIÓN»`);
    expect(result.stderr).toMatch(/DE-P-007\.json:\d+:\d+: advertencia: versiones\[1\]: DE-P-007 v2 \(borrador\): faltan firmantes para aprobar/);
    // The draft no longer cites the repealed decree, so the "needs a new version" warning is gone.
    expect(result.stderr).not.toContain('que está derogada');
    // impacto without --abrir-versiones gives the review list of the drafts already open.
    const impact = cli('impacto', 'Decreto 1008 de 2018');
    expect(impact.stdout).toContain('\nPendiente de revisión en GTI-P-001 v3 (borrador), 3 puntos:\n');
    expect(impact.stdout).toContain(`  - ${introFile}:3: menciona Decreto 1008 de 2018`);
    expect(impact.stdout).not.toContain('Pendiente de revisión en DE-P-007');
  });

  it('discards the Personería draft: its file is byte for byte as before the opening', () => {
    const result = cli('descartar', 'DE-P-007');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`DE-P-007: se descartó la versión 2 (borrador); ${personeriaFile} quedó como antes de abrirla\n`);
    expect(read(personeriaFile)).toBe(personeriaBefore);
    expect(existsSync(join(data, 'personeria-cartagena', 'deshacer'))).toBe(false);
    const again = cli('descartar', 'DE-P-007');
    expect(again.status).toBe(1);
    expect(again.stderr).toBe('docctl: DE-P-007 no tiene un borrador abierto: no hay nada que descartar (su última versión, la 1, está aprobada)\n');
  });

  it('approves the Alcaldía draft once its signers are filled in', () => {
    const doc = json(alcaldiaFile);
    Object.assign(doc.versiones[2], {
      elaboro: { nombre: 'Ana Pérez', cargo: 'Profesional Universitario de TI' },
      reviso: { nombre: 'Luis Gómez', cargo: 'Jefe de la Oficina Asesora de Informática' },
      aprobo: { nombre: 'Marta Díaz', cargo: 'Secretaria General' },
    });
    writeFileSync(alcaldiaFile, `${JSON.stringify(doc, null, 2)}\n`);
    // The approval branch adds a confirmation that --si skips; pass it only where it exists.
    const result = cli('approve', 'GTI-P-001', '--acta', '011', '--fecha', '2026-11-29', '--si');
    expect(result.stderr).not.toContain('error');
    expect(result.status, result.stderr).toBe(0);
    expect(existsSync(join(data, 'alcaldia-cartagena', 'deshacer'))).toBe(false);
    const late = cli('descartar', 'GTI-P-001');
    expect(late.status).toBe(1);
    expect(late.stderr).toBe('docctl: GTI-P-001 no tiene un borrador abierto: no hay nada que descartar (su última versión, la 3, está aprobada)\n');
  });

  it('the approved version’s legal framework has the new decree, and its text still tells the history', () => {
    const v3 = pdfText(linkedFile(/GTI-P-001-v3\.pdf$/));
    expect(v3).not.toMatch(frameworkRow('Decreto', '1008', 2018));
    expect(v3).toMatch(frameworkRow('Decreto', '767', 2022));
    expect(v3).toContain('desde la adopción del Decreto 1008 de 2018');
    // The change history's row wraps the description beside the approver's name.
    expect(v3).toMatch(/3\.0\s+29\/11\/2026\s+Actualización normativa: el Decreto 1008 de 2018 fue\s+Marta Díaz, Secretaria General\s+derogado y lo reemplaza el Decreto 767 de 2022\./);
    // The version it replaced keeps the old framework, as archived; the site offers it only stamped OBSOLETO.
    const v2 = pdfText(join(data, 'alcaldia-cartagena', 'archivo', 'GTI-P-001', 'v2', 'GTI-P-001-v2.pdf'));
    expect(v2).toMatch(frameworkRow('Decreto', '1008', 2018));
    expect(pdfText(linkedFile(/GTI-P-001-v2-OBSOLETO\.pdf$/))).toContain('OBSOLETO');

    const page = read(sitePage);
    expect(page).not.toContain(siteRow('1008', 2018));
    expect(page).toContain(siteRow('767', 2022));
    expect(page).toContain(DESCRIPTION);
  });
});
