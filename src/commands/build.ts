// docctl build: the main job. Validates the whole project first; with any
// error it writes nothing at all — except that a document the data no
// longer calls public is taken off the site even then (withdrawal is never
// blocked: publish/publish-site.ts withdraw). The archive
// (data/<entidad>/archivo/, archive/) is verified before anything archived
// is shown, and approved data must match it (archive/frozen.ts). A
// document is rendered only when its inputs changed since its files were
// written (publish/render-cache.ts) and its current version is not
// archived yet; those render in parallel, in this thread and in worker
// threads (publish/render-pool.ts), into a staging folder
// (publish/staging.ts), and only when every one has succeeded are files
// moved into place: drafts into output/, an approved version sealed into
// the archive (archive/seal.ts). The site is then written from the archive.
// A failure at any point leaves data/, the archive and output/ as they were.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { completeInterruptedChanges } from '../archive/recover.js';
import { frozenProblems } from '../archive/frozen.js';
import { sha256 } from '../archive/manifest.js';
import { withArchiveLock } from '../archive/lock.js';
import { checkLegacyVersions, findLegacyVersions, migrateLegacyVersions } from '../archive/migrate.js';
import { archivedVersionDir, archiveDir, MANIFEST_NAME, PREPARING_MARK } from '../archive/paths.js';
import { versionManifest } from '../archive/record.js';
import { sealVersion } from '../archive/seal.js';
import { archiveFindings, archivesBySlug, inspectArchives, type EntityArchive } from '../archive/verify.js';
import { formatDateShort } from '../dates.js';
import { hasErrors, UserError, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { locateProblems } from '../load/read-json.js';
import { documentInput, prepareSources, type SourceDocument, type Sources } from '../pipeline/sources.js';
import { removeLeftovers } from '../publish/atomic-write.js';
import { acquireBuildLock } from '../publish/build-lock.js';
import { editionNames, versionDir } from '../publish/output-paths.js';
import { SHAPED_WORDS_FILE, SITE_DIR } from '../publish/output-paths.js';
import { readPublicationInputs } from '../publish/publication-inputs.js';
import { inputKey, programHash, RenderCache, sharedInputsHash } from '../publish/render-cache.js';
import type { RenderJobResult, ShapedWordsFile } from '../publish/render-job.js';
import { renderJobs } from '../publish/render-pool.js';
import { siteKey } from '../publish/site-key.js';
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
  /** --entidad: render and archive only this entity's documents (folder name); validation and the site stay whole. */
  readonly entity?: string | undefined;
}

interface Slot {
  readonly doc: SourceDocument;
  /** Where a draft's files go (output/); an approved version is sealed into the archive instead. */
  readonly dir: string;
  /** entidad/CÓDIGO/vN: the cache's name for the version folder. */
  readonly name: string;
  readonly key: string;
}

const slotLabel = (doc: SourceDocument) => `${doc.context.code} v${doc.context.version.label}`;

const editionFiles = (slot: Slot) =>
  Object.values(editionNames(slot.doc.context.code, slot.doc.context.version.number)).map((name) => join(slot.dir, name));

/** Moves a rendered draft's staged files into place in output/. */
function commitDraft(slot: Slot, folder: string, staged: NonNullable<RenderJobResult['staged']>, staging: Staging): void {
  // An archive written by an older docctl below output/ is never overwritten.
  if (existsSync(join(slot.dir, MANIFEST_NAME))) throw new Error(`internal: ${slot.dir} holds an archived version`);
  for (const file of staged.files) staging.move(folder, file.name, join(slot.dir, file.name));
}

/** Seals a rendered approved version into the archive, from its staged files. */
function commitApproved(slot: Slot, folder: string, staged: NonNullable<RenderJobResult['staged']>, sources: Sources, options: BuildOptions): string {
  const { doc } = slot;
  const dir = archiveDir(options.dataDir, doc.entity.slug);
  const target = archivedVersionDir(options.dataDir, doc.entity.slug, doc.context.code, doc.context.version.number);
  withArchiveLock(dir, () =>
    sealVersion({
      archiveDir: dir,
      target,
      files: staged.files.map((file) => ({ name: file.name, bytes: readFileSync(join(folder, file.name)) })),
      manifest: versionManifest(doc, sources, options.templatesDir),
      register: { evento: 'aprobacion' },
    }),
  );
  return target;
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
      // The figures live outside the JSON, like the Markdown files.
      documentText: [doc.source.json.text, ...Object.entries(doc.context.figures).map(([name, image]) => `${name}:${sha256(image.bytes)}`)].join('\0'),
      sections: doc.source.sections,
    });
}

/**
 * Brings the archive up to date before anything is checked against it:
 * moves an older archive from output/ (migrate.ts) and completes a change a
 * crash interrupted (recover.ts). Returns the sources to build from (read
 * again when a data file was completed) and the problems that stop the build.
 */
