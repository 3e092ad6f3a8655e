// docctl adjuntar <CÓDIGO> copia-firmada.pdf [--version N]: keeps the
// scanned, hand-signed paper copy with the record. Written once into the
// version's archive folder as CÓDIGO-vN-copia-firmada.pdf, its SHA-256 in the
// register (an `adjunto` event); never overwritten. Published on the site
// only when the entity's data says so (entidad.json "publicarCopiaFirmada").
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { withArchiveLock } from '../archive/lock.js';
import { sha256 } from '../archive/manifest.js';
import { appendRegister } from '../archive/register.js';
import { inspectEntityArchive, versionsOf } from '../archive/verify.js';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { readUserFile, type UserFileKind } from '../load/read-user-file.js';
import { createFileAtomic } from '../publish/atomic-write.js';
import type { CommonOptions } from './options.js';
import { chooseVersion, findArchive } from './sign.js';

export interface AttachArguments {
  readonly code: string | undefined;
  readonly file: string | undefined;
  readonly version: string | undefined;
  readonly entity: string | undefined;
}

/**
 * A scan of a few signed pages at 300 dpi weighs a few megabytes; 100 MB
 * leaves room for long documents while keeping /dev/zero or a video named by
 * mistake out of memory and out of the archive.
 */
const SIGNED_COPY: UserFileKind = {
  what: 'la copia firmada',
  maxBytes: 100 * 1024 * 1024,
  whenTooBig: 'escanéela de nuevo en blanco y negro o a 200-300 ppp',
};

export const attachmentName = (code: string, version: number) => `${code}-v${version}-copia-firmada.pdf`;

export async function runAttach(options: CommonOptions, args: AttachArguments): Promise<number> {
  const { code, file } = args;
  if (!code || !file) throw new UserError('uso: docctl adjuntar <CÓDIGO> copia-firmada.pdf [--version N]');
  const bytes = readUserFile(file, SIGNED_COPY);
  if (!bytes.subarray(0, 1024).includes('%PDF-')) throw new UserError(`${file}: no es un PDF (no empieza con %PDF-); escanee la copia firmada a PDF`);
  const archive = findArchive(options.dataDir, code, args.entity);
  if (archive.findings.length > 0) {
    throw new UserError('el archivo de versiones no está intacto; restáurelo antes de adjuntar (docctl verificar)', archive.findings.map((f) => ({ severity: 'error', file: displayPath(f.file), line: f.line, message: f.message })));
  }
  const version = chooseVersion(archive, code, args.version, 'adjunta una copia a');
  const name = attachmentName(code, version.number);
  const path = join(version.dir, name);
  if (version.attachment || existsSync(path)) throw new UserError(`${displayPath(path)} ya existe: la copia firmada se guarda una sola vez y nunca se reemplaza`);
  const entry = withArchiveLock(archive.dir, () => {
    const again = versionsOf(inspectEntityArchive(options.dataDir, archive.slug), code).find((v) => v.number === version.number);
    if (again?.attachment || existsSync(path)) throw new UserError(`${displayPath(path)} ya existe: la copia firmada se guarda una sola vez y nunca se reemplaza`);
    // Write-once: created beside its name and linked in, never renamed over a file that appeared meanwhile.
    if (!createFileAtomic(path, bytes)) throw new UserError(`${displayPath(path)} ya existe: la copia firmada se guarda una sola vez y nunca se reemplaza`);
    return appendRegister(archive.dir, { evento: 'adjunto', codigo: code, version: version.number, manifiestoSha256: version.manifestSha256, archivo: name, archivoSha256: sha256(bytes) });
  });
  process.stdout.write(`${code} v${version.number}: copia firmada guardada en ${displayPath(path)} (SHA-256 ${entry.archivoSha256}, entrada ${entry.n} del registro).\n`);
  return 0;
}
