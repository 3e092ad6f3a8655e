// docctl verify and the sealing it checks (publish/archive.ts), in this
// process, on archives sealed by hand: a missing file and a changed file are
// each named alone, what is not archived is not checked, and a sealed folder
// is never sealed twice.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runVerify } from '../../src/commands/verify.js';
import { findArchivedVersions, MANIFEST_NAME, readManifest, sealVersion, sha256, verifyArchive } from '../../src/publish/archive.js';

const encode = (text: string) => new TextEncoder().encode(text);

/** Writes the files into output/<entity>/<code>/v<n>/ and seals them as a build would. */
function sealed(output: string, path: string, files: Record<string, string>, version = 1) {
  const dir = join(output, path);
  mkdirSync(dir, { recursive: true });
  const entries = Object.entries(files).map(([nombre, text]) => {
    writeFileSync(join(dir, nombre), text);
    return { nombre, sha256: sha256(encode(text)), bytes: encode(text).length };
  });
  const manifest = sealVersion(dir, entries, {
    entidad: 'entidad-prueba',
    codigo: 'GC-P-001',
    titulo: 'Política de prueba',
    version,
    versionMostrada: `${version}.0`,
    descripcion: 'Elaboración',
  });
  return { dir, manifest };
}

let stdout: string[];
let stderr: string[];
let output: string;
beforeEach(() => {
  stdout = [];
  stderr = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (stdout.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (stderr.push(String(chunk)), true));
  output = join(mkdtempSync(join(tmpdir(), 'docctl-verify-')), 'output');
});
afterEach(() => {
  vi.restoreAllMocks();
});

const verify = () => runVerify({ dataDir: 'data', templatesDir: 'templates', outputDir: output, quiet: true });
/** Makes an archived file writable again, as someone tampering with it would. */
const unlock = (path: string) => chmodSync(path, 0o644);

describe('verify', () => {
  it('says so when nothing is archived yet, or the output folder does not exist', () => {
    expect(verify()).toBe(0);
    mkdirSync(join(output, 'entidad-prueba', 'GC-P-001', 'v1'), { recursive: true });
    writeFileSync(join(output, 'entidad-prueba', 'GC-P-001', 'v1', 'GC-P-001-v1.pdf'), 'borrador');
    expect(verify()).toBe(0);
    expect(stdout.join('')).toBe('No hay versiones archivadas todavía.\nNo hay versiones archivadas todavía.\n');
    expect(stderr).toEqual([]);
  });

  it('counts every archived file of every version when all are intact', () => {
    sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno', 'a.docx': 'dos' });
    sealed(output, 'entidad-prueba/GC-P-001/v2', { 'b.pdf': 'tres' }, 2);
    sealed(output, 'otra-entidad/XY-001/v1', { 'c.pdf': 'cuatro' });
    expect(verify()).toBe(0);
    expect(stdout.join('')).toBe('4 archivos archivados verificados: todos intactos.\n');
    expect(stderr).toEqual([]);
  });

  it('names an archived file that was deleted, alone', () => {
    const { dir } = sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno', 'a.docx': 'dos' });
    rmSync(join(dir, 'a.docx'), { force: true });
    expect(verify()).toBe(1);
    expect(stderr.join('')).toBe(`${join(dir, 'a.docx')}: falta (fue borrado o movido)\n1 de 2 archivos archivados no están intactos.\n`);
    expect(stdout).toEqual([]);
  });

  it('names an archived file whose bytes changed, alone', () => {
    const { dir } = sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno', 'a.docx': 'dos' });
    unlock(join(dir, 'a.pdf'));
    writeFileSync(join(dir, 'a.pdf'), 'unO');
    expect(verify()).toBe(1);
    expect(stderr.join('')).toBe(`${join(dir, 'a.pdf')}: fue modificado: su SHA-256 no coincide con el del manifiesto\n1 de 2 archivos archivados no están intactos.\n`);
  });

  it('names every damaged file, in order', () => {
    const first = sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno' });
    const second = sealed(output, 'entidad-prueba/GC-P-001/v2', { 'b.pdf': 'dos', 'b.docx': 'tres' }, 2);
    rmSync(join(first.dir, 'a.pdf'), { force: true });
    unlock(join(second.dir, 'b.docx'));
    writeFileSync(join(second.dir, 'b.docx'), 'otra cosa');
    expect(verifyArchive(output)).toEqual({
      checked: 3,
      findings: [
        { file: join(first.dir, 'a.pdf'), problem: 'falta' },
        { file: join(second.dir, 'b.docx'), problem: 'modificado' },
      ],
    });
  });
});

describe('sealing a version (sealVersion)', () => {
  it('writes the manifest with the files and makes everything read-only', () => {
    const { dir, manifest } = sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno' });
    expect(readManifest(dir)).toEqual(manifest);
    expect(manifest.archivos).toEqual([{ nombre: 'a.pdf', sha256: sha256(encode('uno')), bytes: 3 }]);
    for (const name of ['a.pdf', MANIFEST_NAME]) expect(statSync(join(dir, name)).mode & 0o777).toBe(0o444);
  });

  it('refuses, as a bug, to seal a folder twice', () => {
    const { dir } = sealed(output, 'entidad-prueba/GC-P-001/v1', { 'a.pdf': 'uno' });
    expect(() => sealVersion(dir, [], { entidad: 'e', codigo: 'C', titulo: 't', version: 1, versionMostrada: '1', descripcion: 'd' })).toThrow(
      `internal: ${dir} is archived and write-once`,
    );
  });

  it('finds sealed versions only in folders named v<N>, sorted, up to the archive’s depth', () => {
    sealed(output, 'b/C-2/v10', { 'x.pdf': '1' });
    sealed(output, 'a/C-1/v2', { 'x.pdf': '2' });
    sealed(output, 'a/C-1/borrador', { 'x.pdf': '3' });
    sealed(output, 'a/C-1/v1x', { 'x.pdf': '4' });
    sealed(output, 'a/C-1/xv1', { 'x.pdf': '4' });
    sealed(output, 'a/b/c/d/v1', { 'x.pdf': '5' });
    sealed(output, 'a/b/c/d/e/v1', { 'x.pdf': '6' });
    mkdirSync(join(output, 'a', 'C-1', 'v3'));
    writeFileSync(join(output, 'a', 'v4'), 'a file, not a folder');
    expect(findArchivedVersions(output).map((found) => found.dir)).toEqual([join(output, 'a/C-1/v2'), join(output, 'a/b/c/d/v1'), join(output, 'b/C-2/v10')]);
    expect(findArchivedVersions(join(output, 'nada'))).toEqual([]);
  });

  it('lists versions sorted by path whatever order the folders were made in', () => {
    const names = Array.from({ length: 12 }, (_, i) => `entidad-${String.fromCharCode(0x6c - i)}`);
    for (const name of names) sealed(output, `${name}/C-1/v1`, { 'x.pdf': name });
    expect(findArchivedVersions(output).map((found) => found.manifest.archivos[0]!.sha256)).toEqual(
      [...names].sort().map((name) => sha256(encode(name))),
    );
  });
});
