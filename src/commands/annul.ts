// docctl anular <CÓDIGO> --version N --motivo "…" [--por "Nombre"]: annuls a
// mistaken approval. Nothing is deleted: the register records who, when and
// why (an anulacion entry, chained like every other), the data file marks
// the version "anulada", and the site and listado show it annulled; the
// previous approved version is in force again. Register first, then the
// data file, then the site: a crash between them is completed by the next
// build (archive/recover.ts).
import { readFileSync } from 'node:fs';
import { userInfo } from 'node:os';
import { withArchiveLock } from '../archive/lock.js';
import { appendRegister } from '../archive/register.js';
import { annulmentRecord } from '../archive/recover.js';
import { archiveFindings, inForce, inspectArchives, inspectEntityArchive, versionsOf } from '../archive/verify.js';
import { UserError } from '../errors.js';
import { editJsonText } from '../edit/edit-json.js';
import { findDocument } from '../edit/find-document.js';
import { passFaultPoint } from '../fault-points.js';
import { displayPath } from '../load/load-project.js';
import { prepareSources } from '../pipeline/sources.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { acquireBuildLock } from '../publish/build-lock.js';
import { refreshSite, type BuildOptions } from './build.js';

export interface AnnulArguments {
  readonly code: string | undefined;
  readonly version: string | undefined;
  readonly motivo: string | undefined;
  readonly por: string | undefined;
  readonly entity: string | undefined;
}

function whoRuns(): string {
  try {
    return userInfo().username || 'usuario desconocido';
  } catch {
    return 'usuario desconocido';
  }
}

export async function runAnnul(options: BuildOptions, args: AnnulArguments): Promise<number> {
  const { code } = args;
  if (!code) throw new UserError('falta el código del documento: docctl anular <CÓDIGO> --version N --motivo "…"');
  const number = /^[1-9]\d{0,5}$/.test(args.version ?? '') ? Number(args.version) : undefined;
  if (number === undefined) throw new UserError(`${args.version === undefined ? 'falta --version' : `--version "${args.version}" no es un número de versión`}: diga qué versión se anula, p. ej. docctl anular ${code} --version 2 --motivo "…"`);
  const motivo = args.motivo?.trim();
  if (!motivo) throw new UserError(`falta --motivo: por qué se anula la aprobación, p. ej. --motivo "Se aprobó por error sin el acta del comité"`);
  const por = args.por?.trim() || whoRuns();

  const sources = prepareSources(options);
  const { entity, document: source } = findDocument(sources.project, code, args.entity);
  const release = acquireBuildLock(options.outputDir);
  try {
    const archive = inspectEntityArchive(options.dataDir, entity.slug);
    // The site is published below: only from an archive that verifies, all of it.
    const findings = archiveFindings(inspectArchives(options.dataDir));
    if (findings.length > 0) throw new UserError('el archivo de versiones no está intacto; restáurelo antes de anular (docctl verificar)', findings);
    const versions = versionsOf(archive, code);
    const version = versions.find((v) => v.number === number);
    if (!version) {
      const archived = versions.map((v) => v.number).join(', ');
      throw new UserError(`la versión ${number} de ${code} no está archivada; solo se anula una aprobación archivada${archived ? ` (archivadas: ${archived})` : ''}`);
    }
    if (version.annulled) throw new UserError(`la versión ${number} de ${code} ya fue anulada el ${version.annulled.fecha.slice(0, 10)} por ${version.annulled.por ?? '—'}: ${version.annulled.motivo ?? ''}`);
    const index = source.document.versiones.findIndex((v) => v.numero === number);
    if (index < 0) throw new UserError(`${source.file}: la versión ${number} está archivada pero falta en "versiones"; restaure el archivo de datos antes de anular`);

    const entry = withArchiveLock(archive.dir, () =>
      appendRegister(archive.dir, { evento: 'anulacion', codigo: code, version: number, manifiestoSha256: version.manifestSha256, motivo, por }),
    );
    passFaultPoint('anular:antes-de-editar-datos');
    const text = readFileSync(source.json.path, 'utf8');
    writeFileAtomic(source.json.path, editJsonText(text, [{ path: ['versiones', index, 'anulada'], value: annulmentRecord(entry) }]));
    passFaultPoint('anular:antes-del-sitio');
    const previous = inForce(versions.filter((v) => v !== version));
    process.stdout.write(
      `${code} versión ${version.manifest.versionMostrada}: aprobación anulada por ${por} (entrada ${entry.n} de ${displayPath(archive.register.path)}); nada se borró.\n` +
        (previous ? `Vuelve a estar vigente la versión ${previous.manifest.versionMostrada}.\n` : `${code} no tiene ahora ninguna versión vigente: no se publica.\n`),
    );
    process.stdout.write(`${await refreshSite(options)}\n`);
    return 0;
  } finally {
    release();
  }
}
