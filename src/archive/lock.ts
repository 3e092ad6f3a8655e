// One writer at a time per entity archive: builds with different output
// folders share the data folder, and so its archive. The lock is taken only
// to write (seal, migrate, complete, annul), and cleans what a crash left.
import { acquireBuildLock } from '../publish/build-lock.js';
import { removeLeftovers } from '../publish/atomic-write.js';
import { removeUnfinishedFolders } from './seal.js';

export function withArchiveLock<T>(archiveDir: string, work: () => T): T {
  const release = acquireBuildLock(archiveDir);
  try {
    removeUnfinishedFolders(archiveDir);
    removeLeftovers(archiveDir);
    return work();
  } finally {
    release();
  }
}
