// One document's whole rendering, as a build runs it: its own Markdown
// checks, template and tree (pipeline.ts renderDocument), its editions, and
// their bytes written to the build's staging folder. Runs in the main thread
// or in a worker thread; either way only file names and hashes come back, so
// the memory a build needs does not grow with the number of documents.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorProblem, UserError, type Problem } from '../errors.js';
import { renderDocument } from '../pipeline/render-document.js';
import type { DocumentInput } from '../pipeline/sources.js';
import { loadTemplates, type TemplateSet } from '../render/template-env.js';
import { shapedWordsText, useShapedWords } from '../write/pdf/engine-patches/shaped-words-store.js';
import { cachedRuns, freshlyShapedCount } from '../write/pdf/engine-patches/shared-layout-cache.js';
import { sha256 } from '../archive/manifest.js';
import { archivedSourceBytes, keepTreeForSite, SOURCE_NAME } from './archived-source.js';
import { passFaultPoint } from '../fault-points.js';
import { writeFileAtomic, writeFileIfChanged } from './atomic-write.js';
import { openSealedCache, sealCache } from './cache-seal.js';
import { renderEditions } from './render-editions.js';

export interface RenderJob {
  readonly input: DocumentInput;
  readonly templatesDir: string;
  /** The folder this document's files are staged in until the whole build has succeeded. */
  readonly stagingDir: string;
  /** Words shaped by earlier builds (write/pdf/engine-patches/shaped-words-store.ts). */
  readonly shapedWords?: ShapedWordsFile;
}

/** Where the store of shaped words is, and the program hash it must carry to be used. */
export interface ShapedWordsFile {
  readonly file: string;
  readonly program: string;
}

export interface StagedFile {
  readonly name: string;
  readonly sha256: string;
  readonly bytes: number;
}

export interface RenderJobResult {
  readonly problems: readonly Problem[];
  /** Absent when the document has errors. */
  readonly staged?: { readonly files: readonly StagedFile[]; readonly contentSha256: string };
}

// Templates are compiled once per thread. The build checked them before
// starting any job, so a problem here means they changed during the build.
const templateSets = new Map<string, TemplateSet>();

function templatesIn(dir: string): TemplateSet {
  let set = templateSets.get(dir);
  if (!set) {
    const loaded = loadTemplates(dir);
    if (loaded.problems.length > 0) throw new UserError(`las plantillas de ${dir} cambiaron durante el build; vuelva a ejecutarlo`);
    set = loaded.set;
    templateSets.set(dir, set);
  }
  return set;
}

let shapedWordsFrom: string | undefined;

/**
 * Reads the store of shaped words once per thread; a missing or unreadable
 * file is no store, and so is one whose seal does not verify (cache-seal.ts):
 * its positions would be drawn as they are, so only a store this user's
 * docctl wrote is used.
 */
function loadShapedWords({ file, program }: ShapedWordsFile): void {
  if (shapedWordsFrom === file) return;
  shapedWordsFrom = file;
  let text: string | undefined;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    text = undefined;
  }
  useShapedWords(openSealedCache(text), program);
}

/** `templates`: the set the build already compiled, when the job runs in its thread; a worker compiles its own once. */
export async function runRenderJob(job: RenderJob, templates?: TemplateSet): Promise<RenderJobResult> {
  const file = job.input.source.file;
  if (job.shapedWords) loadShapedWords(job.shapedWords);
  try {
    const { rendered, problems } = renderDocument(job.input, templates ?? templatesIn(job.templatesDir));
    if (!rendered) return { problems };
    const files = await renderEditions(rendered);
    // An approved version also archives what it was rendered from (archived-source.ts).
    if (rendered.context.state !== 'borrador') {
      files.push({ name: SOURCE_NAME, bytes: archivedSourceBytes(rendered) });
      keepTreeForSite(rendered);
    }
    const staged = files.map(({ name, bytes }) => {
      passFaultPoint('preparado:antes-de-escribir');
      writeFileAtomic(join(job.stagingDir, name), bytes);
      passFaultPoint('preparado:escrito');
      return { name, sha256: sha256(bytes), bytes: bytes.length };
    });
    return { problems, staged: { files: staged, contentSha256: sha256(Buffer.from(rendered.markdown)) } };
  } catch (error) {
    // A user error from a writer (a header taller than half the page, a full
    // disk) belongs to this document; a worker thread could not pass its
    // class back, so it travels as a problem naming the file.
    if (error instanceof UserError) return { problems: [errorProblem(file, error.message), ...error.problems] };
    throw error;
  }
}

/**
 * Leaves the words this thread shaped for the next build; when it shaped
 * none itself, the store already holds them all. The store is only a cache:
 * a disk that refuses it costs the next build time, not this build.
 */
export function keepShapedWords({ file, program }: ShapedWordsFile): void {
  if (freshlyShapedCount() === 0) return;
  const sealed = sealCache(shapedWordsText(program, cachedRuns()));
  if (sealed === undefined) return;
  try {
    writeFileIfChanged(file, sealed);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
  }
}
