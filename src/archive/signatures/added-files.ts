// The files added to a sealed version folder after its manifest (the signed
// copies, the scanned hand-signed copy): each has its register entry with
// its SHA-256, so it is known (not an orphan) and checked. A signed copy is
// checked as a PDF signature too: its first bytes are the archived PDF (or
// the previous signed copy) exactly, its own signature covers the whole
// file, and the signature itself verifies (check-cms.ts).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import { sha256 } from '../manifest.js';
import { readArchivedFile } from '../read-archived-file.js';
import { addedFiles, type RegisterEntry } from '../register.js';
import { checkCms } from './check-cms.js';
import { ROLE_LABELS, type SignatureRole } from './roles.js';

export interface SignatureReport {
  readonly file: string;
  readonly role: SignatureRole;
  readonly signer: string;
  readonly issuer: string;
  readonly serial: string;
  /** ISO time of signing (the timestamp's when there is one). */
  readonly time: string;
  readonly timestamped: boolean;
  readonly valid: boolean;
}

export interface AddedFilesCheck {
  /** Names the register accounts for. */
  readonly known: ReadonlySet<string>;
  readonly findings: { readonly file: string; readonly message: string }[];
  readonly signatures: SignatureReport[];
  /** The scanned hand-signed copy, when one was added. */
  readonly attachment: string | undefined;
}

interface PdfSignature {
  readonly byteRange: readonly [number, number, number, number];
  readonly contents: Buffer;
  readonly claimedTime: Date | undefined;
}

/** A PDF date (D:YYYYMMDDHHmmSS+HH'mm') as a Date. */
function parsePdfDate(text: string): Date | undefined {
  const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(Z|([+-])(\d{2})'?(\d{2})'?)?/.exec(text);
  if (!m) return undefined;
  const offset = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
  return new Date(Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) - offset * 60_000);
}

/**
 * The CMS without the zeros that pad /Contents: as long as its DER says,
 * since a signature may itself end in a zero byte.
 */
function withoutPadding(contents: Buffer): Buffer {
  const parsed = asn1js.fromBER(contents);
  return parsed.offset > 0 ? contents.subarray(0, parsed.offset) : contents;
}

/** Every signature dictionary of the file, by its ByteRange, in file order. */
export function pdfSignatures(pdf: Buffer): PdfSignature[] {
  const text = pdf.toString('latin1');
  const found: PdfSignature[] = [];
  for (const match of text.matchAll(/\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g)) {
    const byteRange = [1, 2, 3, 4].map((i) => Number(match[i])) as [number, number, number, number];
    const hex = text.slice(byteRange[1] + 1, byteRange[2] - 1);
    const dictionaryEnd = text.indexOf('endobj', byteRange[2]);
    const dictionary = text.slice(match.index, dictionaryEnd < 0 ? undefined : dictionaryEnd);
    const time = /\/M\s*\((D:[^)]*)\)/.exec(dictionary)?.[1];
    found.push({ byteRange, contents: withoutPadding(Buffer.from(hex.length % 2 === 0 ? hex : `${hex}0`, 'hex')), claimedTime: time ? parsePdfDate(time) : undefined });
  }
  return found;
}

function checkSignedCopy(path: string, bytes: Buffer, previous: Buffer | undefined, previousName: string, entry: RegisterEntry, findings: AddedFilesCheck['findings']): SignatureReport | undefined {
  const before = findings.length;
  if (previous && !bytes.subarray(0, previous.length).equals(previous)) {
    findings.push({ file: path, message: `no empieza con los bytes exactos de ${previousName}: la revisión firmada antes fue cambiada` });
  }
  const own = pdfSignatures(bytes).find((s) => s.byteRange[2] + s.byteRange[3] === bytes.length);
  if (!own) {
    findings.push({ file: path, message: 'ninguna firma cubre el archivo completo: se le agregó algo después de firmar' });
    return undefined;
  }
  const [start, end1, start2, length2] = own.byteRange;
  if (start !== 0 || (previous && end1 < previous.length)) findings.push({ file: path, message: 'el ByteRange de la firma no cubre todo el archivo hasta su revisión' });
  const covered = Buffer.concat([bytes.subarray(0, end1), bytes.subarray(start2, start2 + length2)]);
  const check = checkCms(own.contents, covered, own.claimedTime);
  const role = entry.rol ?? 'elaboro';
  for (const problem of check.problems) findings.push({ file: path, message: `firma de ${ROLE_LABELS[role]}: ${problem}` });
  return {
    file: entry.archivo!,
    role,
    signer: check.signer ?? entry.firmante ?? '',
    issuer: check.issuer ?? entry.emisor ?? '',
    serial: check.serial ?? entry.serie ?? '',
    time: check.time?.toISOString() ?? entry.fechaFirma ?? '',
    timestamped: check.timestamped,
    valid: findings.length === before,
  };
}

/** `pdfName`: the archived PDF the first signed copy must begin with. */
export function checkAddedFiles(dir: string, entries: readonly RegisterEntry[], code: string, version: number, pdfName: string | undefined): AddedFilesCheck {
  const findings: AddedFilesCheck['findings'] = [];
  const signatures: SignatureReport[] = [];
  const known = new Set<string>();
  let attachment: string | undefined;
  let previous: Buffer | undefined;
  let previousName = pdfName ?? '';
  if (pdfName) {
    try {
      previous = readFileSync(join(dir, pdfName));
    } catch {
      previous = undefined; // reported as missing by the manifest check
    }
  }
  for (const entry of addedFiles(entries, code, version)) {
    const name = entry.archivo!;
    const path = join(dir, name);
    known.add(name);
    const bytes = readArchivedFile(path, `falta (fue borrado o movido); el registro lo agregó en la entrada ${entry.n}`, findings);
    if (!bytes) continue;
    if (sha256(bytes) !== entry.archivoSha256) findings.push({ file: path, message: `fue modificado: su SHA-256 no coincide con el del registro (entrada ${entry.n})` });
    if (entry.evento === 'adjunto') {
      attachment = name;
      continue;
    }
    const report = checkSignedCopy(path, bytes, previous, previousName, entry, findings);
    if (report) signatures.push(report);
    previous = bytes;
    previousName = name;
  }
  return { known, findings, signatures, attachment };
}
