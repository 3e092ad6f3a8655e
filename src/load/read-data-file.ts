// Inputs are read, not followed. Every file docctl reads from data/ — the
// catalog, entities, documents, their Markdown files and logos — must be a
// regular file inside the data folder: a symbolic link (to /etc/passwd, to
// /dev/zero), a device, a FIFO, a socket or a folder where a file belongs is
// refused with a message, never read, never waited on. Sizes are limited and
// taken from the opened file before reading it.
//
// Each path component below the data folder is checked with lstat, and the
// file itself is opened with O_NOFOLLOW | O_NONBLOCK and checked again on the
// open descriptor (fstat): a link swapped in after the check is not followed
// and a FIFO does not block the open. What remains is a parent folder swapped
// for a link between the check and the open, which needs openat() and is not
// reachable from Node; the data folder is the user's own, so that is a race
// against oneself.
import { closeSync, constants, fstatSync, lstatSync, openSync, readlinkSync, readSync, type Stats } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

const MB = 1024 * 1024;

/** The limits on inputs, stated in README ("Límites de los datos"). */
export const INPUT_LIMITS = {
  /** A data file: normas.json, entidad.json, a document. */
  jsonBytes: 10 * MB,
  /** A Markdown file named by a section's "archivo". */
  markdownBytes: 5 * MB,
  /** A logo, as stored. */
  imageBytes: 5 * MB,
  /** A logo, decoded: width × height × bytes per pixel, checked from its header before decoding. */
  imageDecodedBytes: 100 * MB,
  /** Objects and arrays inside one another in a data file. */
  jsonDepth: 64,
} as const;

export function formatMegabytes(bytes: number): string {
  return `${(bytes / MB).toFixed(1)} MB`;
}

export type ReadOutcome =
  | { readonly bytes: Buffer }
  | {
      /** Completes a sentence whose subject is the file: "<archivo> es una carpeta; …". */
      readonly problem: string;
      readonly missing?: true;
      readonly tooBig?: number;
    };

/** What a path that is not a regular file is, for a message: "una tubería con nombre (FIFO)". */
export function kindOf(stats: Stats): string {
  if (stats.isDirectory()) return 'una carpeta';
  if (stats.isFIFO()) return 'una tubería con nombre (FIFO)';
  if (stats.isSocket()) return 'un socket';
  if (stats.isCharacterDevice()) return 'un dispositivo de caracteres';
  if (stats.isBlockDevice()) return 'un dispositivo de bloques';
  return 'un archivo especial';
}

/** " (apunta a "…")": where a link points, for a message; empty when it cannot be read. */
export function linkTarget(path: string): string {
  try {
    return ` (apunta a ${JSON.stringify(readlinkSync(path))})`;
  } catch {
    return '';
  }
}

const NOT_FOLLOWED = 'docctl no sigue enlaces: ponga en esa ruta el archivo mismo, dentro de la carpeta de datos';

function unreadable(error: unknown): ReadOutcome {
  const code = (error as NodeJS.ErrnoException).code ?? 'error';
  if (code === 'ENOENT') return { problem: 'no existe', missing: true };
  if (code === 'EACCES' || code === 'EPERM') return { problem: `no se puede leer: no hay permiso de lectura (${code}); dé permiso de lectura al archivo` };
  if (code === 'ENOTDIR') return { problem: `no se puede leer: una parte de su ruta es un archivo, no una carpeta (${code})` };
  if (code === 'ELOOP') return { problem: `es un enlace simbólico; ${NOT_FOLLOWED}` };
  return { problem: `no se puede leer (${code})` };
}

/** Checks the folders between `root` and the file: each must be a real folder, not a link. */
function checkParents(root: string, path: string): ReadOutcome | undefined {
  const rel = relative(root, path);
  if (rel === '' || rel.startsWith('..') || isAbsolute(rel)) return { problem: 'está fuera de la carpeta de datos; ponga el archivo dentro de ella' };
  const parts = rel.split(sep);
  let folder = root;
  for (const part of parts.slice(0, -1)) {
    folder = join(folder, part);
    let stats: Stats;
    try {
      stats = lstatSync(folder);
    } catch (error) {
      return unreadable(error);
    }
    if (stats.isSymbolicLink()) return { problem: `está en la carpeta ${folder}, que es un enlace simbólico${linkTarget(folder)}; docctl no sigue enlaces: ponga allí la carpeta misma` };
    if (!stats.isDirectory()) return { problem: `no se puede leer: ${folder} es un archivo, no una carpeta` };
  }
  return undefined;
}

/**
 * The whole of an open file of `size` bytes (as fstat said), or undefined
 * when it holds more than `maxBytes`: reads to the end but never past the
 * limit, since the file may grow while it is read (or fstat may lie).
 */
export function readAtMost(fd: number, size: number, maxBytes: number): Buffer | undefined {
  let buffer = Buffer.alloc(Math.min(maxBytes, size) + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) {
      if (length > maxBytes) return undefined;
      const grown = Buffer.alloc(Math.min(maxBytes + 1, buffer.length * 2));
      buffer.copy(grown);
      buffer = grown;
    }
    const read = readSync(fd, buffer, length, buffer.length - length, null);
    if (read === 0) break;
    length += read;
  }
  return buffer.subarray(0, length);
}

/**
 * Reads a regular file below `root` (the data folder), at most `maxBytes`
 * long. Never follows a link, never opens a device, never blocks on a FIFO.
 */
export function readDataFile(root: string, path: string, maxBytes: number): ReadOutcome {
  const parents = checkParents(root, path);
  if (parents) return parents;
  let before: Stats;
  try {
    before = lstatSync(path);
  } catch (error) {
    return unreadable(error);
  }
  if (before.isSymbolicLink()) return { problem: `es un enlace simbólico${linkTarget(path)}; ${NOT_FOLLOWED}` };
  if (before.isDirectory()) return { problem: 'es una carpeta; en esa ruta debe haber un archivo' };
  if (!before.isFile()) return { problem: `no es un archivo normal: es ${kindOf(before)}; en esa ruta debe haber un archivo` };

  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    return unreadable(error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) return { problem: `no es un archivo normal: es ${kindOf(opened)}; en esa ruta debe haber un archivo` };
    if (opened.ino !== before.ino || opened.dev !== before.dev) return { problem: 'cambió mientras docctl lo leía; vuelva a intentarlo' };
    if (opened.size > maxBytes) return { problem: `pesa ${formatMegabytes(opened.size)}`, tooBig: opened.size };
    const bytes = readAtMost(fd, opened.size, maxBytes);
    return bytes ? { bytes } : { problem: `pesa más de ${formatMegabytes(maxBytes)}`, tooBig: maxBytes + 1 };
  } catch (error) {
    return unreadable(error);
  } finally {
    closeSync(fd);
  }
}
