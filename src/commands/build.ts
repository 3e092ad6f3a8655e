// docctl build: the main job. Validates everything first; with any error it
// writes nothing at all. Then renders every document to PDF and DOCX in
// memory, and only then writes the files, each one atomically, so a failure
// at any point before leaves output/ as it was.
import { hasErrors } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { prepare, type PreparedDocument } from '../pipeline.js';
import { writeFileAtomic, removeLeftovers } from '../publish/atomic-write.js';
import { editionPath } from '../publish/output-paths.js';
import { writeDocx } from '../write/docx/index.js';
import { writePdf } from '../write/pdf/index.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

interface PendingFile {
  readonly path: string;
  readonly bytes: Uint8Array;
}

async function renderEditions(doc: PreparedDocument, outputDir: string): Promise<PendingFile[]> {
  const { context } = doc.rendered;
  const version = context.version.number;
  const [pdf, docx] = await Promise.all([writePdf(doc.rendered), writeDocx(doc.rendered)]);
  return [
    { path: editionPath(outputDir, context.entity.slug, context.code, version, 'pdf'), bytes: pdf },
    { path: editionPath(outputDir, context.entity.slug, context.code, version, 'docx'), bytes: docx },
  ];
}

export async function runBuild(options: CommonOptions): Promise<number> {
  const prepared = prepare(options);
  printProblems(prepared.problems);
  if (hasErrors(prepared.problems)) {
    process.stderr.write('No se generó ningún archivo: corrija los errores y vuelva a intentarlo.\n');
    return 1;
  }
  removeLeftovers(options.outputDir);
  const pending: PendingFile[] = [];
  for (const doc of prepared.documents) pending.push(...(await renderEditions(doc, options.outputDir)));
  for (const file of pending) writeFileAtomic(file.path, file.bytes);

  if (!options.quiet) {
    for (const doc of prepared.documents) {
      const { context } = doc.rendered;
      process.stdout.write(`  ${context.entity.slug} ${context.code} v${context.version.label}\n`);
    }
    process.stdout.write(`Listo: ${prepared.documents.length} documentos (PDF y DOCX) en ${displayPath(options.outputDir)}/\n`);
  }
  return 0;
}
