// docctl norma agregar / derogar / modificar, docctl descartar and the
// norm lookup, through the real CLI on a copy of the seeds (no build: these
// commands only edit data/). Every refusal leaves the files byte-identical.
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { REPO, runCli } from '../support/project.js';

const work = mkdtempSync(join(tmpdir(), 'docctl-normas-'));
const data = join(work, 'data');
const catalogFile = join(data, 'normas.json');
const alcaldiaFile = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001.json');
const personeriaFile = join(data, 'personeria-cartagena', 'documentos', 'DE-P-007.json');
const introFile = join(data, 'alcaldia-cartagena', 'documentos', 'GTI-P-001', 'introduccion.md');

const cli = (...args: string[]) => runCli([...args, '--datos', data, '--hoy', '2026-11-29']);
const read = (path: string) => readFileSync(path, 'utf8');
const catalog = () => JSON.parse(read(catalogFile)).normas as { id: string; tipo: string; numero: string; año: number; estado: string; reemplazadaPor?: string }[];

beforeAll(() => {
  cpSync(join(REPO, 'data'), data, { recursive: true });
});

describe('docctl norma agregar', () => {
  it('adds a norm with the id derived from type, number and year, after the others of its year', () => {
    const before = read(catalogFile);
    const result = cli('norma', 'agregar', '--tipo', 'Ley', '--numero', '2195', '--año', '2022', '--fecha', '2022-01-18', '--detalle', 'Por medio de la cual se adoptan medidas en materia de transparencia', '--url', 'https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=175606');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(`Se agregó Ley 2195 de 2022 al normograma (${catalogFile}) con el id "ley-2195-2022".\nPara citarla, agregue "ley-2195-2022" a "normas" de cada documento, en el orden del marco jurídico.\n`);
    // Exactly one object inserted, formatted like its neighbours; the rest of the file byte for byte.
    const block = [
      '    {',
      '      "id": "ley-2195-2022",',
      '      "tipo": "Ley",',
      '      "numero": "2195",',
      '      "año": 2022,',
      '      "fecha": "2022-01-18",',
      '      "detalle": "Por medio de la cual se adoptan medidas en materia de transparencia",',
      '      "url": "https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=175606",',
      '      "estado": "vigente"',
      '    },',
      '',
    ].join('\n');
    const after = read(catalogFile);
    expect(after).toContain(block);
    expect(after.replace(block, '')).toBe(before);
    const norms = catalog();
    const index = norms.findIndex((n) => n.id === 'ley-2195-2022');
    expect(norms[index]).toEqual({ id: 'ley-2195-2022', tipo: 'Ley', numero: '2195', año: 2022, fecha: '2022-01-18', detalle: 'Por medio de la cual se adoptan medidas en materia de transparencia', url: 'https://www.funcionpublica.gov.co/eva/gestornormativo/norma.php?i=175606', estado: 'vigente' });
    expect(norms[index - 1]!.año).toBe(2022);
    expect(norms[index + 1]!.año).toBeLessThan(2022);
    expect(cli('check').status).toBe(0);
  });

  it('refuses ids and names that exist, the type shortened included, and bad values; the file stays as it was', () => {
    const before = read(catalogFile);
    const cases: [string[], string][] = [
      [['--tipo', 'Decreto', '--numero', '767', '--año', '2022', '--detalle', 'x'], 'docctl: Decreto 767 de 2022 ya está en el normograma: "Decreto 767 de 2022" (id "decreto-767-2022")\n'],
      [['--tipo', 'Ley', '--numero', '1581', '--año', '2012', '--detalle', 'x'], 'docctl: Ley 1581 de 2012 ya está en el normograma: "Ley Estatutaria 1581 de 2012" (id "ley-estatutaria-1581-2012")\n'],
      [['--tipo', 'Ley', '--numero', '9', '--año', '2030', '--detalle', 'x', '--id', 'ley-1712-2014'], 'docctl: el id "ley-1712-2014" ya está en el normograma (Ley 1712 de 2014); si es otra norma, dé otro id con --id\n'],
      [['--tipo', 'Ley', '--numero', '9', '--año', '2030', '--detalle', 'x', '--fecha', '2030-02-30'], 'docctl: la norma no se agregó: --fecha "2030-02-30": no es una fecha válida del calendario\n'],
      [['--tipo', 'Ley', '--numero', '9', '--año', '2030', '--detalle', 'x', '--url', 'www.x.gov.co'], 'docctl: la norma no se agregó: --url "www.x.gov.co": debe ser una dirección web que empiece por http:// o https://\n'],
      [['--tipo', 'Ley', '--numero', '9', '--año', 'dos mil', '--detalle', 'x'], 'docctl: --año "dos mil" no es un año; escriba cuatro cifras, p. ej. --año 2022\n'],
      [['--tipo', 'Ley'], 'docctl: faltan --numero, --año, --detalle: docctl norma agregar --tipo Decreto --numero 767 --año 2022 --detalle "Por el cual…" [--fecha AAAA-MM-DD] [--url https://…] [--id …]\n'],
    ];
    for (const [args, message] of cases) {
      const result = cli('norma', 'agregar', ...args);
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(1);
    }
    expect(read(catalogFile)).toBe(before);
  });
});

