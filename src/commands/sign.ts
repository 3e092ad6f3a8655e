// docctl firmar <CÓDIGO> --rol elaboro|reviso|aprobo --certificado firma.p12
// [--sello-tiempo URL] [--forzar-nombre --motivo "…"] [--version N]: signs an
// approved (archived) version's PDF with a PAdES baseline signature. The
// signed copy is a new file in the version folder, an incremental update of
// the archived PDF (or of the copy the previous role signed), written once,
// with its SHA-256 in the register (a `firma` event). Everything is checked
// before anything is written: a refusal leaves the archive as it was.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { withArchiveLock } from '../archive/lock.js';
import { sha256 } from '../archive/manifest.js';
import { ARCHIVE_DIR, archiveDir } from '../archive/paths.js';
import { appendRegister } from '../archive/register.js';
import { readPkcs12, issuerName, subjectName } from '../archive/signatures/pkcs12.js';
import { readPassword } from '../archive/signatures/password.js';
import { findRoleCell } from '../archive/signatures/role-cell.js';
import { isSignatureRole, ROLE_LABELS, SIGNATURE_ROLES, signedFileName, type SignatureRole } from '../archive/signatures/roles.js';
import { signPdf } from '../archive/signatures/sign-pdf.js';
import { timestampFrom } from '../archive/signatures/timestamp.js';
import { inForce, inspectEntityArchive, versionsOf, type ArchivedVersion, type EntityArchive } from '../archive/verify.js';
import { UserError } from '../errors.js';
import { personNameKey, visibleName } from '../fold-text.js';
import { displayPath } from '../load/load-project.js';
import { readUserFile, type UserFileKind } from '../load/read-user-file.js';
import { createFileAtomic } from '../publish/atomic-write.js';
import type { CommonOptions } from './options.js';

export interface SignArguments {
  readonly code: string | undefined;
  readonly role: string | undefined;
  readonly certificate: string | undefined;
  readonly timestampUrl: string | undefined;
  readonly forceName: boolean;
  readonly motivo: string | undefined;
  readonly version: string | undefined;
  readonly entity: string | undefined;
}

/** The entity whose archive holds the code: the only one, or the one --entidad names. */
export function findArchive(dataDir: string, code: string, entity: string | undefined): EntityArchive {
  const slugs = existsSync(dataDir) ? readdirSync(dataDir).sort().filter((slug) => !slug.startsWith('.') && (!entity || slug === entity) && existsSync(join(dataDir, slug, ARCHIVE_DIR, code))) : [];
  if (slugs.length > 1) throw new UserError(`el código ${code} está archivado en varias entidades (${slugs.join(', ')}); indique cuál con --entidad`);
  if (slugs.length === 0) throw new UserError(`${code} no tiene ninguna versión aprobada en ${displayPath(join(dataDir, entity ?? '<entidad>', ARCHIVE_DIR))}: solo se firma una versión aprobada (docctl aprobar), nunca un borrador`);
  return inspectEntityArchive(dataDir, slugs[0]!);
}

/** The version to act on: --version N, archived and not annulled; else the version in force. */
export function chooseVersion(archive: EntityArchive, code: string, requested: string | undefined, verb: string): ArchivedVersion {
  const versions = versionsOf(archive, code);
  if (requested !== undefined) {
    if (!/^[1-9]\d{0,5}$/.test(requested)) throw new UserError(`--version "${requested}" no es un número de versión; p. ej. --version 2`);
    const version = versions.find((v) => v.number === Number(requested));
    if (!version) throw new UserError(`la versión ${requested} de ${code} no está aprobada ni archivada (¿es un borrador?): solo se ${verb} una versión aprobada; archivadas: ${versions.map((v) => v.number).join(', ') || 'ninguna'}`);
    if (version.annulled) throw new UserError(`la versión ${requested} de ${code} fue anulada el ${version.annulled.fecha.slice(0, 10)} (${version.annulled.motivo ?? ''}): no se ${verb} una versión anulada`);
    return version;
  }
  const current = inForce(versions);
  if (!current) throw new UserError(`${code} no tiene una versión vigente (todas están anuladas): no hay qué firmar`);
  return current;
}

/** "2026-11-30 10:15 (hora de Colombia)": Colombia keeps UTC−5 all year. */
/** A PKCS#12 file holds a key and a short chain: kilobytes. 1 MB is generous. */
const CERTIFICATE_FILE: UserFileKind = {
  what: 'el certificado',
  maxBytes: 1024 * 1024,
  whenTooBig: 'indique el archivo .p12 o .pfx de su certificado de firma digital',
};

const colombianTime = (date: Date) => `${new Date(date.getTime() - 5 * 3600_000).toISOString().slice(0, 16).replace('T', ' ')} (hora de Colombia)`;

