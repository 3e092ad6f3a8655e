// Inputs are read, not followed (issue 16): data files, section files and
// logos must be regular files inside data/, within stated limits; JSON
// nesting is bounded and a key written twice is an error; an entity folder
// can never be named like something docctl writes. Each case is refused by
// check and build with exit 1, a Spanish message naming the file, the field
// or line and the value, no stack trace, and data/ and output/ untouched
// (support/refuse.ts) — never a hang, never "error interno". What could
// hang or exhaust a process (a FIFO, a device, a decompression bomb) is
// refused by the real CLI, which must end; the other refusals are about the
// rule and its message, and call check and build in this process.
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createDeflate, deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { INPUT_LIMITS } from '../../src/load/read-data-file.js';
import { RESERVED_ENTITY_NAMES } from '../../src/publish/output-paths.js';
import { pngChunk, writeRgbPng } from '../../src/write/pdf/png.js';
import { copyProject, editJson, MINIMAL_DOC, writeRaw } from '../support/project.js';
import { refuse, refuseInProcess } from '../support/refuse.js';

const ENTITY = 'entidad-prueba';
const SLOW = { timeout: 900_000 };
const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A copy whose first section takes its text from GC-P-001/intro.md; returns [dir, path of intro.md]. */
function withSectionFile(): [string, string] {
  const dir = copyProject();
  const data = join(dir, 'data');
  mkdirSync(join(data, ENTITY, 'documentos', 'GC-P-001'));
  editJson(data, MINIMAL_DOC, (doc) => {
    (doc.secciones as Record<string, unknown>[])[0] = { titulo: 'Introducción', archivo: 'GC-P-001/intro.md' };
  });
  return [dir, join(data, ENTITY, 'documentos', 'GC-P-001', 'intro.md')];
}

const entityPath = (dir: string, ...parts: string[]) => join(dir, 'data', ENTITY, ...parts);

/** A folder outside data/ holding what a link could point at. */
function outside(): string {
  return mkdtempSync(join(tmpdir(), 'docctl-fuera-'));
}

function png(ihdr: { width: number; height: number; bitDepth?: number; colorType?: number }, idat: Buffer): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(ihdr.width, 0);
  header.writeUInt32BE(ihdr.height, 4);
  header[8] = ihdr.bitDepth ?? 8;
  header[9] = ihdr.colorType ?? 2;
  return Buffer.concat([SIGNATURE, pngChunk('IHDR', header), pngChunk('IDAT', idat), pngChunk('IEND', Buffer.alloc(0))]);
}

/** zlib data that inflates to `bytes` zero bytes, made without holding them in memory. */
function zeroBomb(bytes: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const deflate = createDeflate({ level: 9 });
    const out: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => out.push(chunk));
    deflate.on('end', () => resolve(Buffer.concat(out)));
    deflate.on('error', reject);
    const chunk = Buffer.alloc(16 * 1024 * 1024);
    for (let written = 0; written < bytes; written += chunk.length) deflate.write(chunk);
    deflate.end();
  });
}

const LOGO_FIELD = /entidad\.json:\d+:\d+: logo: /;