describe('docctl norma derogar / modificar', () => {
  it('refuses unknown norms with a suggestion, a norm replacing itself and a second repeal; nothing is written', () => {
    const before = read(catalogFile);
    const cases: [string[], string][] = [
      [['derogar', 'Ley 1582 de 2012', '--por', 'Ley 1712 de 2014'], 'docctl: la norma "Ley 1582 de 2012" no está en el normograma (' + catalogFile + '); ¿quiso decir "Ley Estatutaria 1581 de 2012"? Escríbala como "Decreto 1008 de 2018" o con su id, o agréguela primero con docctl norma agregar\n'],
      [['derogar', 'Ley 1712 de 2014', '--por', 'Resolución 767 de 2022'], 'docctl: --por "Resolución 767 de 2022" no está en el normograma (' + catalogFile + '); ¿quiso decir "Decreto 767 de 2022"? Escríbala como "Decreto 1008 de 2018" o con su id, o agréguela primero con docctl norma agregar\n'],
      [['derogar', 'Ley 1712 de 2014', '--por', 'ley-1712-2014'], 'docctl: --por "ley-1712-2014" es la misma norma; una norma no se deroga a sí misma\n'],
      [['derogar', 'Decreto 1008 de 2018', '--por', 'Ley 1712 de 2014'], `docctl: Decreto 1008 de 2018 ya consta como derogada (reemplazada por Decreto 767 de 2022) en ${catalogFile}; no se cambió nada. Si eso está mal, corrija "estado" y "reemplazadaPor" allí a mano\n`],
      [['modificar', 'Decreto 1008 de 2018', '--por', 'Decreto 767 de 2022'], `docctl: Decreto 1008 de 2018 ya consta como derogada (reemplazada por Decreto 767 de 2022) en ${catalogFile}; no se cambió nada. Si eso está mal, corrija "estado" y "reemplazadaPor" allí a mano\n`],
      [['derogar', 'Ley 1712 de 2014'], 'docctl: falta --por: la norma que la deroga o reemplaza, p. ej. docctl norma derogar "Ley 1712 de 2014" --por "Decreto 767 de 2022"\n'],
      [['derogar'], 'docctl: falta la norma: docctl norma derogar "Decreto 1008 de 2018" --por "Decreto 767 de 2022"\n'],
      [['suprimir', 'Ley 1712 de 2014'], 'docctl: docctl norma "suprimir" no existe; use agregar, derogar y modificar\n'],
      [[], 'docctl: falta qué hacer con la norma: docctl norma agregar, derogar o modificar; vea docctl --ayuda\n'],
    ];
    for (const [args, message] of cases) {
      const result = cli('norma', ...args);
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(1);
    }
    expect(read(catalogFile)).toBe(before);
    const same = cli('norma', 'derogar', 'decreto-1008-2018', '--por', 'Decreto 767 de 2022');
    expect(same.status).toBe(0);
    expect(same.stdout).toContain('El Decreto 1008 de 2018 ya constaba derogado, reemplazado por el Decreto 767 de 2022; no se cambió nada.\n');
    expect(read(catalogFile)).toBe(before);
  });

  it('records an amendment, finding "Decreto 1078 de 2015" stored as a Decreto Único Sectorial', () => {
    const result = cli('norma', 'modificar', 'Decreto 1078 de 2015', '--por', 'Decreto 767 de 2022');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`El Decreto Único Sectorial 1078 de 2015 quedó modificado por el Decreto 767 de 2022 en ${catalogFile}.\n`);
    expect(catalog().find((n) => n.id === 'decreto-unico-sectorial-1078-2015')).toMatchObject({ estado: 'modificada', reemplazadaPor: 'decreto-767-2022' });
  });
});

