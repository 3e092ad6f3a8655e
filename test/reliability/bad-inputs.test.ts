// The catalog of bad inputs (issue 8): each one gets its exact Spanish
// message naming the file and the field or line, exit code 1, no stack
// trace, output/ exactly as before and data/ byte-identical (support/refuse.ts).
// The first case runs the real CLI end to end; the others are about the rule
// and its message, and call check and build in this process.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { copyProject, editJson, MINIMAL_DOC, runCli, writeRaw } from '../support/project.js';
import { tinyPng } from '../support/sample-document.js';
import { refuse, refuseInProcess, STACK_LINE } from '../support/refuse.js';

function pngWithSize(width: number, height: number): Buffer {
  // A real PNG header claiming an enormous picture; the size check must not
  // need to decode it.
  const png = Buffer.from(tinyPng());
  png.writeUInt32BE(width, 16);
  png.writeUInt32BE(height, 20);
  return png;
}

describe('bad inputs', () => {
  it('NUL bytes in a data file', async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), MINIMAL_DOC, Buffer.from('{\n  "codigo": "GC\u0000-P-001"\n}\n', 'utf8'));
    expect(await refuse(dir)).toMatch(/GC-P-001\.json:2:\d+: el archivo contiene bytes nulos \(NUL\)/);
  });

  it('a file that is not UTF-8', async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), MINIMAL_DOC, Buffer.from('{"titulo": "Pol\xedtica"}', 'latin1'));
    expect(await refuseInProcess(dir)).toContain('el archivo no está en UTF-8 (¿guardado como Latin-1 / ANSI?)');
  });

  it('an emoji in a title', async () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.titulo = 'Política 😀 digital';
    });
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\.json:\d+:\d+: titulo: el carácter «😀» \(U\+1F600\) no existe en la fuente de los documentos/);
  });

  it('CJK text in a Markdown file, with its line', async () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    mkdirSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-001'));
    writeRaw(data, 'entidad-prueba/documentos/GC-P-001/intro.md', 'Primera línea.\n\nSegunda con 漢字.\n');
    editJson(data, MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0] = { titulo: 'Introducción', archivo: 'GC-P-001/intro.md' };
    });
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\/intro\.md:3: el carácter «漢» \(U\+6F22\) no existe en la fuente/);
  });

  it('raw HTML in a Markdown file, with its line', async () => {
    const dir = copyProject();
    const data = join(dir, 'data');
    mkdirSync(join(data, 'entidad-prueba', 'documentos', 'GC-P-001'));
    writeRaw(data, 'entidad-prueba/documentos/GC-P-001/intro.md', 'Uno.\n\nDos.\n\n<script>alert(1)</script>\n');
    editJson(data, MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0] = { titulo: 'Introducción', archivo: 'GC-P-001/intro.md' };
    });
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\/intro\.md:5: no se admite HTML en el Markdown: "<script>alert\(1\)<\/script>"/);
  });

  it('a Markdown file that does not exist', async () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0] = { titulo: 'Introducción', archivo: 'GC-P-001/falta.md' };
    });
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\.json:\d+:\d+: secciones\[0\]\.archivo: no existe el archivo \S*GC-P-001\/falta\.md/);
  });

  it('a path that tries to leave the data folder', async () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0] = { titulo: 'Introducción', archivo: '../../../etc/passwd.md' };
    });
    expect(await refuseInProcess(dir)).toContain('secciones[0].archivo: "../../../etc/passwd.md" debe ser la ruta de un archivo .md dentro de la carpeta documentos/');
  });

  it('a logo that is not an image', async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), 'entidad-prueba/logo.png', 'esto no es una imagen');
    expect(await refuseInProcess(dir)).toMatch(/entidad\.json:\d+:\d+: logo: "logo\.png" no es una imagen PNG o JPG válida/);
  });

  it('an enormous logo', async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), 'entidad-prueba/logo.png', pngWithSize(20000, 20000));
    expect(await refuseInProcess(dir)).toContain('logo: "logo.png" mide 20000×20000 píxeles; use un logo de a lo sumo 5000 píxeles por lado');
  });

  it('a logo over 5 MB', async () => {
    const dir = copyProject();
    const big = Buffer.concat([Buffer.from(tinyPng()), deflateSync(Buffer.alloc(1)), Buffer.alloc(6 * 1024 * 1024)]);
    writeRaw(join(dir, 'data'), 'entidad-prueba/logo.png', big);
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png" pesa 6\.0 MB; el logo debe pesar menos de 5 MB/);
  });

  it('a code with path characters', async () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      doc.codigo = '../../etc';
    });
    expect(await refuseInProcess(dir)).toContain('codigo: "../../etc" debe usar solo mayúsculas, dígitos y guiones');
  });

  it('an entity folder with an unsafe name', async () => {
    const dir = copyProject();
    mkdirSync(join(dir, 'data', 'Entidad Rara'));
    expect(await refuseInProcess(dir)).toContain('el nombre de la carpeta "Entidad Rara" debe usar minúsculas, dígitos y guiones');
  });
});

describe('big inputs', () => {
  it('refuses a 1 MB paragraph with a hint, naming the line', async () => {
    const dir = copyProject();
    const words = 'gestión calidad información pública proceso ';
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0]!.contenido = `Primero.\n\n${words.repeat(Math.ceil((1024 * 1024) / words.length)).trim()}`;
    });
    expect(await refuseInProcess(dir)).toMatch(/secciones\[0\]\.contenido: línea 3 del contenido: un párrafo de 1\.0\d\d\.\d\d\d caracteres; divídalo en párrafos de menos de 50\.000/);
  });

  it('builds a 10,000-row table: every page is valid and the last row is there', { timeout: 600_000 }, () => {
    const dir = copyProject();
    let rows = '| N | Texto |\n|---|---|\n';
    for (let i = 1; i <= 10_000; i++) rows += `| ${i} | fila número ${i} de la tabla grande |\n`;
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[]).push({ titulo: 'Tabla enorme', contenido: rows });
    });
    const output = join(dir, 'output');
    const result = runCli(['build', '--datos', join(dir, 'data'), '--salida', output, '--silencio']);
    expect(result.status, result.stderr).toBe(0);
    const pdf = join(dir, 'data', 'entidad-prueba', 'archivo', 'GC-P-001', 'v1', 'GC-P-001-v1.pdf');
    expect(execFileSync('qpdf', ['--check', pdf], { encoding: 'utf8' })).toContain('No syntax or stream encoding errors');
    expect(execFileSync('pdftotext', [pdf, '-'], { encoding: 'utf8' })).toContain('fila número 10000 de la tabla grande');
  });
});

describe('an output folder that cannot be written', () => {
  it('gives a clear error and leaves no partial files', () => {
    const dir = copyProject();
    // A file where the output folder should be: no directory can be made in it.
    const output = join(dir, 'salida-que-es-un-archivo');
    writeFileSync(output, 'no soy una carpeta');
    const result = runCli(['build', '--datos', join(dir, 'data'), '--salida', join(output, 'sub')]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/^docctl: no se pudo escribir \S+salida-que-es-un-archivo\/sub: una parte de la ruta es un archivo, no una carpeta \(ENOTDIR\); no quedó ningún archivo a medias$/m);
    expect(result.stderr).not.toMatch(STACK_LINE);
  });
});
