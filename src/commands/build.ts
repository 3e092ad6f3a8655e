// docctl build: the main job. Validates everything first; with any error it
// writes nothing at all. Then renders, in memory, every document whose
// current version is not archived yet, and only then writes: drafts are
// rewritten on every build, an approved version is written once and
// archived (publish/archive.ts). Each file is written atomically, so a
// failure at any point leaves output/ as it was or complete.
import { join } from 'node:path';
import { formatDateShort } from '../dates.js';
import { hasErrors, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { currentVersion } from '../model/versions.js';
import { prepare, type PreparedDocument } from '../pipeline.js';
import { archiveVersion, isArchived, readManifest, sha256 } from '../publish/archive.js';
import { removeLeftovers, writeFileAtomic } from '../publish/atomic-write.js';
import { acquireBuildLock } from '../publish/build-lock.js';
import { versionDir } from '../publish/output-paths.js';
import { archivedSourceBytes, SOURCE_NAME } from '../publish/archived-source.js';
import { publishSite, SITE_DIR } from '../publish/publish-site.js';
import { RenderCache, renderKey } from '../publish/render-cache.js';
import { editionNames, type Edition } from '../publish/render-editions.js';
import { createRenderer } from '../publish/render-pool.js';
import { createProgress } from './progress.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

export interface BuildOptions extends CommonOptions {
  readonly today?: string | undefined;
  /** Re-render drafts even when the cache says they are unchanged (never archived versions). */
  readonly force?: boolean | undefined;
}

type Outcome = 'archivada' | 'borrador';

interface Planned {
  readonly doc: PreparedDocument;
  readonly dir: string;
  readonly editions: readonly Edition[];
}

function writePlanned({ doc, dir, editions }: Planned): Outcome {
  const { context } = doc.rendered;
  if (context.state === 'borrador') {
    for (const edition of editions) writeFileAtomic(join(dir, edition.name), edition.bytes);
    return 'borrador';
  }
  const version = currentVersion(doc.source.document);
  archiveVersion(dir, [...editions, { name: SOURCE_NAME, bytes: archivedSourceBytes(doc.rendered) }], {
    entidad: context.entity.slug,
    codigo: context.code,
    titulo: doc.source.document.titulo,
    version: context.version.number,
    versionMostrada: context.version.label,
    fechaAprobacion: version.fecha,
    descripcion: version.descripcion,
    acta: version.acta,
    contenidoSha256: sha256(Buffer.from(doc.rendered.markdown)),
  });
  return 'archivada';
}

/** Problems that only the output folder can reveal, such as approved content edited after archiving. */
function archiveProblems(doc: PreparedDocument, dir: string): Problem[] {
  const { context } = doc.rendered;
  if (context.state === 'borrador') {
    return [{ severity: 'error', file: doc.source.file, field: 'versiones', message: `la versión ${context.version.number} ya está archivada en ${displayPath(dir)}; un borrador debe tener un número de versión nuevo (use docctl version)` }];
  }
  const manifest = readManifest(dir);
  if (manifest.contenidoSha256 && manifest.contenidoSha256 !== sha256(Buffer.from(doc.rendered.markdown))) {
    return [{ severity: 'advertencia', file: doc.source.file, message: `el contenido de ${context.code} cambió después de archivar la versión ${context.version.label}; lo archivado no cambia: abra una nueva versión (docctl version ${context.code} --motivo "…") para publicar el cambio` }];
  }
  return [];
}

const editionFiles = (dir: string, doc: PreparedDocument) =>
  Object.values(editionNames(doc.rendered.context.code, doc.rendered.context.version.number)).map((name) => join(dir, name));

export async function executeBuild(options: BuildOptions): Promise<{ code: number; lines: string[] }> {
  const prepared = prepare(options);
  const problems = [...prepared.problems];
  const lines: string[] = [];
  const fail = () => {
    printProblems(problems);
    process.stderr.write('No se generó ningún archivo: corrija los errores y vuelva a intentarlo.\n');
    return { code: 1, lines };
  };
  if (hasErrors(problems)) return fail();
  const release = acquireBuildLock(options.outputDir);
  try {
    removeLeftovers(options.outputDir);
    const cache = new RenderCache(options.outputDir);
    const toRender: { doc: PreparedDocument; dir: string; key: string; slot: string }[] = [];
    for (const doc of prepared.documents) {
      const { context } = doc.rendered;
      const dir = versionDir(options.outputDir, context.entity.slug, context.code, context.version.number);
      const slot = `${context.entity.slug}/${context.code}/v${context.version.number}`;
      if (isArchived(dir)) {
        problems.push(...archiveProblems(doc, dir));
        lines.push(`  ${slot}  ${context.code} v${context.version.label}: ya archivada, sin cambios`);
        continue;
      }
      const key = renderKey(doc.rendered);
      if (!options.force && context.state === 'borrador' && cache.isFresh(slot, key, editionFiles(dir, doc))) {
        lines.push(`  ${slot}  ${context.code} v${context.version.label}: borrador sin cambios`);
        continue;
      }
      toRender.push({ doc, dir, key, slot });
    }
    if (hasErrors(problems)) return fail();

    // Render everything in memory first: a failure here leaves output/ as it was.
    const progress = createProgress(toRender.length, options.quiet);
    const renderer = createRenderer(toRender.length);
    let planned: (Planned & { key: string; slot: string })[];
    try {
      planned = await Promise.all(
        toRender.map(async (item) => {
          const editions = await renderer.render(item.doc.rendered);
          progress.done(`${item.doc.rendered.context.code} v${item.doc.rendered.context.version.label}`);
          return { ...item, editions };
        }),
      );
    } finally {
      progress.finish();
      await renderer.close();
    }
    printProblems(problems);
    for (const plan of planned) {
      const outcome = writePlanned(plan);
      if (outcome === 'borrador') cache.remember(plan.slot, plan.key);
      const { context } = plan.doc.rendered;
      const when = context.version.approvalDate ? ` (aprobada el ${formatDateShort(context.version.approvalDate)})` : '';
      lines.push(`  ${displayPath(plan.dir)}/  ${context.code} v${context.version.label}: ${outcome === 'archivada' ? `versión vigente archivada${when}` : 'borrador'}`);
    }
    if (planned.length > 0) cache.save();
    const site = publishSite(prepared.documents, options.outputDir);
    lines.push(`  ${displayPath(join(options.outputDir, SITE_DIR))}/  sitio de transparencia: ${site.files} archivos${site.removed ? `, ${site.removed} retirados` : ''}`);
  } finally {
    release();
  }
  lines.push(`Listo: ${prepared.documents.length} documentos en ${displayPath(options.outputDir)}/`);
  return { code: 0, lines };
}

export async function runBuild(options: BuildOptions): Promise<number> {
  const { code, lines } = await executeBuild(options);
  if (!options.quiet) for (const line of lines) process.stdout.write(`${line}\n`);
  return code;
}
