// One build at a time per output folder: a second build stops with a clear
// message instead of interleaving its files with the first one's. A lock
// left by a process that no longer exists (killed) is taken over.
import { closeSync, mkdirSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { asUserError } from './atomic-write.js';

const LOCK_NAME = '.docctl.lock';

function processIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireBuildLock(outputDir: string): () => void {
  const path = join(outputDir, LOCK_NAME);
  try {
    mkdirSync(outputDir, { recursive: true });
  } catch (error) {
    throw asUserError(error, outputDir);
  }
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const fd = openSync(path, 'wx');
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      return () => rmSync(path, { force: true });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw asUserError(error, path);
      const pid = Number.parseInt(readFileSync(path, 'utf8'), 10);
      if (Number.isInteger(pid) && pid !== process.pid && processIsAlive(pid)) {
        throw new UserError(`otra ejecución de docctl (proceso ${pid}) está escribiendo en ${displayPath(outputDir)}; espere a que termine y vuelva a intentarlo`);
      }
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new UserError(`no se pudo tomar el candado ${displayPath(path)}; bórrelo si ninguna otra ejecución de docctl está en curso`);
}
