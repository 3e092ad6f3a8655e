// docctl listado: the listado maestro, after verifying the archive. One per
// entity, as that entity's controlled record, in output/<entidad>/
// (listado-maestro.csv and .pdf, the entity's header and logo on every page),
// and the one of every entity shown together in output/ (for Excel). With
// --entidad, only that entity's, so the listado of every entity is never
// replaced by one entity's.
import { join } from 'node:path';
import { archiveFindings, archivesBySlug, inspectArchives } from '../archive/verify.js';
import { hasErrors, UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { prepare } from '../pipeline.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { listadoCsv, listadoPdf, listadoRows } from '../publish/listado.js';
import { insideOutput, LISTADO_FILES } from '../publish/output-paths.js';
import { todayInColombia } from '../dates.js';
import type { BuildOptions } from './build.js';
import { concernsEntity, printProblems } from './report.js';

export async function runListado(options: BuildOptions, entitySlug?: string): Promise<number> {
  const prepared = prepare(options);
  // Only verified records are shown: the listado describes archived versions from their manifests.
  const archives = inspectArchives(options.dataDir);
  const problems = [...prepared.problems, ...archiveFindings(archives)].filter(concernsEntity(options.dataDir, entitySlug));
  printProblems(problems);
  if (hasErrors(problems)) return 1;
  const entities = prepared.project.entities.filter((e) => entitySlug === undefined || e.slug === entitySlug);
  if (entities.length === 0 && entitySlug !== undefined) {
    const known = prepared.project.entities.map((e) => e.slug).join(', ');
    throw new UserError(`--entidad: no hay una entidad "${entitySlug}" en ${displayPath(options.dataDir)}; las entidades son: ${known || '(ninguna)'}`);
  }
  const generatedOn = options.today ?? todayInColombia();
  const bySlug = archivesBySlug(archives);
  const written: string[] = [];
  for (const entity of entities) {
    const own = listadoRows({ ...prepared.project, entities: [entity] }, bySlug);
    const csvPath = insideOutput(options.outputDir, join(entity.slug, LISTADO_FILES.csv));
    const pdfPath = insideOutput(options.outputDir, join(entity.slug, LISTADO_FILES.pdf));
    const pdf = await listadoPdf(own, generatedOn, { name: entity.entity.nombre, parentName: entity.entity.entidadSuperior, logo: entity.logo });
    writeFileAtomic(csvPath, listadoCsv(own));
    writeFileAtomic(pdfPath, pdf);
    written.push(`  ${entity.entity.nombre}: ${own.length} documentos en ${displayPath(csvPath)} y ${displayPath(pdfPath)}`);
  }
  if (entitySlug !== undefined) {
    process.stdout.write(`Listado maestro: ${written.join('').replace(/^.*?: /, '')}\n`);
    return 0;
  }
  const csvPath = join(options.outputDir, LISTADO_FILES.csv);
  const pdfPath = join(options.outputDir, LISTADO_FILES.pdf);
  const only = entities.length === 1 ? entities[0]! : undefined;
  const rows = listadoRows({ ...prepared.project, entities }, bySlug);
  const pdf = await listadoPdf(rows, generatedOn, only ? { name: only.entity.nombre, parentName: only.entity.entidadSuperior, logo: only.logo } : undefined);
  writeFileAtomic(csvPath, listadoCsv(rows));
  writeFileAtomic(pdfPath, pdf);
  process.stdout.write(`Listado maestro: ${rows.length} documentos en ${displayPath(csvPath)} y ${displayPath(pdfPath)}\n${written.join('\n')}\n`);
  return 0;
}
