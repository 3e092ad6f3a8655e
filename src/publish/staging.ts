// A build renders into a staging folder inside output/ and moves files into
// place only once every document has rendered: a build that fails — a
// document's error, a crash — leaves output/ as it was. Inside output/ so a
// move is a rename within one file system (atomic, and no copying). The
// build lock (build-lock.ts) makes the folder the build's own; one left by a
// killed build is removed by the next.
import { mkdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { passFaultPoint } from '../fault-points.js';
import { asUserError } from './atomic-write.js';
import { STAGING_DIR } from './output-paths.js';


export interface Staging {
  readonly dir: string;
  /** A folder of its own for the n-th document to render. */
  folderFor(index: number): string;
  /** Moves a staged file to its final path, replacing what was there. */
  move(folder: string, name: string, target: string): void;
  discard(): void;
}

export function openStaging(outputDir: string): Staging {
  const dir = join(outputDir, STAGING_DIR);
  rmSync(dir, { recursive: true, force: true });
  return {
    dir,
    folderFor: (index) => join(dir, `documento-${index + 1}`),
    move(folder, name, target) {
      try {
        mkdirSync(dirname(target), { recursive: true });
        passFaultPoint('mover:antes');
        renameSync(join(folder, name), target);
        passFaultPoint('mover:despues');
      } catch (error) {
        throw asUserError(error, target);
      }
    },
    discard: () => rmSync(dir, { recursive: true, force: true }),
  };
}
