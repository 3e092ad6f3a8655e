// The stages up to the document tree, in order: load → validate → render →
// parse. Commands call this; writers take what it returns. Every problem of
// every stage is collected so `docctl check` reports them all at once.
//
// The stages split at one seam: pipeline/sources.ts (load, schemas, rules,
// templates: cheap, and about the whole project) and
// pipeline/render-document.ts (each document's own Markdown checks, template
// and parse: the costly part). A build runs the second only for documents
// whose inputs changed, in worker threads; `prepare` runs both for every
// document, in this thread.
import type { Problem } from './errors.js';
import { locateProblems } from './load/read-json.js';
import type { RenderedDocument } from './model/document-context.js';
import { renderDocument } from './pipeline/render-document.js';
import { documentInput, prepareSources, type Paths } from './pipeline/sources.js';
import type { ValidDocument, ValidEntity, ValidProject } from './validate/validate-project.js';

export interface PreparedDocument {
  readonly entity: ValidEntity;
  readonly source: ValidDocument;
  readonly rendered: RenderedDocument;
}

export interface Prepared {
  readonly project: ValidProject;
  readonly documents: readonly PreparedDocument[];
  readonly problems: readonly Problem[];
}

/** Every stage for every document, in this thread. */
export function prepare(paths: Paths): Prepared {
  const sources = prepareSources(paths);
  const { project, templates, problems } = sources;
  const documents: PreparedDocument[] = [];
  for (const doc of sources.documents) {
    const result = renderDocument(documentInput(doc, project), templates);
    problems.push(...locateProblems(result.problems, new Map([[doc.source.file, doc.source.json]])));
    if (result.rendered) documents.push({ entity: doc.entity, source: doc.source, rendered: result.rendered });
  }
  return { project, documents, problems };
}