function settleArchive(sources: Sources, options: BuildOptions, lines: string[]): { sources: Sources; problems: Problem[] } {
  const legacy = findLegacyVersions(options.outputDir, options.dataDir, sources.documents);
  if (legacy.length > 0) {
    const problems = checkLegacyVersions(legacy);
    if (hasErrors(problems)) return { sources, problems };
    for (const slug of new Set(legacy.map((l) => l.doc.entity.slug))) {
      const mine = legacy.filter((l) => l.doc.entity.slug === slug);
      withArchiveLock(archiveDir(options.dataDir, slug), () => lines.push(...migrateLegacyVersions(mine, options.dataDir, sources)));
    }
  }
  const archives = archivesBySlug(inspectArchives(options.dataDir));
  const completed: string[] = [];
  for (const [slug, archive] of archives) {
    const documents = sources.documents.filter((d) => d.entity.slug === slug);
    const mine = new Map([[slug, archive]]);
    // The lock (a write in data/) only when a crash left something to complete or clean.
    const leftovers = readdirSync(archive.dir).some((name) => name.startsWith(PREPARING_MARK) || name.includes('.tmp-'));
    if (!leftovers && completeInterruptedChanges(documents, mine, false).length === 0) continue;
    completed.push(...withArchiveLock(archive.dir, () => completeInterruptedChanges(documents, mine)));
  }
  if (completed.length === 0) return { sources, problems: [] };
  lines.push(...completed);
  const again = prepareSources(options);
  return { sources: again, problems: again.problems };
}

