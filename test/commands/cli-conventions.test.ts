// The command line as a new user meets it (issue 18, part 3), through the
// real CLI: help everywhere, Spanish names with the English ones as aliases,
// --entidad by folder or by name for every command, a hint for each common
// JSON mistake, every problem of a file in one run, and norm search by type,
// number and year over all the text of a document.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands.js';
import { copyProject, editJson, MINIMAL_DOC, runCli, SEEDS } from '../support/project.js';

describe('help', () => {
  it('answers --help, -h and --ayuda, alone and after any command, in Spanish', () => {
    for (const flag of ['--help', '-h', '--ayuda']) {
      const general = runCli([flag]);
      expect(general.status).toBe(0);
      expect(general.stdout).toContain('Uso: docctl <comando>');
      expect(general.stdout).toContain('  aprobar (approve)');
      expect(general.stdout).toContain('-h, --ayuda, --help');
    }
    // Every command, by its name or its alias: its usage, its options and an example.
    for (const command of COMMANDS) {
      const name = command.aliases[0] ?? command.name;
      const result = runCli([name, '--help']);
      expect(result.status, name).toBe(0);
      expect(result.stdout).toContain(`docctl ${command.name} — `);
      expect(result.stdout).toContain(`Uso: docctl ${command.name}`);
      expect(result.stdout).toContain(`Ejemplo:\n  ${command.example}\n`);
      for (const option of command.options.filter((o) => !['force', 'ano'].includes(o))) expect(result.stdout, `${name} --${option}`).toContain(`--${option}`);
    }
    const approve = runCli(['ayuda', 'approve']);
    expect(approve.stdout).toContain('--acta "…"');
    expect(approve.stdout).toContain('docctl aprobar DE-P-007 --acta "004"');
  });

  it('prints its own version for --version or -V alone; after a command --version stays that command\'s option', () => {
    const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const result = runCli([flag]);
      expect(result.status, flag).toBe(0);
      expect(result.stdout).toBe(`docctl ${version}\n`);
    }
    const annul = runCli(['anular', 'DE-P-007', '--version']);
    expect(annul.status).toBe(1);
    expect(annul.stderr).toBe('docctl: a la opción --version le falta su valor; use docctl --ayuda\n');
  });

  it('refuses an option the command does not take, and an unknown command, pointing at the help', () => {
    const option = runCli(['generar', '--acta', '004']);
    expect(option.status).toBe(1);
    expect(option.stderr).toBe('docctl: docctl generar no usa la opción --acta; vea docctl generar --ayuda\n');
    const entity = runCli(['esquemas', '--entidad', 'personeria-cartagena']);
    expect(entity.status).toBe(1);
    expect(entity.stderr).toContain('docctl esquemas no usa la opción --entidad');
  });
});

describe('--entidad, by folder or by name, for every command', () => {
  let dir: string;
  let data: string;
  const cli = (args: readonly string[]) => runCli([...args, '--datos', data, '--salida', join(dir, 'output'), '--hoy', '2026-11-29'], { cwd: dir });

  beforeAll(() => {
    dir = copyProject(SEEDS);
    data = join(dir, 'data');
  });

  it('verificar checks only that entity, named as entidad.json names it', () => {
    const nombre = (JSON.parse(readFileSync(join(data, 'personeria-cartagena', 'entidad.json'), 'utf8')) as { nombre: string }).nombre;
    const result = cli(['verificar', '--entidad', nombre.toUpperCase()]);
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^personeria-cartagena: /);
    expect(result.stdout).not.toContain('alcaldia-cartagena');
  });

  it('listado writes that entity’s listado in its folder, leaving the whole one alone', () => {
    const result = cli(['listado', '--entidad', 'alcaldia-cartagena']);
    expect(result.stderr).not.toContain('personeria-cartagena');
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^Listado maestro: \d+ documentos? en output\/alcaldia-cartagena\/listado-maestro\.csv y output\/alcaldia-cartagena\/listado-maestro\.pdf\n$/);
    const csv = readFileSync(join(dir, 'output', 'alcaldia-cartagena', 'listado-maestro.csv'), 'utf8');
    expect(csv).toContain('GTI-P-001');
    expect(csv).not.toContain('DE-P-007');
    expect(existsSync(join(dir, 'output', 'listado-maestro.csv'))).toBe(false);
  });

  it('impacto lists only that entity’s documents', () => {
    const all = cli(['impacto', 'Decreto 1078 de 2015']);
    expect(all.stdout).toContain('personeria-cartagena  DE-P-007');
    const one = cli(['impact', 'Decreto 1078 de 2015', '--entidad', 'alcaldia-cartagena']);
    expect(one.status).toBe(0);
    expect(one.stdout).toContain('alcaldia-cartagena  GTI-P-001');
    expect(one.stdout).not.toContain('personeria-cartagena');
  });

  it('validar reports only that entity’s problems', () => {
    editJson(data, 'personeria-cartagena/entidad.json', (e) => (e.tamanoPagina = 'carta-grande'));
    const other = cli(['validar', '--entidad', 'alcaldia-cartagena']);
    expect(other.stderr).not.toContain('personeria-cartagena');
    expect(other.status).toBe(0);
    expect(other.stdout).toMatch(/^Todo en orden: \d+ documentos? válidos? en alcaldia-cartagena\.\n$/);
    const mine = cli(['check', '--entidad', 'personeria-cartagena']);
    expect(mine.status).toBe(1);
    expect(mine.stderr).toContain('data/personeria-cartagena/entidad.json');
  });

  it('names the entities when --entidad matches none', () => {
    const result = cli(['verificar', '--entidad', 'Personeria de Cartagen']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('--entidad "Personeria de Cartagen" no es ninguna entidad de data/');
    expect(result.stderr).toContain('alcaldia-cartagena (');
  });
});

