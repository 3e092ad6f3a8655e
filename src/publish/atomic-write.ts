// Every file docctl writes appears whole or not at all: bytes go to a hidden
// temporary file in the same folder, are flushed to disk, then renamed over
// the target (rename is atomic within a file system). A crash leaves at most
// a ".tmp-" file, which the next build removes.
import { closeSync, fsyncSync, linkSync, mkdirSync, openSync, readdirSync, readFileSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { passFaultPoint } from '../fault-points.js';

const TEMP_MARK = '.tmp-';

const FILE_SYSTEM_PROBLEMS: Record<string, string> = {
  EACCES: 'no hay permiso para escribir allí',
  EPERM: 'no hay permiso para escribir allí',
  EROFS: 'la carpeta está en un sistema de archivos de solo lectura',
  ENOSPC: 'el disco está lleno',
  EDQUOT: 'se agotó la cuota de disco',
  ENOTDIR: 'una parte de la ruta es un archivo, no una carpeta',
  EEXIST: 'hay un archivo donde debería haber una carpeta',
  EISDIR: 'hay una carpeta donde debería haber un archivo',
};

/**
 * Writes a file so that it appears whole or not at all. A problem of the
 * disk or of permissions is the user's to fix: it becomes a UserError naming
 * the file, and no partial file is left behind.
 */
export function writeFileAtomic(path: string, bytes: Uint8Array | string): void {
  try {
    writeAtomically(path, bytes);
  } catch (error) {
    throw asUserError(error, path);
  }
}

/**
 * Writes `path` (atomically) only when its bytes differ from what is there:
 * a build that changed nothing leaves the file untouched, modification time
 * included, and costs a read instead of a write and a flush.
 */
export function writeFileIfChanged(path: string, content: Uint8Array | string): void {
  const bytes = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    if (Buffer.compare(readFileSync(path), bytes) === 0) return;
  } catch {
    // missing or unreadable: write it
  }
  writeFileAtomic(path, bytes);
}

/** A disk or permission problem at `path`, said for people; any other error unchanged. */
export function asUserError(error: unknown, path: string): unknown {
  const code = (error as NodeJS.ErrnoException).code;
  const problem = code ? FILE_SYSTEM_PROBLEMS[code] : undefined;
  if (!problem) return error;
  return new UserError(`no se pudo escribir ${displayPath(path)}: ${problem} (${code}); no quedó ningún archivo a medias`);
}

/**
 * Writes a new file whole or not at all, and never over one that exists
 * (docctl nuevo): the temporary file is hard-linked to its name, which fails
 * if the name is taken, even by a file created a moment earlier. Returns
 * false, writing nothing, when the file exists.
 */
export function createFileAtomic(path: string, bytes: Uint8Array | string): boolean {
  try {
    return writeAtomically(path, bytes, true);
  } catch (error) {
    throw asUserError(error, path);
  }
}

/**
 * Creates `path` (never replacing a file there), writes all of `bytes` and
 * flushes them to disk before returning; a failed write leaves no partial
 * file. The step under every atomic write here and under the archive's
 * staging folder (archive/seal.ts).
 */
export function writeNewFileFlushed(path: string, bytes: Uint8Array | string): void {
  const fd = openSync(path, 'wx', 0o644);
  try {
    const data = typeof bytes === 'string' ? Buffer.from(bytes, 'utf8') : bytes;
    let offset = 0;
    while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    rmSync(path, { force: true });
    throw error;
  }
  closeSync(fd);
}

function writeAtomically(path: string, bytes: Uint8Array | string, exclusive = false): boolean {
  const dir = dirname(path);
  mkdirSync(dir, { recursive: true });
  const temp = join(dir, `.${basename(path)}${TEMP_MARK}${process.pid}-${randomBytes(4).toString('hex')}`);
  writeNewFileFlushed(temp, bytes);
  if (exclusive) {
    try {
      linkSync(temp, path);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
      throw error;
    } finally {
      rmSync(temp, { force: true });
    }
    return true;
  }
  passFaultPoint('renombrar:antes');
  try {
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
  passFaultPoint('renombrar:despues');
  return true;
}

/** Removes temporary files left by an interrupted build below `dir`. */
export function removeLeftovers(dir: string): number {
  let removed = 0;
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return 0;
  }
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) removed += removeLeftovers(path);
    else if (entry.name.startsWith('.') && entry.name.includes(TEMP_MARK)) {
      rmSync(path, { force: true });
      removed++;
    }
  }
  return removed;
}
