// Every file below a folder with the SHA-256 of its bytes: to prove that a
// refused run left data/ and output/ byte-identical, or that a killed run
// left them exactly as before or exactly as after.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

export type TreeHashes = Record<string, string>;

/** Relative path → SHA-256 of every regular file below `root` (none when it does not exist). */
export function hashTree(root: string, skip: (relativePath: string) => boolean = () => false): TreeHashes {
  const out: TreeHashes = {};
  const walk = (dir: string) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = join(dir, entry.name);
      const rel = relative(root, path);
      if (skip(rel)) continue;
      if (entry.isDirectory()) walk(path);
      else out[rel] = createHash('sha256').update(readFileSync(path)).digest('hex');
    }
  };
  walk(root);
  return Object.fromEntries(Object.entries(out).sort(([a], [b]) => a.localeCompare(b)));
}
