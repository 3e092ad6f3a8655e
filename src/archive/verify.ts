// `git fsck` for records: every archived file against its manifest, every
// manifest against its register entry, the register's chain itself, a
// version folder missing from the register and a register entry without its
// folder. Files added after sealing (signed copies, a scanned copy) are
// checked against their register entries, and signatures as signatures
// (signatures/added-files.ts). Build runs it before anything archived is
// shown; `docctl verify` prints its findings and each entity's chain head.
import { existsSync, lstatSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { errorProblem, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { readManifest, sha256, type Manifest } from './manifest.js';
import { readArchivedFile } from './read-archived-file.js';
import { ARCHIVE_DIR, archiveDir, MANIFEST_NAME, REGISTER_NAME, SOURCE_NAME, VERSION_FOLDER } from './paths.js';
import { annulment, archivingEntry, readRegister, type RegisterEntry, type RegisterRead } from './register.js';
import { checkAddedFiles, type SignatureReport } from './signatures/added-files.js';

export interface ArchiveFinding {
  /** The file (or folder) at fault, absolute. */
  readonly file: string;
  readonly line?: number | undefined;
  /** Spanish, for the user. */
  readonly message: string;
}

export interface ArchivedVersion {
  readonly code: string;
  readonly number: number;
  readonly dir: string;
  readonly manifest: Manifest;
  readonly manifestSha256: string;
  /** The register's anulacion entry, when the version was annulled. */
  readonly annulled: RegisterEntry | undefined;
  /** Whether its files, manifest and register entry are all intact. */
  readonly intact: boolean;
  /** Whether its files match its manifest (whatever the register says). */
  readonly filesIntact: boolean;
  /** Whether the register has an entry archiving it. */
  readonly registered: boolean;
  /** The digital signatures added after sealing, in the order they were made. */
  readonly signatures: readonly SignatureReport[];
  /** The scanned hand-signed copy added after sealing, if any. */
  readonly attachment: string | undefined;
}

export interface EntityArchive {
  readonly slug: string;
  readonly dir: string;
  readonly register: RegisterRead;
  /** Every version folder with a sound manifest, by code then number. */
  readonly versions: readonly ArchivedVersion[];
  readonly findings: readonly ArchiveFinding[];
  /** Files whose hash was recomputed. */
  readonly checked: number;
}

const isPlainFolder = (path: string) => lstatSync(path).isDirectory();

function verifyVersion(slug: string, code: string, number: number, dir: string, register: RegisterRead, findings: ArchiveFinding[]): { version?: ArchivedVersion; checked: number } {
  const before = findings.length;
  const read = readManifest(dir);
  if ('problem' in read) {
    const hasFiles = readdirSync(dir).length > 0;
    findings.push({ file: join(dir, MANIFEST_NAME), message: `${read.problem}; ${hasFiles ? 'la carpeta tiene archivos pero no un manifiesto válido: lo archivado no se reescribe; restáurelo desde la copia de seguridad (git)' : 'la carpeta está vacía: restáurela desde la copia de seguridad (git)'}` });
    return { checked: 0 };
  }
  const { manifest } = read;
  if (manifest.entidad !== slug || manifest.codigo !== code || manifest.version !== number) {
    findings.push({ file: join(dir, MANIFEST_NAME), message: `el manifiesto dice ${manifest.entidad}/${manifest.codigo}/v${manifest.version}, pero está en ${slug}/${ARCHIVE_DIR}/${code}/v${number}` });
  }
  let checked = 0;
  const listed = new Set(manifest.archivos.map((f) => f.nombre));
  for (const file of manifest.archivos) {
    const path = join(dir, file.nombre);
    checked++;
    const bytes = readArchivedFile(path, 'falta (fue borrado o movido)', findings);
    if (!bytes) continue;
    if (bytes.byteLength !== file.bytes || sha256(bytes) !== file.sha256) findings.push({ file: path, message: 'fue modificado: su SHA-256 no coincide con el del manifiesto' });
  }
  if (!listed.has(SOURCE_NAME)) findings.push({ file: join(dir, MANIFEST_NAME), message: `el manifiesto no incluye ${SOURCE_NAME}, de donde se publica la versión` });
  // Files added after sealing (signed copies, a scanned copy) are known by their register entries.
  const added = checkAddedFiles(dir, register.entries, code, number, manifest.archivos.find((f) => f.nombre === `${code}-v${number}.pdf`)?.nombre);
  findings.push(...added.findings);
  for (const name of readdirSync(dir).sort()) {
    if (name !== MANIFEST_NAME && !listed.has(name) && !added.known.has(name)) findings.push({ file: join(dir, name), message: 'no figura en el manifiesto: no es parte de lo archivado' });
  }
  const filesIntact = findings.length === before;
  const entry = archivingEntry(register.entries, code, number);
  if (!entry) findings.push({ file: dir, message: `la versión no figura en el registro ${REGISTER_NAME}` });
  else if (entry.manifiestoSha256 !== read.sha256) findings.push({ file: join(dir, MANIFEST_NAME), message: `fue modificado: su SHA-256 no coincide con el del registro (entrada ${entry.n})` });
  const version: ArchivedVersion = {
    code,
    number,
    dir,
    manifest,
    manifestSha256: read.sha256,
    annulled: annulment(register.entries, code, number),
    intact: findings.length === before && register.problems.length === 0,
    filesIntact,
    registered: entry !== undefined,
    signatures: added.signatures,
    attachment: added.attachment,
  };
  return { version, checked };
}

export function inspectEntityArchive(dataDir: string, slug: string): EntityArchive {
  const dir = archiveDir(dataDir, slug);
  const register = readRegister(dir);
  const findings: ArchiveFinding[] = register.problems.map((p) => ({ file: register.path, line: p.line || undefined, message: p.message }));
  const versions: ArchivedVersion[] = [];
  let checked = 0;
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  for (const code of names) {
    const codeDir = join(dir, code);
    if (code.startsWith('.') || code === REGISTER_NAME) continue;
    if (!isPlainFolder(codeDir)) {
      findings.push({ file: codeDir, message: 'no es parte del archivo (solo caben registro.jsonl y una carpeta por código)' });
      continue;
    }
    for (const name of readdirSync(codeDir).sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))) {
      const versionDir = join(codeDir, name);
      const match = VERSION_FOLDER.exec(name);
      if (!match || !isPlainFolder(versionDir)) {
        findings.push({ file: versionDir, message: 'no es una carpeta de versión (v1, v2…)' });
        continue;
      }
      const result = verifyVersion(slug, code, Number(match[1]), versionDir, register, findings);
      checked += result.checked;
      if (result.version) versions.push(result.version);
    }
  }
  const present = new Set(versions.map((v) => `${v.code}/${v.number}`));
  register.entries.forEach((entry, index) => {
    if (present.has(`${entry.codigo}/${entry.version}`)) return;
    const folder = join(dir, entry.codigo, `v${entry.version}`);
    if (existsSync(folder)) return; // reported above with its own problem
    findings.push({ file: register.path, line: index + 1, message: `la entrada ${entry.n} (${entry.evento} de ${entry.codigo} v${entry.version}) no tiene su carpeta ${entry.codigo}/v${entry.version}: fue borrada o movida` });
  });
  return { slug, dir, register, versions, findings, checked };
}