describe('files that are not regular files inside data/', () => {
  it('a section file linked to /etc/passwd is not read (nothing of it reaches any edition)', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    symlinkSync('/etc/passwd', intro);
    expect(await refuseInProcess(dir)).toMatch(
      /GC-P-001\.json:\d+:\d+: secciones\[0\]\.archivo: \S*GC-P-001\/intro\.md es un enlace simbólico \(apunta a "\/etc\/passwd"\); docctl no sigue enlaces: ponga en esa ruta el archivo mismo/,
    );
  });

  it('a section file linked to a device (/dev/zero) neither hangs nor is read', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    symlinkSync('/dev/zero', intro);
    expect(await refuse(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md es un enlace simbólico \(apunta a "\/dev\/zero"\)/);
  });

  it('a section file that is a FIFO does not block the run', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    execFileSync('mkfifo', [intro]);
    expect(await refuse(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md no es un archivo normal: es una tubería con nombre \(FIFO\); en esa ruta debe haber un archivo/);
  });

  it('a section file that is a socket', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    execFileSync('python3', ['-c', 'import socket,sys; socket.socket(socket.AF_UNIX).bind(sys.argv[1])', intro]);
    expect(await refuseInProcess(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md no es un archivo normal: es un socket/);
  });

  it('a section file that is a folder', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    mkdirSync(intro);
    expect(await refuseInProcess(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md es una carpeta; en esa ruta debe haber un archivo/);
  });

  it('a section file inside a folder that is a link to outside data/', SLOW, async () => {
    const [dir] = withSectionFile();
    const elsewhere = outside();
    writeFileSync(join(elsewhere, 'intro.md'), 'Texto de otra parte.\n');
    const folder = entityPath(dir, 'documentos', 'GC-P-001');
    execFileSync('rmdir', [folder]);
    symlinkSync(elsewhere, folder);
    expect(await refuseInProcess(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md está en la carpeta \S*GC-P-001, que es un enlace simbólico \(apunta a "[^"]+"\); docctl no sigue enlaces/);
  });

  it('a logo that is a link to an image outside data/', SLOW, async () => {
    const dir = copyProject();
    const image = join(outside(), 'escudo.png');
    writeFileSync(image, writeRgbPng(2, 1, Buffer.from([1, 2, 3, 4, 5, 6])));
    execFileSync('rm', [entityPath(dir, 'logo.png')]);
    symlinkSync(image, entityPath(dir, 'logo.png'));
    const stderr = await refuseInProcess(dir);
    expect(stderr).toMatch(LOGO_FIELD);
    expect(stderr).toContain(`"logo.png" es un enlace simbólico (apunta a "${image}"); docctl no sigue enlaces`);
  });

  it('a logo that is a dangling link', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', [entityPath(dir, 'logo.png')]);
    symlinkSync('no-existe.png', entityPath(dir, 'logo.png'));
    expect(await refuseInProcess(dir)).toMatch(/entidad\.json:\d+:\d+: logo: "logo\.png" es un enlace simbólico \(apunta a "no-existe\.png"\)/);
  });

  it('a logo that is a FIFO', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', [entityPath(dir, 'logo.png')]);
    execFileSync('mkfifo', [entityPath(dir, 'logo.png')]);
    expect(await refuse(dir)).toMatch(/logo: "logo\.png" no es un archivo normal: es una tubería con nombre \(FIFO\)/);
  });

  it('a logo that is a folder', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', [entityPath(dir, 'logo.png')]);
    mkdirSync(entityPath(dir, 'logo.png'));
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png" es una carpeta; en esa ruta debe haber un archivo/);
  });

  it('normas.json that is a link', SLOW, async () => {
    const dir = copyProject();
    const catalog = join(outside(), 'normas.json');
    cpSync(join(dir, 'data', 'normas.json'), catalog);
    execFileSync('rm', [join(dir, 'data', 'normas.json')]);
    symlinkSync(catalog, join(dir, 'data', 'normas.json'));
    expect(await refuseInProcess(dir)).toMatch(/normas\.json: el archivo es un enlace simbólico \(apunta a "[^"]+normas\.json"\); docctl no sigue enlaces/);
  });

  it('normas.json that is a folder', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', [join(dir, 'data', 'normas.json')]);
    mkdirSync(join(dir, 'data', 'normas.json'));
    expect(await refuseInProcess(dir)).toMatch(/normas\.json: el archivo es una carpeta; en esa ruta debe haber un archivo/);
  });

  it('entidad.json that is a dangling link', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', [entityPath(dir, 'entidad.json')]);
    symlinkSync('falta.json', entityPath(dir, 'entidad.json'));
    expect(await refuseInProcess(dir)).toMatch(/entidad-prueba\/entidad\.json: el archivo es un enlace simbólico \(apunta a "falta\.json"\)/);
  });

  it('a document file linked to /etc/passwd', SLOW, async () => {
    const dir = copyProject();
    symlinkSync('/etc/passwd', entityPath(dir, 'documentos', 'GC-P-002.json'));
    expect(await refuseInProcess(dir)).toMatch(/documentos\/GC-P-002\.json: el archivo es un enlace simbólico \(apunta a "\/etc\/passwd"\)/);
  });

  it('a document file that is a folder', SLOW, async () => {
    const dir = copyProject();
    mkdirSync(entityPath(dir, 'documentos', 'GC-P-002.json'));
    expect(await refuseInProcess(dir)).toMatch(/documentos\/GC-P-002\.json: el archivo es una carpeta; en esa ruta debe haber un archivo/);
  });

  it('a document file that is a FIFO', SLOW, async () => {
    const dir = copyProject();
    execFileSync('mkfifo', [entityPath(dir, 'documentos', 'GC-P-002.json')]);
    expect(await refuse(dir)).toMatch(/documentos\/GC-P-002\.json: el archivo no es un archivo normal: es una tubería con nombre \(FIFO\)/);
  });

  it('an entity folder that is a link', SLOW, async () => {
    const dir = copyProject();
    const elsewhere = join(outside(), 'otra');
    cpSync(join(dir, 'data', ENTITY), elsewhere, { recursive: true });
    symlinkSync(elsewhere, join(dir, 'data', 'otra-entidad'));
    expect(await refuseInProcess(dir)).toMatch(/data\/otra-entidad: es un enlace simbólico \(apunta a "[^"]+"\); docctl no sigue enlaces: ponga en la carpeta de datos la carpeta de la entidad misma/);
  });

  it('a dangling link among the entity folders', SLOW, async () => {
    const dir = copyProject();
    symlinkSync('/no/existe', join(dir, 'data', 'roto'));
    expect(await refuseInProcess(dir)).toMatch(/data\/roto: es un enlace simbólico \(apunta a "\/no\/existe"\)/);
  });

  it('a documentos folder that is a link', SLOW, async () => {
    const dir = copyProject();
    const elsewhere = join(outside(), 'documentos');
    cpSync(entityPath(dir, 'documentos'), elsewhere, { recursive: true });
    execFileSync('rm', ['-r', entityPath(dir, 'documentos')]);
    symlinkSync(elsewhere, entityPath(dir, 'documentos'));
    expect(await refuseInProcess(dir)).toMatch(/entidad-prueba\/documentos: la carpeta documentos es un enlace simbólico \(apunta a "[^"]+"\); docctl no sigue enlaces/);
  });

  it('a documentos that is a file', SLOW, async () => {
    const dir = copyProject();
    execFileSync('rm', ['-r', entityPath(dir, 'documentos')]);
    writeFileSync(entityPath(dir, 'documentos'), 'no soy una carpeta');
    expect(await refuseInProcess(dir)).toMatch(/entidad-prueba\/documentos: debe ser una carpeta con los documentos de la entidad, y es un archivo/);
  });
});

