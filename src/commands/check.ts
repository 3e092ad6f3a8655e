// docctl check: validates every data file, template and Markdown body, the
// archive (archive/verify.ts) and that approved data was not changed after
// archiving (archive/frozen.ts), and reports every problem at once.
// Warnings never fail it. Every open draft gets its review list
// (validate/draft-review.ts), as warnings. With --entidad, it reports the
// problems of that entity's folder and of the files every entity shares
// (the norm catalogue, the templates).
import { frozenProblems } from '../archive/frozen.js';
import { archiveFindings, archivesBySlug, inspectArchives } from '../archive/verify.js';
import { hasErrors } from '../errors.js';
import { prepare } from '../pipeline.js';
import { openDraftReviews } from '../validate/draft-review.js';
import type { CommonOptions } from './options.js';
import { concernsEntity, printProblems } from './report.js';

export function runCheck(options: CommonOptions & { readonly today?: string; readonly entity?: string | undefined }): number {
  const prepared = prepare(options);
  const archives = inspectArchives(options.dataDir);
  const documents = prepared.documents.map((doc) => ({ entity: doc.entity, source: doc.source, context: doc.rendered.context }));
  const concerns = concernsEntity(options.dataDir, options.entity);
  const problems = [...prepared.problems, ...archiveFindings(archives), ...frozenProblems(documents, archivesBySlug(archives))].filter(concerns);
  printProblems([...problems, ...openDraftReviews(prepared.project).filter(concerns)]);
  if (hasErrors(problems)) return 1;
  const count = prepared.documents.filter((doc) => options.entity === undefined || doc.entity.slug === options.entity).length;
  const of = options.entity === undefined ? '' : ` en ${options.entity}`;
  process.stdout.write(`Todo en orden: ${count} ${count === 1 ? 'documento válido' : 'documentos válidos'}${of}.\n`);
  return 0;
}