/** Every entity folder of the data folder that has an archive. */
export function inspectArchives(dataDir: string): EntityArchive[] {
  if (!existsSync(dataDir)) return [];
  return readdirSync(dataDir)
    .sort()
    .filter((name) => !name.startsWith('.') && existsSync(join(dataDir, name, ARCHIVE_DIR)))
    .map((slug) => inspectEntityArchive(dataDir, slug));
}

/** The versions of one document in an entity's archive, oldest first. */
export function versionsOf(archive: EntityArchive | undefined, code: string): ArchivedVersion[] {
  return (archive?.versions ?? []).filter((v) => v.code === code).sort((a, b) => a.number - b.number);
}

/** The version in force: the newest archived version not annulled. */
export function inForce(versions: readonly ArchivedVersion[]): ArchivedVersion | undefined {
  return versions.findLast((v) => !v.annulled);
}

/** Every archive of the data folder, by entity. */
export const archivesBySlug = (archives: readonly EntityArchive[]) => new Map(archives.map((a) => [a.slug, a]));

/** What the archive's verification found, as problems that stop the build. */
export function archiveFindings(archives: readonly EntityArchive[]): Problem[] {
  return archives.flatMap((archive) =>
    archive.findings.map((f) => errorProblem(displayPath(f.file), `${f.message}; lo archivado no se publica ni se reescribe hasta que se restaure (docctl verificar lo comprueba)`, { line: f.line })),
  );
}

