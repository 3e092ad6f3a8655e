// docctl verify: `git fsck` for the archive (archive/verify.ts). Names every
// archived file that is missing or changed, every manifest that does not
// match its register entry, a broken chain, a version folder missing from
// the register and a register entry without its folder; prints each
// entity's chain head, which the committee writes in its acta.
import { signatureLines } from '../archive/signatures/report.js';
import { inspectArchives } from '../archive/verify.js';
import { displayPath } from '../load/load-project.js';
import type { CommonOptions } from './options.js';

export function runVerify(options: CommonOptions, entity?: string): number {
  // With --entidad, only that entity's archive: each entity's register is a chain of its own.
  const archives = inspectArchives(options.dataDir).filter((archive) => entity === undefined || archive.slug === entity);
  let findings = 0;
  let checked = 0;
  for (const archive of archives) {
    checked += archive.checked;
    for (const finding of archive.findings) {
      findings++;
      process.stderr.write(`${displayPath(finding.file)}${finding.line ? `:${finding.line}` : ''}: ${finding.message}\n`);
    }
  }
  for (const archive of archives) {
    for (const line of signatureLines(archive)) process.stdout.write(`${line}\n`);
    const count = archive.register.entries.length;
    process.stdout.write(
      `${archive.slug}: ${archive.versions.length} ${archive.versions.length === 1 ? 'versión archivada' : 'versiones archivadas'}, ` +
        `${count} ${count === 1 ? 'entrada' : 'entradas'} en ${displayPath(archive.register.path)}; cabeza de la cadena: ${archive.register.head ?? '(vacía)'}\n`,
    );
  }
  if (findings > 0) {
    process.stderr.write(`El archivo no está intacto: ${findings} ${findings === 1 ? 'problema' : 'problemas'}. Restaure lo señalado desde la copia de seguridad (git) antes de publicar.\n`);
    return 1;
  }
  process.stdout.write(checked === 0 ? `No hay versiones archivadas todavía${entity ? ` en ${entity}` : ''}.\n` : `${checked} archivos archivados verificados: todos intactos, y la cadena del registro también.\n`);
  return 0;
}
