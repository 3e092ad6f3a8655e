// Actions of the command line, run in this process with the same rules: the
// same checks before acting (the whole project valid, as `docctl version`
// demands) and the same edit of the data (edit/open-version.ts). The file
// must still be the one the person opened.
import { readFileSync } from 'node:fs';
import { formatProblem, hasErrors, UserError } from '../errors.js';
import { findDocument } from '../edit/find-document.js';
import { openDraftVersion } from '../edit/open-version.js';
import { prepare } from '../pipeline.js';
import { sha256, type Workspace } from './workspace.js';

export type ActionResult = { readonly done: true; readonly message: string } | { readonly done: false; readonly status: 409 | 422; readonly message: string };

/** docctl version <CÓDIGO> --motivo "…", for one document of one entity. */
export function openVersion(workspace: Workspace, request: { entity: string; code: string; hash: string; reason: string }): ActionResult {
  const path = workspace.documentFile(request.entity, request.code);
  if (sha256(readFileSync(path)) !== request.hash) {
    return { done: false, status: 409, message: `${request.code} cambió en el disco desde que lo abrió; vuelva a cargar la página antes de abrir una versión.` };
  }
  const prepared = prepare({ dataDir: workspace.paths.dataDir, templatesDir: workspace.paths.templatesDir, today: workspace.today });
  const errors = prepared.problems.filter((p) => p.severity === 'error');
  if (hasErrors(errors)) {
    return { done: false, status: 422, message: `Corrija los errores antes de abrir una versión (docctl validar los muestra todos): ${errors.slice(0, 3).map(formatProblem).join(' · ')}` };
  }
  try {
    const found = findDocument(prepared.project, request.code, request.entity);
    const opened = openDraftVersion(found.document, found.document.json.path, request.reason);
    return { done: true, message: `Se abrió la versión ${opened.number} (borrador) de ${request.code}.` };
  } catch (error) {
    if (error instanceof UserError) return { done: false, status: 409, message: error.message.replace(/--motivo/g, 'el motivo') };
    throw error;
  }
}