describe('docctl impacto and descartar on an amended norm', () => {
  let alcaldiaBefore: string;
  let personeriaBefore: string;
  let introBefore: string;

  it('finds both seeds: the Alcaldía cites it in its legal framework, the Personería in its glossary', () => {
    const result = cli('impacto', 'Decreto 1078 de 2015');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('Decreto Único Sectorial 1078 de 2015 (decreto-unico-sectorial-1078-2015) — modificada por Decreto 767 de 2022 (decreto-767-2022)\n');
    expect(result.stdout).toContain('    citada en: marco jurídico (normas[27]); glosario («Sede Electrónica»)\n');
    expect(result.stdout).toMatch(/personeria-cartagena {2}DE-P-007 .*\n {4}citada en: glosario \(«Servicios Ciudadanos Digitales»\)\n/);
    expect(result.stdout).toContain('  2 documentos\n');
  });

  it('opens both without --motivo; the amending decree is already in the Alcaldía’s framework', () => {
    alcaldiaBefore = read(alcaldiaFile);
    personeriaBefore = read(personeriaFile);
    introBefore = read(introFile);
    const result = cli('impacto', 'Decreto 1078 de 2015', '--abrir-versiones');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    const description = 'Actualización normativa: el Decreto Único Sectorial 1078 de 2015 fue modificado por el Decreto 767 de 2022.';
    expect(result.stdout).toContain(`GTI-P-001: se abrió la versión 3 (borrador) con la descripción «${description}»\n  marco jurídico: Decreto 767 de 2022 ya estaba en el marco jurídico (normas[0]), junto a Decreto Único Sectorial 1078 de 2015\n`);
    expect(result.stdout).toContain(`DE-P-007: se abrió la versión 2 (borrador) con la descripción «${description}»\n`);
    expect(JSON.parse(read(alcaldiaFile)).normas).toEqual(JSON.parse(alcaldiaBefore).normas);
    // The glossary sentence is listed with its file, line and field (of the file as it is now, with the new version in it).
    const line = read(personeriaFile).split('\n').findIndex((l) => l.includes('decreto 1078 del 2015')) + 1;
    expect(result.stdout).toContain(
      `  - ${personeriaFile}:${line}:7: glosario[8].definicion: menciona Decreto Único Sectorial 1078 de 2015 (modificada por Decreto 767 de 2022) en glosario («Servicios Ciudadanos Digitales»); revise la frase, docctl no cambia el texto: «Establece según el decreto 1078 del 2015, los lineamientos de los servicios y todo lo que compone los servicios ciudadanos…»\n`,
    );
    // The Alcaldía's framework cites an amended norm: the list says so.
    expect(result.stdout).toContain('normas[27]: el marco jurídico cita Decreto Único Sectorial 1078 de 2015, modificada por Decreto 767 de 2022; revise si el texto sigue al día\n');
    expect(existsSync(join(data, 'alcaldia-cartagena', 'deshacer', 'GTI-P-001.json'))).toBe(true);
  });

  it('refuses to discard edited drafts without --forzar, then restores every file byte for byte', () => {
    writeFileSync(introFile, `${introBefore}\nUn párrafo nuevo del borrador.\n`);
    const refused = cli('descartar', '--todos-de', 'Decreto 1078 de 2015');
    expect(refused.status).toBe(1);
    expect(refused.stderr).toBe(`docctl: estos borradores se editaron desde que se abrieron: GTI-P-001 (${introFile}); descartarlos pierde esas ediciones. Si es lo que quiere, repita con --forzar. No se descartó nada\n`);
    expect(read(introFile)).toContain('Un párrafo nuevo');
    expect(JSON.parse(read(personeriaFile)).versiones).toHaveLength(2);

    const result = cli('descartar', '--todos-de', 'decreto 1078 del 2015', '--forzar');
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      `GTI-P-001: se descartó la versión 3 (borrador); ${alcaldiaFile}, ${introFile} quedaron como antes de abrirla\n` +
        `DE-P-007: se descartó la versión 2 (borrador); ${personeriaFile} quedó como antes de abrirla\n`,
    );
    expect(read(alcaldiaFile)).toBe(alcaldiaBefore);
    expect(read(personeriaFile)).toBe(personeriaBefore);
    expect(read(introFile)).toBe(introBefore);
    expect(existsSync(join(data, 'alcaldia-cartagena', 'deshacer'))).toBe(false);
  });

  it('refuses what cannot be discarded', () => {
    const cases: [string[], string][] = [
      [['descartar', '--todos-de', 'Decreto 1078 de 2015'], 'docctl: no hay borradores abiertos por docctl impacto "Decreto Único Sectorial 1078 de 2015" --abrir-versiones: no hay nada que descartar\n'],
      [['descartar', 'GTI-P-002'], 'docctl: no hay ningún documento con el código "GTI-P-002"\n'],
      [['descartar'], 'docctl: falta qué descartar: docctl descartar <CÓDIGO>, o docctl descartar --todos-de "Decreto 1008 de 2018" para todo lo que abrió docctl impacto\n'],
      [['descartar', '--todos-de', 'Ley 1582 de 2012'], 'docctl: la norma "Ley 1582 de 2012" no está en el normograma; ¿quiso decir "Ley Estatutaria 1581 de 2012"?\n'],
    ];
    for (const [args, message] of cases) {
      const result = cli(...args);
      expect(result.stderr).toBe(message);
      expect(result.status).toBe(1);
    }
  });

  it('refuses a draft opened by hand (no saved copy), saying how to undo it', () => {
    const doc = JSON.parse(read(personeriaFile));
    doc.versiones.push({ numero: 2, estado: 'borrador', descripcion: 'A mano' });
    writeFileSync(personeriaFile, `${JSON.stringify(doc, null, 2)}\n`);
    const result = cli('descartar', 'DE-P-007');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      `docctl: DE-P-007 tiene abierta la versión 2 (borrador), pero no hay copia de antes de abrirla (se abrió a mano o con una versión anterior de docctl); para descartarla, quite esa entrada de "versiones" en ${personeriaFile} y deshaga a mano lo que haya cambiado\n`,
    );
    writeFileSync(personeriaFile, personeriaBefore);
  });

  it('needs --motivo to open versions for a norm in force, and says how to record the change', () => {
    const before = read(alcaldiaFile);
    const result = cli('impacto', 'Ley 1712 de 2014', '--abrir-versiones');
    expect(result.status).toBe(1);
    expect(result.stderr).toBe('docctl: Ley 1712 de 2014 está vigente en el normograma: --abrir-versiones necesita --motivo "por qué cambian los documentos" (o registre antes el cambio con docctl norma derogar/modificar "Ley 1712 de 2014" --por "…")\n');
    expect(read(alcaldiaFile)).toBe(before);
  });

  it('opening with docctl version saves the copy too, and descartar undoes it', () => {
    const result = cli('version', 'DE-P-007', '--motivo', 'Revisión periódica');
    expect(result.status).toBe(0);
    const discard = cli('descartar', 'DE-P-007');
    expect(discard.stderr).toBe('');
    expect(discard.stdout).toBe(`DE-P-007: se descartó la versión 2 (borrador); ${personeriaFile} quedó como antes de abrirla\n`);
    expect(read(personeriaFile)).toBe(personeriaBefore);
  });
});