describe('size limits', () => {
  it('a data file over 10 MB', SLOW, async () => {
    const dir = copyProject();
    editJson(join(dir, 'data'), MINIMAL_DOC, (doc) => {
      (doc.secciones as Record<string, unknown>[])[0]!.contenido = 'palabra '.repeat((11 * 1024 * 1024) / 8);
    });
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\.json: el archivo pesa 11\.0 MB; un archivo de datos puede pesar a lo sumo 10\.0 MB: lleve los textos largos a archivos \.md/);
  });

  it('a Markdown file over 5 MB', SLOW, async () => {
    const [dir, intro] = withSectionFile();
    writeFileSync(intro, 'Un párrafo corto.\n\n'.repeat(Math.ceil((6 * 1024 * 1024) / 20)));
    expect(await refuseInProcess(dir)).toMatch(/secciones\[0\]\.archivo: \S*intro\.md pesa 6\.\d MB; un archivo Markdown puede pesar a lo sumo 5\.0 MB: divida el texto en varias secciones/);
  });

  it('a PNG whose header declares more decoded data than allowed is refused before decoding', SLOW, async () => {
    const dir = copyProject();
    // 5000 × 5000 at 16-bit RGBA: 200 MB once decoded, from a file of a few bytes.
    writeRaw(join(dir, 'data'), `${ENTITY}/logo.png`, png({ width: 5000, height: 5000, bitDepth: 16, colorType: 6 }, deflateSync(Buffer.alloc(10))));
    expect(INPUT_LIMITS.imageDecodedBytes).toBe(100 * 1024 * 1024);
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png" ocuparía 190\.7 MB al descomprimirlo \(5000×5000 píxeles\); el límite es 100\.0 MB/);
  });

  it('a PNG whose data inflates to 1 GB is stopped at the size its header declares', SLOW, async () => {
    const dir = copyProject();
    const bomb = await zeroBomb(1024 * 1024 * 1024);
    writeRaw(join(dir, 'data'), `${ENTITY}/logo.png`, png({ width: 100, height: 100 }, bomb));
    expect(await refuse(dir)).toMatch(/logo: "logo\.png": los datos del logo PNG se descomprimen a más de los 30100 bytes que declara su cabecera \(100×100\)/);
  });

  it('a PNG with a corrupt body', SLOW, async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), `${ENTITY}/logo.png`, png({ width: 2, height: 2 }, Buffer.from('esto no es zlib, es basura')));
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png": los datos del logo PNG están dañados \(no se pueden descomprimir\); vuelva a exportarlo como PNG/);
  });

  it('a PNG whose data ends early', SLOW, async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), `${ENTITY}/logo.png`, png({ width: 20, height: 20 }, deflateSync(Buffer.alloc(100))));
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png": los datos del logo PNG están incompletos \(100 de 1220 bytes\)/);
  });

  it('a PNG with a bit depth its colour type does not allow', SLOW, async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), `${ENTITY}/logo.png`, png({ width: 2, height: 2, bitDepth: 3, colorType: 2 }, deflateSync(Buffer.alloc(14))));
    expect(await refuseInProcess(dir)).toMatch(/logo: "logo\.png": el logo PNG no tiene una cabecera válida \(IHDR\)|logo: "logo\.png" no es una imagen PNG o JPG válida/);
  });
});

