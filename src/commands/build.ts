// docctl build: the main job. Validates the whole project first; with any
// error it writes nothing at all. A document is rendered only when its
// inputs changed since its files were written (publish/render-cache.ts) and
// its current version is not archived yet; those render in parallel, in
// this thread and in worker threads (publish/render-pool.ts), into a
// staging folder (publish/staging.ts), and only when every one has
// succeeded are files moved into place: drafts are
// replaced, an approved version is written once and archived
// (publish/archive.ts). A failure at any point leaves output/ as it was.
import { join } from 'node:path';
import { formatDateShort } from '../dates.js';
import { hasErrors, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { locateProblems } from '../load/read-json.js';
import { currentVersion } from '../model/versions.js';
import { documentInput, prepareSources, renderMarkdown, type SourceDocument, type Sources } from '../pipeline/sources.js';
import { isArchived, readManifest, sealVersion, sha256 } from '../publish/archive.js';
import { removeLeftovers } from '../publish/atomic-write.js';
import { acquireBuildLock } from '../publish/build-lock.js';
import { editionNames, versionDir } from '../publish/output-paths.js';
import { SHAPED_WORDS_FILE, SITE_DIR } from '../publish/output-paths.js';
import { siteKey } from '../publish/site-key.js';
import { inputKey, programHash, RenderCache, sharedInputsHash } from '../publish/render-cache.js';
import type { RenderJobResult, ShapedWordsFile } from '../publish/render-job.js';
import { renderJobs } from '../publish/render-pool.js';
import { openStaging, type Staging } from '../publish/staging.js';
import { createProgress } from './progress.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

export interface BuildOptions extends CommonOptions {
  readonly today?: string | undefined;
  /** Re-render drafts even when the cache says they are unchanged (never archived versions). */
  readonly force?: boolean | undefined;
  /** Documents rendered at once (--hilos); when omitted, render-pool.ts decides. */
  readonly threads?: number | undefined;
}

interface Slot {
  readonly doc: SourceDocument;
  readonly dir: string;
  /** entidad/CÓDIGO/vN: the cache's name for the version folder. */
  readonly name: string;
  readonly key: string;
}

const slotLabel = (doc: SourceDocument) => `${doc.context.code} v${doc.context.version.label}`;

const editionFiles = (slot: Slot) =>
  Object.values(editionNames(slot.doc.context.code, slot.doc.context.version.number)).map((name) => join(slot.dir, name));

/** The hash of a document's Markdown, from the cache when its inputs have not changed. */
function contentHash(slot: Slot, sources: Sources, cache: RenderCache): string | Problem {
  const cached = cache.lookup(slot.name, slot.key);
  if (cached) return cached.contenido;
  const result = renderMarkdown(documentInput(slot.doc, sources.project), sources.templates);
  if ('severity' in result) return result;
  const contenido = sha256(Buffer.from(result.markdown));
  cache.remember(slot.name, { entrada: slot.key, contenido });
  return contenido;
}

/** Problems that only the output folder can reveal, such as approved content edited after archiving. */
function archiveProblems(slot: Slot, sources: Sources, cache: RenderCache): Problem[] {
  const { doc, dir } = slot;
  const { context } = doc;
  if (context.state === 'borrador') {
    return [{ severity: 'error', file: doc.source.file, field: 'versiones', message: `la versión ${context.version.number} ya está archivada en ${displayPath(dir)}; un borrador debe tener un número de versión nuevo (use docctl version)` }];
  }
  const manifest = readManifest(dir);
  const content = contentHash(slot, sources, cache);
  if (typeof content !== 'string') return [content];
  if (manifest.contenidoSha256 && manifest.contenidoSha256 !== content) {
    return [{ severity: 'advertencia', file: doc.source.file, message: `el contenido de ${context.code} cambió después de archivar la versión ${context.version.label}; lo archivado no cambia: abra una nueva versión (docctl version ${context.code} --motivo "…") para publicar el cambio` }];
  }
  return [];
}

/** Moves a rendered document's staged files into place; an approved version is archived. */
function commit(slot: Slot, folder: string, staged: NonNullable<RenderJobResult['staged']>, staging: Staging): 'archivada' | 'borrador' {
  if (isArchived(slot.dir)) throw new Error(`internal: ${slot.dir} is archived and write-once`);
  for (const file of staged.files) staging.move(folder, file.name, join(slot.dir, file.name));
  const { doc } = slot;
  if (doc.context.state === 'borrador') return 'borrador';
  const version = currentVersion(doc.source.document);
  sealVersion(
    slot.dir,
    staged.files.map((file) => ({ nombre: file.name, sha256: file.sha256, bytes: file.bytes })),
    {
      entidad: doc.context.entity.slug,
      codigo: doc.context.code,
      titulo: doc.source.document.titulo,
      version: doc.context.version.number,
      versionMostrada: doc.context.version.label,
      fechaAprobacion: version.fecha,
      descripcion: version.descripcion,
      acta: version.acta,
      contenidoSha256: staged.contentSha256,
    },
  );
  return 'archivada';
}

function inputKeys(sources: Sources, templatesDir: string): (doc: SourceDocument) => string {
  const shared = sharedInputsHash(templatesDir, sources.raw.catalog?.text ?? '');
  const entityTexts = new Map(sources.raw.entities.map((entity) => [entity.slug, entity.entityJson?.text ?? '']));
  return (doc) =>
    inputKey({
      shared,
      // The resolved format (and so every format file it came from) is an input too.
      entityText: [entityTexts.get(doc.entity.slug) ?? '', doc.context.formatHash, ...Object.entries(doc.context.entity.images).map(([name, image]) => `${name}:${sha256(image.bytes)}`)].join('\0'),
      logo: doc.entity.logo.bytes,
      documentText: doc.source.json.text,
      sections: doc.source.sections,
    });
}

export async function executeBuild(options: BuildOptions): Promise<{ code: number; lines: string[] }> {
  const sources = prepareSources(options);
  const problems = [...sources.problems];
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
    const staging = openStaging(options.outputDir);
    try {
      const cache = new RenderCache(options.outputDir);
      const keyOf = inputKeys(sources, options.templatesDir);
      const toRender: Slot[] = [];
      for (const doc of sources.documents) {
        const { context } = doc;
        const dir = versionDir(options.outputDir, context.entity.slug, context.code, context.version.number);
        const slot: Slot = { doc, dir, name: `${context.entity.slug}/${context.code}/v${context.version.number}`, key: keyOf(doc) };
        if (isArchived(dir)) {
          problems.push(...archiveProblems(slot, sources, cache));
          lines.push(`  ${slot.name}  ${slotLabel(doc)}: ya archivada, sin cambios`);
        } else if (!options.force && context.state === 'borrador' && cache.isFresh(slot.name, slot.key, editionFiles(slot))) {
          lines.push(`  ${slot.name}  ${slotLabel(doc)}: borrador sin cambios`);
        } else {
          toRender.push(slot);
        }
      }
      if (hasErrors(problems)) return fail();

      const shapedWords: ShapedWordsFile = { file: join(options.outputDir, SHAPED_WORDS_FILE), program: programHash() };
      const results = await renderAll(toRender, sources, options, staging, shapedWords);
      const jsonFiles = new Map(toRender.map((slot) => [slot.doc.source.file, slot.doc.source.json]));
      for (const result of results) problems.push(...locateProblems(result.problems, jsonFiles));
      if (hasErrors(problems)) return fail();
      printProblems(problems);
      toRender.forEach((slot, index) => {
        const staged = results[index]?.staged;
        if (!staged) throw new Error(`internal: ${slot.name} rendered without files and without errors`);
        const outcome = commit(slot, staging.folderFor(index), staged, staging);
        cache.remember(slot.name, { entrada: slot.key, contenido: staged.contentSha256 });
        const { context } = slot.doc;
        const when = context.version.approvalDate ? ` (aprobada el ${formatDateShort(context.version.approvalDate)})` : '';
        lines.push(`  ${displayPath(slot.dir)}/  ${slotLabel(slot.doc)}: ${outcome === 'archivada' ? `versión vigente archivada${when}` : 'borrador'}`);
      });
      lines.push(await updateSite(sources, options, cache));
      cache.save();
      if (toRender.length > 0) {
        const { keepShapedWords } = await import('../publish/render-job.js');
        keepShapedWords(shapedWords);
      }
    } finally {
      // Whatever happened — success, a document's error, a bug in any
      // thread, a full disk while moving files — nothing staged outlives the build.
      staging.discard();
    }
  } finally {
    release();
  }
  const count = sources.documents.length;
  lines.push(`Listo: ${count} ${count === 1 ? 'documento' : 'documentos'} en ${displayPath(options.outputDir)}/`);
  return { code: 0, lines };
}

