// docctl listado: writes output/listado-maestro.csv and .pdf, after verifying the archive.
import { join } from 'node:path';
import { archiveFindings, archivesBySlug, inspectArchives } from '../archive/verify.js';
import { hasErrors } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { prepare } from '../pipeline.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { listadoCsv, listadoPdf, listadoRows } from '../publish/listado.js';
import { LISTADO_FILES } from '../publish/output-paths.js';
import { isoDateToUtc, todayInColombia } from '../dates.js';
import type { BuildOptions } from './build.js';
import { printProblems } from './report.js';

export async function runListado(options: BuildOptions): Promise<number> {
  const prepared = prepare(options);
  // Only verified records are shown: the listado describes archived versions from their manifests.
  const archives = inspectArchives(options.dataDir);
  const problems = [...prepared.problems, ...archiveFindings(archives)];
  printProblems(problems);
  if (hasErrors(problems)) return 1;
  const rows = listadoRows(prepared.project, archivesBySlug(archives));
  const csvPath = join(options.outputDir, LISTADO_FILES.csv);
  const pdfPath = join(options.outputDir, LISTADO_FILES.pdf);
  const pdf = await listadoPdf(rows, isoDateToUtc(options.today ?? todayInColombia()));
  writeFileAtomic(csvPath, listadoCsv(rows));
  writeFileAtomic(pdfPath, pdf);
  process.stdout.write(`Listado maestro: ${rows.length} documentos en ${displayPath(csvPath)} y ${displayPath(pdfPath)}\n`);
  return 0;
}
