// docctl version <CÓDIGO> --motivo "…": opens a new draft version.
import { hasErrors, UserError } from '../errors.js';
import { findDocument } from '../edit/find-document.js';
import { openDraftVersion } from '../edit/open-version.js';
import { prepare } from '../pipeline.js';
import type { CommonOptions } from './options.js';
import { printProblems } from './report.js';

export function runVersion(options: CommonOptions, code: string | undefined, reason: string | undefined, entity?: string): number {
  if (!code) throw new UserError('falta el código del documento: docctl version <CÓDIGO> --motivo "…"');
  if (reason === undefined) throw new UserError(`falta --motivo: docctl version ${code} --motivo "por qué cambia el documento"`);
  const prepared = prepare(options);
  if (hasErrors(prepared.problems)) {
    printProblems(prepared.problems);
    process.stderr.write('Corrija los errores antes de abrir una versión.\n');
    return 1;
  }
  const found = findDocument(prepared.project, code, entity);
  const opened = openDraftVersion(found.document, found.document.json.path, reason);
  process.stdout.write(
    `Se abrió la versión ${opened.number} (borrador) de ${code} en ${opened.file}.\n` +
      `Edite el contenido, complete elaboro / reviso / aprobo de la versión y apruébela con: docctl aprobar ${code} --acta "…"\n`,
  );
  return 0;
}
