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
import { concernsEntity, printProblems } from './report.js';

/**
 * With --entidad, the listado of that entity alone, beside its drafts in
 * output/<entidad>/, so it never replaces the listado of every entity.
 */
export async function runListado(options: BuildOptions, entity?: string): Promise<number> {
  const prepared = prepare(options);
  // Only verified records are shown: the listado describes archived versions from their manifests.
  const archives = inspectArchives(options.dataDir);
  const problems = [...prepared.problems, ...archiveFindings(archives)].filter(concernsEntity(options.dataDir, entity));
  printProblems(problems);
  if (hasErrors(problems)) return 1;
  const project = entity === undefined ? prepared.project : { ...prepared.project, entities: prepared.project.entities.filter((e) => e.slug === entity) };
  const rows = listadoRows(project, archivesBySlug(archives));
  const folder = entity === undefined ? options.outputDir : join(options.outputDir, entity);
  const csvPath = join(folder, LISTADO_FILES.csv);
  const pdfPath = join(folder, LISTADO_FILES.pdf);
  const pdf = await listadoPdf(rows, isoDateToUtc(options.today ?? todayInColombia()));
  writeFileAtomic(csvPath, listadoCsv(rows));
  writeFileAtomic(pdfPath, pdf);
  process.stdout.write(`Listado maestro: ${rows.length} documentos en ${displayPath(csvPath)} y ${displayPath(pdfPath)}\n`);
  return 0;
}
