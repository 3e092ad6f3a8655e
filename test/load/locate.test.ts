// locate() finds a property's key by reading a file only up to it, and falls
// back on the whole syntax tree for anything else (read-json.ts). Both ways
// must name the same line and column, for any JSON and any path.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { locate, locateInTree, readJsonFile, type JsonFile } from '../../src/load/read-json.js';

const dir = mkdtempSync(join(tmpdir(), 'docctl-locate-'));
let files = 0;

/** The file as docctl reads it: written to disk, read back without a tree. */
function jsonFile(text: string): JsonFile {
  const path = join(dir, `archivo-${files++}.json`);
  writeFileSync(path, text);
  const read = readJsonFile(path, 'archivo.json');
  if (Array.isArray(read)) throw new Error(`not JSON: ${text}`);
  return read;
}

/** Every path to a value inside `value`, the root excluded. */
function pathsIn(value: unknown, prefix: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => [[...prefix, i], ...pathsIn(item, [...prefix, i])]);
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([key, item]) => [[...prefix, key], ...pathsIn(item, [...prefix, key])]);
  return [];
}

const key = fc.constantFrom('a', 'b', 'titulo', 'versiones', 'fecha', 'ñandú');
const value = fc.letrec((tie) => ({
  any: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.string({ maxLength: 8 }), fc.integer(), fc.constant(null), tie('object'), tie('array')),
  object: fc.dictionary(key, tie('any'), { maxKeys: 4 }),
  array: fc.array(tie('any'), { maxLength: 3 }),
})).object;

describe('locate', () => {
  it('names the same place as the syntax tree, for every path that exists and some that do not', () => {
    fc.assert(
      fc.property(value, fc.constantFrom(0, 2), fc.array(fc.oneof(key, fc.nat(3)), { maxLength: 4 }), (data, indent, missing) => {
        const text = JSON.stringify(data, null, indent);
        for (const path of [...pathsIn(data), missing]) {
          expect(locate(jsonFile(text), path)).toEqual(locateInTree(jsonFile(text), path));
        }
      }),
      { numRuns: 150 },
    );
  });

  it('points at the key of a property', () => {
    const json = jsonFile('{\n  "versiones": [\n    { "numero": 1, "fecha": "2020-01-30" }\n  ],\n  "fecha": "x",\n  "hoy": "y"\n}');
    expect(locate(json, ['versiones', 0, 'fecha'])).toEqual({ line: 3, column: 20 });
    expect(locate(json, ['fecha'])).toEqual({ line: 5, column: 3 });
    // A field that is not there: its nearest parent that is.
    expect(locate(json, ['versiones', 0, 'acta'])).toEqual({ line: 3, column: 5 });
  });

  it('refuses a key repeated in one object, naming both places; the same key in two objects is fine', () => {
    const path = join(dir, 'repetido.json');
    writeFileSync(path, '{\n  "a": { "fecha": 1 },\n  "b": { "fecha": 2 },\n  "clasificacion": "publica-reservada",\n  "\\u0063lasificacion": "publica"\n}');
    const read = readJsonFile(path, 'repetido.json');
    expect(Array.isArray(read) && read.map((p) => `${p.line}:${p.column} ${p.message}`)).toEqual([
      '5:3 el campo "clasificacion" está repetido en el mismo objeto (la primera vez en la línea 4, columna 3); JSON se quedaría solo con el último valor: deje uno solo',
    ]);
  });
});
