// docctl verify: recomputes the SHA-256 of every archived file and names
// any that is missing or differs from its manifest.
import { displayPath } from '../load/load-project.js';
import { verifyArchive } from '../publish/archive.js';
import type { CommonOptions } from './options.js';

export function runVerify(options: CommonOptions): number {
  const { checked, findings } = verifyArchive(options.outputDir);
  for (const finding of findings) {
    const what = finding.problem === 'falta' ? 'falta (fue borrado o movido)' : 'fue modificado: su SHA-256 no coincide con el del manifiesto';
    process.stderr.write(`${displayPath(finding.file)}: ${what}\n`);
  }
  if (findings.length > 0) {
    process.stderr.write(`${findings.length} de ${checked} archivos archivados no están intactos.\n`);
    return 1;
  }
  process.stdout.write(checked === 0 ? 'No hay versiones archivadas todavía.\n' : `${checked} archivos archivados verificados: todos intactos.\n`);
  return 0;
}