describe('norm search', () => {
  it('finds a norm by type, number and year, and suggests the right one for a slip', () => {
    const found = runCli(['impacto', 'Ley 1581 de 2012']);
    expect(found.status).toBe(0);
    expect(found.stdout).toMatch(/^Ley Estatutaria 1581 de 2012 \(ley-estatutaria-1581-2012\)\n/);
    for (const slip of ['Ley 1518 de 2012', 'Ley 1581 de 2013', 'ley estatutaria 1581 del 2021']) {
      const result = runCli(['impacto', slip]);
      expect(result.status, slip).toBe(1);
      expect(result.stderr, slip).toContain('(¿"Ley Estatutaria 1581 de 2012"?)');
    }
  });

  it('searches the glossary, the roles and the body of each document', () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    editJson(data, MINIMAL_DOC, (d) => {
      d.normas = [];
      d.secciones = [
        { titulo: 'Introducción', contenido: 'Según la Ley 1712 de 2014, todo es público.' },
        { titulo: 'Glosario', bloque: 'glosario' },
        { titulo: 'Roles', bloque: 'roles' },
      ];
      d.glosario = [{ termino: 'Transparencia', definicion: 'Lo que manda la ley 1712 del 2014.' }];
      d.roles = [{ rol: 'Oficial de transparencia', responsabilidades: 'Cumplir la Ley 1712 de 2014.', responsable: 'Secretaría General' }];
    });
    const result = runCli(['impacto', 'Ley 1712 de 2014', '--datos', data], { cwd: dir });
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('citada en: texto de «Introducción»; glosario («Transparencia»); roles («Oficial de transparencia»)');
  });
});

describe('JSON mistakes people make', () => {
  let dir: string;
  let result: ReturnType<typeof runCli>;
  const FILE = `data/${MINIMAL_DOC}`;

  beforeAll(() => {
    dir = copyProject();
    const path = join(dir, FILE);
    const text = readFileSync(path, 'utf8')
      // A comma before "]", a Word line break (U+000B) inside a text, an emoji,
      // a date written day first, an accented value and a misspelt field.
      .replace('{ "termino": "Nube", "definicion": "Servicio." }', '{ "termino": "Nube", "definicion": "Servicio." },')
      .replace('"Texto de **prueba**."', '"Texto de\u000b**prueba** 😀."')
      .replace('"fecha": "2021-03-10",', '"fecha": "10/03/2021",')
      .replace('"clasificacion": "publica"', '"clasificacion": "pública"')
      .replace('"tipo": "politica"', '"tipo": "politica", "codgio": "x"');
    writeFileSync(path, text);
    result = runCli(['validar'], { cwd: dir });
  });

  it('reports every problem of the file in one run, each with its hint', () => {
    expect(result.status).toBe(1);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toEqual([
      expect.stringMatching(new RegExp(`^${FILE}:22:\\d+: JSON no válido: sobra la coma antes de "\\]"; JSON no admite una coma después del último elemento: bórrela$`)),
      expect.stringMatching(new RegExp(`^${FILE}:24:\\d+: JSON no válido: dentro de un texto hay un salto de línea manual de Word \\(Mayús\\+Intro\\); JSON no lo admite así: escriba \\\\n para un salto de línea$`)),
      `${FILE}:8:3: clasificacion: "pública" debe ser "publica", "publica-clasificada" o "publica-reservada"; ¿quiso decir "publica"? Estos valores se escriben sin tildes, en minúsculas y con guiones`,
      `${FILE}:12:7: versiones[0].fecha: "10/03/2021" debe tener el formato AAAA-MM-DD, por ejemplo "2022-12-15"; ¿quiso decir "2021-03-10"? (año-mes-día)`,
      expect.stringMatching(/:7:\d+: codgio: campo desconocido; ¿quiso decir "codigo"\?/),
      expect.stringMatching(/:24:\d+: secciones\[0\]\.contenido: el carácter «😀» \(U\+1F600\) no existe en la fuente/),
      '6 errores',
    ]);
  });

  it('names Word’s curly quotes', () => {
    const path = join(dir, FILE);
    writeFileSync(path, readFileSync(path, 'utf8').replace('"titulo": "Política de prueba"', '“titulo”: “Política de prueba”'));
    const curly = runCli(['check'], { cwd: dir });
    expect(curly.status).toBe(1);
    expect(curly.stderr).toContain(`${FILE}:4:3: JSON no válido: comillas tipográficas “ (las pone Word o el corrector al escribir); en JSON los textos y los nombres de campo van entre comillas rectas "…"`);
  });
});
