// Sealing a version into the archive (src/archive/seal.ts), in this process
// so that `npm run mutacion` can kill its mutants: what lands in the version
// folder, byte for byte, the manifest it computes, the register entry that
// follows, and what a refused or failed seal leaves (nothing). approve and
// build seal through the real pipeline in test/lifecycle/ and
// test/reliability/, where no mutant is active.
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { manifestText, readManifest, sha256, type Manifest } from '../../src/archive/manifest.js';
import { archiveDir, archivedVersionDir } from '../../src/archive/paths.js';
import { readRegister } from '../../src/archive/register.js';
import { removeUnfinishedFolders, sealVersion, type FileToArchive } from '../../src/archive/seal.js';
import { inspectEntityArchive } from '../../src/archive/verify.js';
import { SEEDS } from '../support/project.js';

const SLUG = 'personeria-cartagena';
const CODE = 'DE-P-007';

/** The seed's own v1 manifest, without its files: a real identity to seal under. */
function seedManifest(): Omit<Manifest, 'archivos'> {
  const read = readManifest(join(SEEDS, SLUG, 'archivo', CODE, 'v1'));
  if ('problem' in read) throw new Error(read.problem);
  const { archivos: _files, ...rest } = read.manifest;
  return rest;
}

const FILES: FileToArchive[] = [
  { name: `${CODE}-v1.pdf`, bytes: new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x0a, 0x00, 0xff]) },
  { name: 'fuente.json', bytes: Buffer.from('{"codigo":"DE-P-007"}\n') },
  { name: 'vacio.txt', bytes: new Uint8Array() },
];

function emptyArchive() {
  const data = join(mkdtempSync(join(tmpdir(), 'docctl-seal-')), 'data');
  const dir = archiveDir(data, SLUG);
  mkdirSync(dir, { recursive: true });
  const target = archivedVersionDir(data, SLUG, CODE, 1);
  return { data, dir, target, seal: (files = FILES, desde?: string) => sealVersion({ archiveDir: dir, target, files, manifest: seedManifest(), register: { evento: 'aprobacion', ...(desde === undefined ? {} : { desde }) } }) };
}

const listing = (dir: string) => (existsSync(dir) ? readdirSync(dir, { recursive: true }).map(String).sort() : []);

describe('sealing a version', () => {
  it('writes each file byte for byte, read-only, with a manifest of their hashes and sizes, and registers it', () => {
    const a = emptyArchive();
    const sealed = a.seal();
    expect(readdirSync(a.target).sort()).toEqual([`${CODE}-v1.pdf`, 'fuente.json', 'manifiesto.json', 'vacio.txt']);
    for (const file of FILES) {
      expect(new Uint8Array(readFileSync(join(a.target, file.name)))).toEqual(new Uint8Array(file.bytes));
      expect(statSync(join(a.target, file.name)).mode & 0o777).toBe(0o444);
    }
    expect(statSync(join(a.target, 'manifiesto.json')).mode & 0o777).toBe(0o444);

    const archivos = FILES.map((f) => ({ nombre: f.name, sha256: sha256(f.bytes), bytes: f.bytes.byteLength }));
    expect(archivos.map((f) => f.bytes)).toEqual([7, 22, 0]);
    expect(sealed.manifest).toEqual({ ...seedManifest(), archivos });
    const text = readFileSync(join(a.target, 'manifiesto.json'), 'utf8');
    expect(text).toBe(manifestText(sealed.manifest));
    expect(sealed.manifestSha256).toBe(sha256(text));

    const register = readRegister(a.dir);
    expect(register.problems).toEqual([]);
    expect(register.entries).toEqual([sealed.entry]);
    expect(sealed.entry).toMatchObject({ n: 1, evento: 'aprobacion', codigo: CODE, version: 1, manifiestoSha256: sealed.manifestSha256, anterior: null });
    expect('desde' in sealed.entry).toBe(false);

    // Only the version folder and the register: no staging folder is left behind.
    expect(readdirSync(a.dir).sort()).toEqual([CODE, 'registro.jsonl']);
    const archive = inspectEntityArchive(a.data, SLUG);
    expect(archive.findings).toEqual([]);
    expect(archive.versions.map((v) => [v.code, v.number, v.intact])).toEqual([[CODE, 1, true]]);
  });

  it('records where a migrated version came from', () => {
    const a = emptyArchive();
    expect(a.seal(FILES, 'output/archivo/DE-P-007/v1').entry).toMatchObject({ evento: 'aprobacion', desde: 'output/archivo/DE-P-007/v1' });
  });

  it('never writes over a version folder that exists, even an empty one', () => {
    const a = emptyArchive();
    mkdirSync(a.target, { recursive: true });
    expect(() => a.seal()).toThrow(`internal: ${a.target} is archived and write-once`);
    expect(listing(a.dir)).toEqual([CODE, join(CODE, 'v1')]);
  });

  it('a write that fails leaves no folder, no staging and no register entry', () => {
    const a = emptyArchive();
    // Two files of one name: the second cannot be created over the first.
    expect(() => a.seal([FILES[0]!, FILES[0]!])).toThrow(/EEXIST/);
    expect(listing(a.dir)).toEqual([]);
  });
});

describe('removeUnfinishedFolders', () => {
  it('removes the staging folders a crash left, and nothing else', () => {
    const a = emptyArchive();
    mkdirSync(join(a.dir, '.preparando-abc123', 'sub'), { recursive: true });
    writeFileSync(join(a.dir, '.preparando-abc123', 'sub', 'x.pdf'), 'x');
    mkdirSync(join(a.dir, '.preparando-def456'));
    mkdirSync(join(a.dir, CODE, 'v1'), { recursive: true });
    writeFileSync(join(a.dir, 'registro.jsonl'), '');
    writeFileSync(join(a.dir, 'x.preparando-no'), '');
    removeUnfinishedFolders(a.dir);
    expect(readdirSync(a.dir).sort()).toEqual([CODE, 'registro.jsonl', 'x.preparando-no']);
  });

  it('does nothing where there is no archive', () => {
    const a = emptyArchive();
    expect(() => removeUnfinishedFolders(join(a.dir, 'no-existe'))).not.toThrow();
  });
});
