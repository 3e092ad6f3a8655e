// Seals an approved version into the archive, atomically: the whole version
// folder (editions, fuente.json, manifest) is built in a hidden folder of
// the entity's archive — the same file system — flushed to disk, then
// renamed to <CÓDIGO>/v<N>. A crash leaves either no version folder or a
// complete one; an existing folder is never overwritten. The register entry
// follows (register.ts); a crash between the two is completed by the next
// approve or build (recover.ts).
import { randomBytes } from 'node:crypto';
import { chmodSync, closeSync, existsSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { passFaultPoint } from '../fault-points.js';
import { asUserError, writeNewFileFlushed } from '../publish/atomic-write.js';
import { manifestText, sha256, type Manifest } from './manifest.js';
import { MANIFEST_NAME, PREPARING_MARK } from './paths.js';
import { appendRegister, type RegisterEntry } from './register.js';

export interface FileToArchive {
  readonly name: string;
  readonly bytes: Uint8Array;
}

function flushFolder(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/** Removes version folders left half-built by a crash (the caller holds the archive's lock). */
export function removeUnfinishedFolders(archiveDir: string): void {
  let names: string[];
  try {
    names = readdirSync(archiveDir);
  } catch {
    return;
  }
  for (const name of names) if (name.startsWith(PREPARING_MARK)) rmSync(join(archiveDir, name), { recursive: true, force: true });
}

export interface SealRequest {
  readonly archiveDir: string;
  /** The final folder, <archiveDir>/<CÓDIGO>/v<N>. */
  readonly target: string;
  readonly files: readonly FileToArchive[];
  /** Everything but `archivos`, which is computed here from the bytes. */
  readonly manifest: Omit<Manifest, 'archivos'>;
  readonly register: Pick<RegisterEntry, 'evento'> & { readonly desde?: string };
}

export interface Sealed {
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  readonly entry: RegisterEntry;
}

/** The caller holds the archive's lock and has verified its register. */
export function sealVersion(request: SealRequest): Sealed {
  const { archiveDir, target } = request;
  if (existsSync(target)) throw new Error(`internal: ${target} is archived and write-once`);
  const staging = join(archiveDir, `${PREPARING_MARK}${randomBytes(6).toString('hex')}`);
  const manifest: Manifest = {
    ...request.manifest,
    archivos: request.files.map((file) => ({ nombre: file.name, sha256: sha256(file.bytes), bytes: file.bytes.byteLength })),
  };
  const text = manifestText(manifest);
  try {
    mkdirSync(staging, { recursive: true });
    for (const file of request.files) writeNewFileFlushed(join(staging, file.name), file.bytes);
    writeNewFileFlushed(join(staging, MANIFEST_NAME), text);
    // Read-only as a visible signal to people and other programs; docctl itself relies on the hashes.
    for (const name of [...request.files.map((f) => f.name), MANIFEST_NAME]) chmodSync(join(staging, name), 0o444);
    flushFolder(staging);
    passFaultPoint('archivo:antes-de-renombrar');
    mkdirSync(dirname(target), { recursive: true });
    // rename(2) replaces an empty folder: the check above, under the lock, is what keeps v<N> write-once.
    if (existsSync(target)) throw new Error(`internal: ${target} appeared while sealing`);
    renameSync(staging, target);
    flushFolder(dirname(target));
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw asUserError(error, target);
  }
  passFaultPoint('archivo:antes-del-registro');
  const manifestSha256 = sha256(text);
  const entry = appendRegister(archiveDir, {
    evento: request.register.evento,
    codigo: manifest.codigo,
    version: manifest.version,
    manifiestoSha256: manifestSha256,
    ...(request.register.desde === undefined ? {} : { desde: request.register.desde }),
  });
  return { manifest, manifestSha256, entry };
}
