// Files a person names on the command line, outside the data folder: the
// Word document to import, the scanned signed copy to attach, the signing
// certificate. Unlike data files (read-data-file.ts) a link is followed — the
// person chose that path — but what is read must still be a regular file of
// bounded size: `docctl adjuntar X /dev/zero` or a FIFO must end with a
// message, not fill the memory or wait forever.
//
// The size is taken from the opened descriptor and the read stops one byte
// past the limit, so a file that grows while it is read (or a stat that lies)
// cannot push more than the limit into memory.
import { closeSync, constants, fstatSync, openSync } from 'node:fs';
import { UserError } from '../errors.js';
import { displayPath } from './load-project.js';
import { formatMegabytes, kindOf, readAtMost } from './read-data-file.js';

export interface UserFileKind {
  /** What the file is, for messages: "la copia firmada", "el certificado". */
  readonly what: string;
  /** The largest size accepted, in bytes. */
  readonly maxBytes: number;
  /** What to do about a file over the limit, appended to the message. */
  readonly whenTooBig: string;
}

/** Reads a file named by the user whole, or throws a UserError that names it and says why. */
export function readUserFile(path: string, kind: UserFileKind): Buffer {
  const shown = displayPath(path);
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK | constants.O_NOCTTY);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? 'error';
    if (code === 'ENOENT') throw new UserError(`${shown}: no existe; revise la ruta de ${kind.what}`);
    if (code === 'EACCES' || code === 'EPERM') throw new UserError(`${shown}: no hay permiso de lectura (${code}); dé permiso de lectura a ${kind.what}`);
    if (code === 'EISDIR') throw new UserError(`${shown}: es una carpeta; indique la ruta de ${kind.what}`);
    throw new UserError(`${shown}: no se pudo leer ${kind.what} (${code})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new UserError(`${shown}: es ${kindOf(stats)}, no un archivo; indique la ruta de ${kind.what}`);
    const tooBig = (size: string) =>
      new UserError(`${shown}: ${kind.what} pesa ${size} y el límite es ${formatMegabytes(kind.maxBytes)}; ${kind.whenTooBig}`);
    if (stats.size > kind.maxBytes) throw tooBig(formatMegabytes(stats.size));
    const bytes = readAtMost(fd, stats.size, kind.maxBytes);
    if (!bytes) throw tooBig(`más de ${formatMegabytes(kind.maxBytes)}`);
    return bytes;
  } catch (error) {
    if (error instanceof UserError) throw error;
    throw new UserError(`${shown}: no se pudo leer ${kind.what} (${(error as NodeJS.ErrnoException).code ?? 'error'})`);
  } finally {
    closeSync(fd);
  }
}
