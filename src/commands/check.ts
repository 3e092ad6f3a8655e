// docctl check: validates every data file, template and Markdown body, and
// reports every problem at once. Warnings never fail it. Every open draft
// gets its review list (validate/draft-review.ts), as warnings.
import { hasErrors } from '../errors.js';
import { prepare } from '../pipeline.js';
import { openDraftReviews } from '../validate/draft-review.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

export function runCheck(options: CommonOptions & { readonly today?: string }): number {
  const prepared = prepare(options);
  printProblems([...prepared.problems, ...openDraftReviews(prepared.project)]);
  if (hasErrors(prepared.problems)) return 1;
  const count = prepared.documents.length;
  process.stdout.write(`Todo en orden: ${count} ${count === 1 ? 'documento válido' : 'documentos válidos'}.\n`);
  return 0;
}
