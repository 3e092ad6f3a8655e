// The import writes all of a document or nothing: a failure midway removes
// what the run had written, and an existing document is never touched.
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { UserError } from '../../src/errors.js';
import { writeImport } from '../../src/import/write-import.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));
const documentsDir = () => {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-import-'));
  dirs.push(dir);
  return dir;
};

it('a failure while writing the folder leaves nothing behind', () => {
  const dir = documentsDir();
  // "a" is written as a file, then needed as a folder: the second write fails.
  const folderFiles = new Map<string, string>([
    ['a', 'texto'],
    ['a/b.md', 'más texto'],
  ]);
  expect(() => writeImport({ documentsDir: dir, code: 'GC-P-010', json: '{}\n', folderFiles })).toThrow(UserError);
  expect(readdirSync(dir)).toEqual([]);
});

it('writes the folder and then the JSON, and refuses to write over either', () => {
  const dir = documentsDir();
  writeImport({ documentsDir: dir, code: 'GC-P-010', json: '{}\n', folderFiles: new Map([['seccion.md', 'Texto\n']]) });
  expect(readdirSync(dir).sort()).toEqual(['GC-P-010', 'GC-P-010.json']);
  expect(readdirSync(join(dir, 'GC-P-010'))).toEqual(['seccion.md']);
  const other = documentsDir();
  writeFileSync(join(other, 'GC-P-010.json'), 'de otra persona');
  expect(() => writeImport({ documentsDir: other, code: 'GC-P-010', json: '{}\n', folderFiles: new Map() })).toThrow(/ya existe .*GC-P-010\.json; docctl importar nunca sobrescribe/);
  expect(readdirSync(other)).toEqual(['GC-P-010.json']);
});
