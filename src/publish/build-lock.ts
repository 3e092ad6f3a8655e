// One build at a time per output folder: a second build stops with a clear
// message instead of interleaving its files with the first one's.
//
// The lock file says who holds it: host, PID and the process's start time
// (/proc/<pid>/stat, field 22), so a PID that the system has since given to
// another program is recognised as a stale lock, not a running build. It is
// written whole to a temporary file and hard-linked into place (link() fails
// when the name exists), so no one ever reads a half-written lock. A stale
// lock is taken over without a race: it is renamed aside, and only if what
// was renamed is the very file judged stale (same inode) is it dropped; two
// builds that both judged it stale cannot both proceed, since the second one
// renames the first one's fresh lock, sees another inode, and puts it back.
// Every message says how to clear a lock by hand.
import { randomBytes } from 'node:crypto';
import { closeSync, constants, fstatSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, readSync, renameSync, rmSync, statSync, unlinkSync, writeFileSync, type Stats } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { asUserError } from './atomic-write.js';
import { LOCK_FILE } from './output-paths.js';

/** What the lock file records about the build that holds it. */
export interface LockOwner {
  readonly pid: number;
  /** Host name; a lock from another host cannot be judged from here. */
  readonly equipo?: string;
  /** Start time of the process in clock ticks after boot (/proc/<pid>/stat field 22). */
  readonly inicioProceso?: string;
  /** When the lock was taken (ISO 8601), for people. */
  readonly creado?: string;
}

/** Leeway when comparing a lock file's time with a process's start time (clock ticks, file-system time stamps). */
const CLOCK_LEEWAY_MS = 2000;
const LINKS_UNSUPPORTED = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV']);

/** /proc/<pid>/stat after the command name, which is in parentheses and may hold spaces or ")". */
function statFields(pid: number): string[] | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  } catch {
    return undefined;
  }
}

/** Field 22 of /proc/<pid>/stat (fields count from 1; index 0 here is field 3). Undefined without /proc. */
export function processStartTicks(pid: number): string | undefined {
  return statFields(pid)?.[19];
}

/** When a process started, in ms since the epoch, from its start ticks and the boot time; undefined without /proc. */
function processStartedAt(pid: number): number | undefined {
  const ticks = Number(processStartTicks(pid));
  let bootSeconds: number | undefined;
  try {
    bootSeconds = Number(/^btime (\d+)$/m.exec(readFileSync('/proc/stat', 'utf8'))?.[1]);
  } catch {
    bootSeconds = undefined;
  }
  // USER_HZ is 100 on every Linux architecture Node runs on.
  return Number.isFinite(ticks) && bootSeconds ? bootSeconds * 1000 + ticks * 10 : undefined;
}

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** The lock's content: a JSON object, or a bare PID from docctl before it recorded more. */
export function parseLock(text: string): LockOwner | undefined {
  if (/^\s*\d+\s*$/.test(text)) return { pid: Number.parseInt(text, 10) };
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    return Number.isSafeInteger(value.pid) && (value.pid ?? 0) > 0 ? (value as LockOwner) : undefined;
  } catch {
    return undefined;
  }
}

function ownLock(): LockOwner {
  return { pid: process.pid, equipo: hostname(), inicioProceso: processStartTicks(process.pid), creado: new Date().toISOString() };
}

const clearByHand = (path: string) => `si está seguro de que ninguna ejecución de docctl está en curso, borre el candado a mano: rm "${displayPath(path)}"`;

/**
 * Why the lock at `path` still stands, or undefined when it is stale: its
 * process is gone, or its PID now belongs to a process started after it.
 */
function lockStandsBecause(owner: LockOwner | undefined, stats: Stats, path: string, outputDir: string): string | undefined {
  if (!owner) return undefined; // not a lock docctl wrote: nothing is running under it
  const since = owner.creado ? `, desde ${owner.creado}` : '';
  if (owner.equipo && owner.equipo !== hostname()) {
    return `el candado ${displayPath(path)} lo tomó docctl en otro equipo, «${owner.equipo}» (proceso ${owner.pid}${since}), y desde este no se puede saber si esa ejecución sigue en curso; espere a que termine, o ${clearByHand(path)}`;
  }
  if (owner.pid === process.pid || !processIsAlive(owner.pid)) return undefined;
  if (owner.inicioProceso !== undefined) {
    const now = processStartTicks(owner.pid);
    if (now !== undefined && now !== owner.inicioProceso) return undefined; // the PID was given to another process
  } else {
    // A lock of an older docctl: its process cannot have started after the lock was written.
    const startedAt = processStartedAt(owner.pid);
    if (startedAt !== undefined && startedAt > stats.mtimeMs + CLOCK_LEEWAY_MS) return undefined;
  }
  return `otra ejecución de docctl (proceso ${owner.pid}) está escribiendo en ${displayPath(outputDir)}${since ? ` (${since.slice(2)})` : ''}; espere a que termine y vuelva a intentarlo, o, ${clearByHand(path)}`;
}

