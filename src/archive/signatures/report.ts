// What `docctl verify` says about each signed version: every signer by role,
// with the certificate's issuer and serial and when it was signed.
import { displayPath } from '../../load/load-project.js';
import type { EntityArchive } from '../verify.js';
import { ROLE_LABELS } from './roles.js';

export function signatureLines(archive: EntityArchive): string[] {
  const lines: string[] = [];
  for (const version of archive.versions) {
    if (version.signatures.length === 0 && !version.attachment) continue;
    lines.push(`${archive.slug} ${version.code} v${version.number}:`);
    for (const s of version.signatures) {
      lines.push(
        `  ${ROLE_LABELS[s.role]}: ${s.signer} — ${s.valid ? 'firma válida' : 'FIRMA NO VÁLIDA'}; firmó el ${s.time}${s.timestamped ? ' (sello de tiempo)' : ' (hora declarada por el firmante)'}; ` +
          `emisor ${s.issuer}, serie ${s.serial}; ${displayPath(`${version.dir}/${s.file}`)}`,
      );
    }
    if (version.attachment) lines.push(`  copia firmada a mano: ${displayPath(`${version.dir}/${version.attachment}`)}`);
  }
  return lines;
}
