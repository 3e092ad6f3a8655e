// One contender in the race for a stale build lock (test/reliability/locks.test.ts):
// says it is ready, waits for the start signal, tries to take the lock, and
// holds it a while if it got it, so the others see a live owner.
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../../src/errors.js';
import { acquireBuildLock } from '../../src/publish/build-lock.js';

const [dir, id] = process.argv.slice(2) as [string, string];
writeFileSync(join(dir, `listo-${id}`), '');
while (!existsSync(join(dir, 'ya'))) {
  // Busy wait: every contender starts within a millisecond or so of the others.
}
try {
  const release = acquireBuildLock(join(dir, 'output'));
  process.stdout.write(`tomado ${process.pid}\n`);
  setTimeout(release, 3000);
} catch (error) {
  process.stdout.write(error instanceof UserError ? `ocupado: ${error.message}\n` : `fallo: ${String(error)}\n`);
}