/** Writes the site when what it is made from changed (publish/site-key.ts). */
async function updateSite(sources: Sources, options: BuildOptions, cache: RenderCache): Promise<string> {
  const where = `  ${displayPath(join(options.outputDir, SITE_DIR))}/  sitio de transparencia`;
  const key = siteKey(sources.documents, options.outputDir);
  if (!options.force && cache.siteIsFresh(key)) return `${where}: sin cambios`;
  // Loaded only when needed: the site's builder brings the HTML writer and the Markdown parser.
  const { publishSite } = await import('../publish/publish-site.js');
  const site = publishSite(sources.documents, options.outputDir);
  cache.rememberSite({ entrada: key, archivos: site.files });
  return `${where}: ${site.files.length} archivos${site.removed ? `, ${site.removed} retirados` : ''}`;
}

/** Renders every slot into its staging folder, in parallel when there are several. */
async function renderAll(slots: readonly Slot[], sources: Sources, options: BuildOptions, staging: Staging, shapedWords: ShapedWordsFile): Promise<RenderJobResult[]> {
  if (slots.length === 0) return [];
  const progress = createProgress(slots.length, options.quiet);
  const jobs = slots.map((slot, index) => ({
    input: documentInput(slot.doc, sources.project),
    templatesDir: options.templatesDir,
    stagingDir: staging.folderFor(index),
    shapedWords,
  }));
  try {
    return await renderJobs(jobs, { templates: sources.templates, threads: options.threads, onDone: (index) => progress.done(slotLabel(slots[index]!.doc)) });
  } finally {
    progress.finish();
  }
}

export async function runBuild(options: BuildOptions): Promise<number> {
  const { code, lines } = await executeBuild(options);
  if (!options.quiet) for (const line of lines) process.stdout.write(`${line}\n`);
  return code;
}