export async function runSign(options: CommonOptions, args: SignArguments): Promise<number> {
  const { code } = args;
  if (!code) throw new UserError('falta el código del documento: docctl firmar <CÓDIGO> --rol elaboro|reviso|aprobo --certificado firma.p12');
  if (!args.role || !isSignatureRole(args.role)) throw new UserError(`${args.role === undefined ? 'falta --rol' : `--rol "${args.role}" no es un rol`}: escriba --rol ${SIGNATURE_ROLES.join(', --rol ')}`);
  const role: SignatureRole = args.role;
  if (!args.certificate) throw new UserError('falta --certificado: el archivo PKCS#12 (.p12 o .pfx) con su certificado y su llave privada');
  const motivo = args.motivo?.trim();
  if (args.forceName && !motivo) throw new UserError('--forzar-nombre exige --motivo "…": por qué firma un certificado cuyo nombre no es el de la persona de ese rol (queda en el registro)');
  if (args.timestampUrl !== undefined && !/^https?:\/\/\S+$/.test(args.timestampUrl)) throw new UserError(`--sello-tiempo "${args.timestampUrl}" no es una dirección http(s) de una autoridad de sellado de tiempo`);

  const archive = findArchive(options.dataDir, code, args.entity);
  if (archive.findings.length > 0) {
    throw new UserError('el archivo de versiones no está intacto; restáurelo antes de firmar (docctl verificar)', archive.findings.map((f) => ({ severity: 'error', file: displayPath(f.file), line: f.line, message: f.message })));
  }
  const version = chooseVersion(archive, code, args.version, 'firma');
  const where = `${code} v${version.number}`;
  const person = version.manifest[role]?.nombre;
  if (!person) throw new UserError(`${where} no tiene a nadie en "${role}" (${ROLE_LABELS[role]}) en sus datos aprobados: no hay a quién corresponda esta firma`);
  const already = version.signatures.find((s) => s.role === role);
  if (already) throw new UserError(`${where} ya tiene la firma de ${ROLE_LABELS[role]} (${already.signer}, ${already.time}) en ${already.file}; cada rol firma una sola vez`);
  const pdfName = `${code}-v${version.number}.pdf`;
  const previousName = version.signatures.at(-1)?.file ?? pdfName;
  const previous = readFileSync(join(version.dir, previousName));

  const certificateFile = args.certificate;
  const certificateBytes = readUserFile(certificateFile, CERTIFICATE_FILE);
  const password = await readPassword(certificateFile);
  const identity = readPkcs12(certificateBytes, password, certificateFile);
  const now = new Date();
  const { certificate } = identity;
  if (now < new Date(certificate.validFrom)) throw new UserError(`${certificateFile}: el certificado aún no es válido (vale desde ${certificate.validFrom}); nada se firmó`);
  if (now > new Date(certificate.validTo)) throw new UserError(`${certificateFile}: el certificado venció el ${certificate.validTo}; renuévelo con su entidad de certificación; nada se firmó`);
  const signer = subjectName(certificate);
  const nameMatches = personNameKey(signer) === personNameKey(person);
  if (!nameMatches && !args.forceName) {
    throw new UserError(
      `${certificateFile}: el certificado es de "${visibleName(signer)}", pero en ${where} ${ROLE_LABELS[role]} es "${visibleName(person)}"; ` +
        'firme con el certificado de esa persona, o use --forzar-nombre --motivo "…" si es la misma persona con otro nombre (queda en el registro)',
    );
  }

  const cell = await findRoleCell(previous, role);
  if (!cell) throw new UserError(`${displayPath(join(version.dir, pdfName))}: no se encontró la celda "Firma" de ${ROLE_LABELS[role]} en la página de firmas; solo se firman documentos con página de firmas`);
  const ordinal = version.signatures.length + 1;
  const fileName = signedFileName(code, version.number, ordinal, role);
  const signed = await signPdf(
    previous,
    identity,
    {
      pageIndex: cell.pageIndex,
      rect: cell.rect,
      lines: ['Firmado digitalmente por', signer, colombianTime(now), `Emisor: ${issuerName(certificate)}`, `Serie: ${certificate.serialNumber}`],
      fieldName: `Firma ${ordinal} ${role}`,
      signerName: signer,
      reason: `${ROLE_LABELS[role]} ${code} versión ${version.manifest.versionMostrada}`,
      signingTime: now,
    },
    args.timestampUrl === undefined ? {} : { timestamp: timestampFrom(args.timestampUrl) },
  );

  const path = join(version.dir, fileName);
  const entry = withArchiveLock(archiveDir(options.dataDir, archive.slug), () => {
    // Another signer may have finished while this one was signing: check again under the lock.
    const latest = inspectEntityArchive(options.dataDir, archive.slug);
    const again = versionsOf(latest, code).find((v) => v.number === version.number);
    if (!again || again.signatures.length !== version.signatures.length || existsSync(path)) {
      throw new UserError(`${where} cambió mientras se firmaba (otra firma se registró antes); vuelva a ejecutar docctl firmar`);
    }
    // Write-once: created beside its name and linked in, never renamed over a file that appeared meanwhile.
    if (!createFileAtomic(path, signed)) throw new UserError(`${where} cambió mientras se firmaba (otra firma se registró antes); vuelva a ejecutar docctl firmar`);
    return appendRegister(archive.dir, {
      evento: 'firma',
      codigo: code,
      version: version.number,
      manifiestoSha256: version.manifestSha256,
      archivo: fileName,
      archivoSha256: sha256(signed),
      rol: role,
      firmante: signer,
      emisor: issuerName(certificate),
      serie: certificate.serialNumber,
      fechaFirma: now.toISOString(),
      ...(nameMatches ? {} : { nombreForzado: true as const, motivo }),
    });
  });
  process.stdout.write(
    `${where}: firmó ${ROLE_LABELS[role]} (${signer}, certificado de ${issuerName(certificate)}, serie ${certificate.serialNumber})` +
      `${args.timestampUrl ? ', con sello de tiempo' : ''}.\n` +
      `Copia firmada: ${displayPath(path)} (entrada ${entry.n} de ${displayPath(archive.register.path)}); el PDF aprobado ${basename(pdfName)} no cambió.\n` +
      (nameMatches ? '' : `Nombre forzado: ${motivo}\n`),
  );
  return 0;
}
