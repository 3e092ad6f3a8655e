// Files named on the command line (the Word file to import, the signed copy
// to attach, the certificate) are read whole only when they are regular files
// within their limit: /dev/zero, a FIFO or a folder ends with a message
// instead of filling the memory or waiting forever.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAttach } from '../../src/commands/attach.js';
import { UserError } from '../../src/errors.js';
import { readUserFile, type UserFileKind } from '../../src/load/read-user-file.js';

const SMALL: UserFileKind = { what: 'la prueba', maxBytes: 1024, whenTooBig: 'use uno más pequeño' };

describe('readUserFile', () => {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-user-file-'));

  it('reads a regular file whole, and one reached through a link the user named', () => {
    writeFileSync(join(dir, 'a.txt'), 'contenido');
    symlinkSync(join(dir, 'a.txt'), join(dir, 'enlace.txt'));
    expect(readUserFile(join(dir, 'a.txt'), SMALL).toString()).toBe('contenido');
    expect(readUserFile(join(dir, 'enlace.txt'), SMALL).toString()).toBe('contenido');
  });

  it('reads a file exactly at the limit, and refuses one byte more with both sizes and the advice', () => {
    writeFileSync(join(dir, 'justo.bin'), Buffer.alloc(1024, 1));
    writeFileSync(join(dir, 'grande.bin'), Buffer.alloc(1025, 1));
    expect(readUserFile(join(dir, 'justo.bin'), SMALL)).toHaveLength(1024);
    expect(() => readUserFile(join(dir, 'grande.bin'), SMALL)).toThrow(/grande\.bin: la prueba pesa 0\.0 MB y el límite es 0\.0 MB; use uno más pequeño/);
  });

  it('refuses /dev/zero (a device that never ends) without reading it', () => {
    expect(() => readUserFile('/dev/zero', SMALL)).toThrow(/\/dev\/zero: es un dispositivo de caracteres, no un archivo; indique la ruta de la prueba/);
  });

  it('refuses a FIFO without waiting for a writer', () => {
    const fifo = join(dir, 'tuberia');
    execFileSync('mkfifo', [fifo]);
    expect(() => readUserFile(fifo, SMALL)).toThrow(/tuberia: es una tubería con nombre \(FIFO\), no un archivo/);
  });

  it('says what is wrong with a folder and a missing file', () => {
    mkdirSync(join(dir, 'carpeta'));
    expect(() => readUserFile(join(dir, 'carpeta'), SMALL)).toThrow(/carpeta: es una carpeta/);
    expect(() => readUserFile(join(dir, 'no-hay.pdf'), SMALL)).toThrow(/no-hay\.pdf: no existe; revise la ruta de la prueba/);
    expect(() => readUserFile(join(dir, 'no-hay.pdf'), SMALL)).toThrow(UserError);
  });
});

describe('docctl adjuntar reads the scanned copy through it', () => {
  it('refuses /dev/zero before it looks at the archive, writing nothing', async () => {
    const data = mkdtempSync(join(tmpdir(), 'docctl-attach-zero-'));
    const attempt = runAttach({ dataDir: data, templatesDir: data, outputDir: data, quiet: true }, { code: 'DE-P-001', file: '/dev/zero', version: undefined, entity: undefined });
    await expect(attempt).rejects.toThrow(/\/dev\/zero: es un dispositivo de caracteres, no un archivo; indique la ruta de la copia firmada/);
    expect(readdirSync(data)).toEqual([]);
  });
});
