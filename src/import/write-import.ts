// Import stage 6: the files, all or nothing. The document's folder (its
// Markdown, figures, report and norms for review) is assembled in a hidden
// folder beside it and renamed into place; the JSON is written last,
// atomically. Any failure removes what this run wrote. An existing document
// is never overwritten.
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { dirname, join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { asUserError, writeFileAtomic } from '../publish/atomic-write.js';

export interface ImportFiles {
  readonly documentsDir: string;
  readonly code: string;
  readonly json: string;
  /** Relative to the document's folder documentos/<CÓDIGO>/. */
  readonly folderFiles: ReadonlyMap<string, Uint8Array | string>;
}

export function refuseExisting(documentsDir: string, code: string): void {
  for (const path of [join(documentsDir, `${code}.json`), join(documentsDir, code)]) {
    if (existsSync(path)) {
      throw new UserError(`ya existe ${displayPath(path)}; docctl importar nunca sobrescribe un documento: use --codigo para darle otro código, o mueva el existente si quiere reemplazarlo`);
    }
  }
}

export function writeImport(files: ImportFiles): void {
  const { documentsDir, code } = files;
  refuseExisting(documentsDir, code);
  const folder = join(documentsDir, code);
  const staging = join(documentsDir, `.importando-${code}-${randomBytes(4).toString('hex')}`);
  let placedFolder = false;
  try {
    for (const [relative, bytes] of files.folderFiles) {
      const path = join(staging, ...relative.split('/'));
      try {
        mkdirSync(dirname(path), { recursive: true });
      } catch (error) {
        throw asUserError(error, path);
      }
      writeFileAtomic(path, bytes);
    }
    try {
      mkdirSync(staging, { recursive: true });
      renameSync(staging, folder);
    } catch (error) {
      throw asUserError(error, folder);
    }
    placedFolder = true;
    writeFileAtomic(join(documentsDir, `${code}.json`), files.json);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    if (placedFolder) rmSync(folder, { recursive: true, force: true });
    throw error;
  }
}