export async function executeBuild(options: BuildOptions): Promise<{ code: number; lines: string[] }> {
  let sources = prepareSources(options);
  const problems = [...sources.problems];
  const lines: string[] = [];
  const counts: BuildCounts = { generated: 0, archived: 0, unchanged: 0 };
  let mine: readonly SourceDocument[] = [];
  let release: (() => void) | undefined;
  const fail = async () => {
    release?.();
    release = undefined;
    printProblems(problems);
    process.stderr.write('No se generó ningún archivo: corrija los errores y vuelva a intentarlo.\n');
    await withdrawAfterFailure(options);
    return { code: 1, lines };
  };
  if (hasErrors(problems)) return fail();
  release = acquireBuildLock(options.outputDir);
  try {
    const settled = settleArchive(sources, options, lines);
    if (settled.sources !== sources) {
      sources = settled.sources;
      problems.splice(0, problems.length);
    }
    problems.push(...settled.problems.filter((p) => !problems.includes(p)));
    if (hasErrors(problems)) return await fail();
    let archives = inspectArchives(options.dataDir);
    problems.push(...archiveFindings(archives), ...frozenProblems(sources.documents, archivesBySlug(archives)));
    if (hasErrors(problems)) return await fail();
    mine = sources.documents.filter((doc) => options.entity === undefined || doc.entity.slug === options.entity);
    if (options.entity !== undefined && !sources.project.entities.some((e) => e.slug === options.entity)) {
      throw new UserError(`--entidad ${options.entity}: la carpeta no tiene una entidad válida (revise su entidad.json con docctl validar)`);
    }
    removeLeftovers(options.outputDir);
    const staging = openStaging(options.outputDir);
    try {
      const cache = new RenderCache(options.outputDir);
      const keyOf = inputKeys(sources, options.templatesDir);
      const toRender: Slot[] = [];
      for (const doc of mine) {
        const { context } = doc;
        const dir = versionDir(options.outputDir, context.entity.slug, context.code, context.version.number);
        const slot: Slot = { doc, dir, name: `${context.entity.slug}/${context.code}/v${context.version.number}`, key: keyOf(doc) };
        const archived = archivedVersionDir(options.dataDir, context.entity.slug, context.code, context.version.number);
        if (existsSync(archived)) {
          lines.push(`  ${displayPath(archived)}/  ${slotLabel(doc)}: ya archivada, sin cambios`);
          counts.unchanged++;
        } else if (!options.force && context.state === 'borrador' && cache.isFresh(slot.name, slot.key, editionFiles(slot))) {
          lines.push(`  ${displayPath(dir)}/  ${slotLabel(doc)}: borrador sin cambios`);
          counts.unchanged++;
        } else {
          toRender.push(slot);
        }
      }

      const shapedWords: ShapedWordsFile = { file: join(options.outputDir, SHAPED_WORDS_FILE), program: programHash() };
      const results = await renderAll(toRender, sources, options, staging, shapedWords);
      const jsonFiles = new Map(toRender.map((slot) => [slot.doc.source.file, slot.doc.source.json]));
      for (const result of results) problems.push(...locateProblems(result.problems, jsonFiles));
      if (hasErrors(problems)) return await fail();
      printProblems(problems);
      toRender.forEach((slot, index) => {
        const staged = results[index]?.staged;
        if (!staged) throw new Error(`internal: ${slot.name} rendered without files and without errors`);
        const folder = staging.folderFor(index);
        const { context } = slot.doc;
        if (context.state === 'borrador') {
          commitDraft(slot, folder, staged, staging);
          const archivos = Object.fromEntries(staged.files.map((file) => [file.name, file.sha256]));
          cache.remember(slot.name, { entrada: slot.key, contenido: staged.contentSha256, archivos }, staged.files.map((file) => join(slot.dir, file.name)));
          lines.push(`  ${displayPath(slot.dir)}/  ${slotLabel(slot.doc)}: borrador`);
          counts.generated++;
        } else {
          const target = commitApproved(slot, folder, staged, sources, options);
          const when = context.version.approvalDate ? ` (aprobada el ${formatDateShort(context.version.approvalDate)})` : '';
          lines.push(`  ${displayPath(target)}/  ${slotLabel(slot.doc)}: versión vigente archivada${when}`);
          counts.archived++;
        }
      });
      if (toRender.some((slot) => slot.doc.context.state !== 'borrador')) archives = inspectArchives(options.dataDir);
      const findings = archiveFindings(archives);
      if (hasErrors(findings)) throw new Error(`internal: the archive does not verify right after sealing: ${findings[0]!.file}`);
      lines.push(await updateSite(options, archives, cache));
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
    release?.();
  }
  lines.push(buildSummary(mine.length, counts, options));
  return { code: 0, lines };
}

interface BuildCounts {
  generated: number;
  archived: number;
  unchanged: number;
}

/** "Listo: 3 documentos en output/: 1 borrador generado, 1 versión archivada, 1 sin cambios." */
function buildSummary(count: number, counts: BuildCounts, options: BuildOptions): string {
  const parts = [
    counts.generated > 0 ? `${counts.generated} ${counts.generated === 1 ? 'borrador generado' : 'borradores generados'}` : '',
    counts.archived > 0 ? `${counts.archived} ${counts.archived === 1 ? 'versión archivada' : 'versiones archivadas'}` : '',
    counts.unchanged > 0 ? `${counts.unchanged} sin cambios` : '',
  ].filter(Boolean);
  const of = options.entity === undefined ? '' : ` de ${options.entity}`;
  return `Listo: ${count} ${count === 1 ? 'documento' : 'documentos'}${of} en ${displayPath(options.outputDir)}/: ${parts.length ? parts.join(', ') : 'ninguno'}.`;
}

/**
 * A failed build still takes down what must not be online (README: «Retirar
 * del sitio nunca se bloquea»): the site is published again, from the
 * archive, without documents the data no longer calls public (or whose data
 * or record cannot be read or verified). Nothing is written when nothing
 * must come down; another build holding the lock will do it itself.
 */
export async function withdrawAfterFailure(options: Pick<BuildOptions, 'dataDir' | 'outputDir'>): Promise<void> {
  if (!existsSync(join(options.outputDir, SITE_DIR))) return;
  let release: () => void;
  try {
    release = acquireBuildLock(options.outputDir);
  } catch {
    return;
  }
  try {
    const { withdraw } = await import('../publish/publish-site.js');
    const inputs = readPublicationInputs(options.dataDir);
    const withdrawn = await withdraw(inputs, inspectArchives(options.dataDir), options.outputDir);
    if (withdrawn.length > 0) {
      for (const note of inputs.notes) process.stderr.write(`${note}\n`);
      process.stderr.write(`Se retiraron del sitio ${withdrawn.join(', ')}: según los datos ya no son públicos (o no se pueden leer). El sitio se publicó de nuevo sin ellos, aunque el build falló.\n`);
    }
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    process.stderr.write(`No se pudo revisar el sitio para retirar lo que ya no es público: ${error.message}\n`);
  } finally {
    release();
  }
}

/** Publishes the site from the archive as it is now (approve, anular: the caller holds the lock). */
export async function refreshSite(options: BuildOptions): Promise<string> {
  const cache = new RenderCache(options.outputDir);
  const line = await updateSite(options, inspectArchives(options.dataDir), cache);
  cache.save();
  return line.trim();
}

/** Writes the site when what it is made from changed (publish-site.ts siteKey). */
async function updateSite(options: BuildOptions, archives: readonly EntityArchive[], cache: RenderCache): Promise<string> {
  const where = `  ${displayPath(join(options.outputDir, SITE_DIR))}/  sitio de transparencia`;
  const inputs = readPublicationInputs(options.dataDir);
  const key = siteKey(inputs, archives);
  if (!options.force && cache.siteIsFresh(key)) return `${where}: sin cambios`;
  // Loaded only when needed: the site's builder brings the HTML writer, the Markdown parser and pdfmake.
  const { publishSite } = await import('../publish/publish-site.js');
  const site = await publishSite(inputs, archives, options.outputDir);
  cache.rememberSite(key, site.files);
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
  let result;
  try {
    result = await executeBuild(options);
  } catch (error) {
    // A user error thrown mid-build (a full disk, a lock): what must come down still does.
    if (error instanceof UserError) await withdrawAfterFailure(options);
    throw error;
  }
  const { code, lines } = result;
  if (!options.quiet) for (const line of lines) process.stdout.write(`${line}\n`);
  return code;
}
