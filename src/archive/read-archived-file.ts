// Reads one file of a version's archive folder for verification: a link or a
// folder in its place, or a missing file, is a finding, never followed. Shared
// by the manifest's files (archive/verify.ts) and the files added after
// sealing (signatures/added-files.ts), so both judge a file the same way.
import { lstatSync, readFileSync } from 'node:fs';

export interface FileFinding {
  readonly file: string;
  readonly message: string;
}

/** The file's bytes, or undefined after pushing why they cannot be trusted; `missing` says what a missing file means. */
export function readArchivedFile(path: string, missing: string, findings: FileFinding[]): Buffer | undefined {
  try {
    if (!lstatSync(path).isFile()) {
      findings.push({ file: path, message: 'no es un archivo regular (¿un enlace o una carpeta?)' });
      return undefined;
    }
    return readFileSync(path);
  } catch {
    findings.push({ file: path, message: missing });
    return undefined;
  }
}