describe('JSON that parses but cannot be trusted', () => {
  it('arrays nested 100,000 levels deep', SLOW, async () => {
    const dir = copyProject();
    const deep = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
    writeRaw(join(dir, 'data'), MINIMAL_DOC, `{\n  "codigo": "GC-P-001",\n  "glosario": ${deep}\n}\n`);
    expect(await refuseInProcess(dir)).toMatch(
      new RegExp(`GC-P-001\\.json:3:${14 + INPUT_LIMITS.jsonDepth}: objetos y listas anidados a más de 64 niveles; docctl admite a lo sumo 64: revise los corchetes`),
    );
  });

  it('objects nested deep and never closed (invalid as well as deep)', SLOW, async () => {
    const dir = copyProject();
    writeRaw(join(dir, 'data'), MINIMAL_DOC, `{"a":${'{"a":'.repeat(50_000)}`);
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\.json:1:\d+: objetos y listas anidados a más de 64 niveles/);
  });

  it('"clasificacion" written twice: the reserved one is not silently dropped', SLOW, async () => {
    const dir = copyProject();
    const path = join(dir, 'data', MINIMAL_DOC);
    const text = execFileSync('cat', [path], { encoding: 'utf8' }).replace('"clasificacion": "publica",', '"clasificacion": "publica-reservada",\n  "clasificacion": "publica",');
    writeFileSync(path, text);
    expect(await refuseInProcess(dir)).toMatch(
      /GC-P-001\.json:9:3: el campo "clasificacion" está repetido en el mismo objeto \(la primera vez en la línea 8, columna 3\); JSON se quedaría solo con el último valor: deje uno solo/,
    );
  });

  it('a key repeated inside a version', SLOW, async () => {
    const dir = copyProject();
    const path = join(dir, 'data', MINIMAL_DOC);
    const text = execFileSync('cat', [path], { encoding: 'utf8' }).replace('"fecha": "2021-03-10",', '"fecha": "2021-03-10", "fecha": "2020-01-01",');
    writeFileSync(path, text);
    expect(await refuseInProcess(dir)).toMatch(/GC-P-001\.json:12:\d+: el campo "fecha" está repetido en el mismo objeto \(la primera vez en la línea 12, columna 7\)/);
  });

  it('a key repeated under another spelling (\\u escape)', SLOW, async () => {
    const dir = copyProject();
    const path = join(dir, 'data', `${ENTITY}/entidad.json`);
    const text = execFileSync('cat', [path], { encoding: 'utf8' }).replace(/\{\n/, '{\n  "\\u006eombre": "OTRA ENTIDAD",\n');
    writeFileSync(path, text);
    expect(await refuseInProcess(dir)).toMatch(/entidad\.json:\d+:\d+: el campo "nombre" está repetido en el mismo objeto \(la primera vez en la línea 2, columna 3\)/);
  });
});

describe('entity folders named like what docctl writes', () => {
  for (const name of ['sitio', 'datos-abiertos', 'bench']) {
    it(`an entity folder named "${name}"`, SLOW, async () => {
      const dir = copyProject();
      cpSync(join(dir, 'data', ENTITY), join(dir, 'data', name), { recursive: true });
      expect(await refuseInProcess(dir)).toContain(
        `data/${name}: el nombre de la carpeta "${name}" está reservado: docctl escribe una carpeta o archivo con ese nombre junto a las carpetas de las entidades en la salida (nombres reservados: ${RESERVED_ENTITY_NAMES.join(', ')}); cámbiele el nombre, p. ej. "${name}-entidad"`,
      );
    });
  }
});