/** The lock as it is now: its file's identity and owner; undefined if it vanished meanwhile. */
function inspectLock(path: string): { stats: Stats; owner: LockOwner | undefined } | undefined {
  let stats: Stats;
  try {
    stats = lstatSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw asUserError(error, path);
  }
  if (stats.isDirectory()) {
    throw new UserError(`el candado ${displayPath(path)} es una carpeta, no un archivo; si ninguna ejecución de docctl está en curso, bórrela a mano: rm -r "${displayPath(path)}"`);
  }
  if (!stats.isFile()) {
    throw new UserError(`el candado ${displayPath(path)} no es un archivo normal (${stats.isSymbolicLink() ? 'es un enlace simbólico' : 'es un archivo especial'}); ${clearByHand(path)}`);
  }
  let fd: number;
  try {
    fd = openSync(path, constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new UserError(`no se pudo leer el candado ${displayPath(path)} (${(error as NodeJS.ErrnoException).code ?? 'error'}); ${clearByHand(path)}`);
  }
  try {
    const opened = fstatSync(fd);
    const buffer = Buffer.alloc(4096);
    const length = readSync(fd, buffer, 0, buffer.length, 0);
    return { stats: opened, owner: parseLock(buffer.toString('utf8', 0, length)) };
  } finally {
    closeSync(fd);
  }
}

/** Removes the stale lock judged from `judged`, and only that file: a fresh lock renamed by mistake is put back. */
function takeOverStale(path: string, judged: Stats, outputDir: string): void {
  // Not a ".tmp-" name: the clean-up of the build holding the lock must not sweep it from under us.
  const aside = join(outputDir, `${LOCK_FILE}.viejo-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    renameSync(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return; // someone else removed it
    throw asUserError(error, path);
  }
  const moved = lstatSync(aside, { throwIfNoEntry: false });
  if (moved && (moved.ino !== judged.ino || moved.dev !== judged.dev)) {
    // Another build took the lock between our look and our rename: give it back.
    try {
      linkSync(aside, path);
    } catch {
      // A third build holds the name now; the one we moved will find its lock gone when it ends.
    }
  }
  rmSync(aside, { force: true });
}

/** Makes sure the output folder is a folder (a file named like it is the user's to move). */
function prepareOutputFolder(outputDir: string): void {
  let stats: Stats | undefined;
  try {
    stats = statSync(outputDir);
  } catch {
    stats = undefined;
  }
  if (stats && !stats.isDirectory()) {
    throw new UserError(`la carpeta de salida ${displayPath(outputDir)} es un archivo, no una carpeta; muévalo o bórrelo, o indique otra carpeta con --salida`);
  }
  try {
    mkdirSync(outputDir, { recursive: true });
  } catch (error) {
    throw asUserError(error, outputDir);
  }
}

/** Takes the output folder's lock; returns the function that releases it. */
export function acquireBuildLock(outputDir: string): () => void {
  prepareOutputFolder(outputDir);
  const path = join(outputDir, LOCK_FILE);
  const content = `${JSON.stringify(ownLock())}\n`;
  // Written whole first, then linked into place: the lock is never seen half-written.
  const temp = join(outputDir, `${LOCK_FILE}.tmp-${process.pid}-${randomBytes(4).toString('hex')}`);
  try {
    writeFileSync(temp, content, { flag: 'wx' });
  } catch (error) {
    throw asUserError(error, path);
  }
  try {
    for (let attempt = 0; attempt < 10; attempt++) {
      try {
        try {
          linkSync(temp, path);
        } catch (error) {
          if (!LINKS_UNSUPPORTED.has((error as NodeJS.ErrnoException).code ?? '')) throw error;
          // No hard links on this file system: exclusive create, then write.
          const fd = openSync(path, 'wx');
          writeFileSync(fd, content);
          closeSync(fd);
        }
        const held = lstatSync(path);
        return () => {
          try {
            const now = lstatSync(path);
            if (now.ino === held.ino && now.dev === held.dev) unlinkSync(path);
          } catch {
            // Already gone: nothing to release.
          }
        };
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ENOENT') {
          // Our temporary file was swept by the clean-up of the build holding the lock: write it again.
          writeFileSync(temp, content);
          continue;
        }
        if (code !== 'EEXIST') throw asUserError(error, path);
      }
      const existing = inspectLock(path);
      if (!existing) continue;
      const stands = lockStandsBecause(existing.owner, existing.stats, path, outputDir);
      if (stands) throw new UserError(stands);
      takeOverStale(path, existing.stats, outputDir);
    }
  } finally {
    rmSync(temp, { force: true });
  }
  throw new UserError(`no se pudo tomar el candado ${displayPath(path)}: otras ejecuciones de docctl lo toman y lo sueltan a la vez; vuelva a intentarlo, o, ${clearByHand(path)}`);
}
