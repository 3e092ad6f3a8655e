// The whole-project half of the pipeline: load → validate → templates, and
// each document's identity. Cheap, and all a build needs to decide what to
// render (publish/render-cache.ts). The costly half, each document's own
// checks and tree, is render-document.ts.
import { errorProblem, hasErrors, type Problem } from '../errors.js';
import { loadProject, type RawProject } from '../load/load-project.js';
import { locate } from '../load/read-json.js';
import { buildContext } from '../model/build-context.js';
import type { DocumentContext } from '../model/document-context.js';
import { loadTemplates, TemplateProblem, type TemplateSet } from '../render/template-env.js';
import { buildView } from '../render/view-model.js';
import type { Norm } from '../validate/schemas.js';
import { validateProject, type ValidDocument, type ValidEntity, type ValidProject } from '../validate/validate-project.js';

export interface Paths {
  readonly dataDir: string;
  readonly templatesDir: string;
  /** AAAA-MM-DD: reviews due before this date are reported. Omitted: not checked. */
  readonly today?: string | undefined;
}

/** A document that passed the whole-project checks, with its identity; not rendered yet. */
export interface SourceDocument {
  readonly entity: ValidEntity;
  readonly source: ValidDocument;
  readonly context: DocumentContext;
}

export interface Sources {
  readonly raw: RawProject;
  readonly project: ValidProject;
  readonly templates: TemplateSet;
  readonly documents: readonly SourceDocument[];
  readonly problems: Problem[];
}

/**
 * What rendering one document needs, and nothing else: small enough to send
 * to a worker thread (no other documents, no JSON syntax trees).
 */
export interface DocumentInput {
  readonly entity: Pick<ValidEntity, 'slug' | 'entity' | 'logo'>;
  /** The identity prepareSources derived once; the rendered document carries it as is. */
  readonly context: DocumentContext;
  readonly source: Pick<ValidDocument, 'file' | 'document' | 'sections'>;
  readonly norms: ReadonlyMap<string, Norm>;
}

export const templateName = (source: Pick<ValidDocument, 'document'>) => source.document.plantilla ?? source.document.tipo;

function missingTemplate(source: ValidDocument, templates: TemplateSet): Problem | undefined {
  const name = templateName(source);
  if (templates.templates.has(name)) return undefined;
  const field = source.document.plantilla ? 'plantilla' : 'tipo';
  const available = [...templates.templates.keys()].join(', ');
  return errorProblem(source.file, `no existe la plantilla templates/${name}.hbs; las disponibles son: ${available || '(ninguna)'}. Cree la plantilla o indique otra en "plantilla"`, {
    field,
    ...locate(source.json, [field]),
  });
}

/** Load, schemas, cross-field rules and templates, for the whole project. */
export function prepareSources(paths: Paths): Sources {
  const raw = loadProject(paths.dataDir);
  const { project, problems } = validateProject(raw, paths.today);
  const { set: templates, problems: templateProblems } = loadTemplates(paths.templatesDir);
  problems.push(...templateProblems);
  const documents: SourceDocument[] = [];
  if (!hasErrors(templateProblems)) {
    for (const entity of project.entities) {
      for (const source of entity.documents) {
        const problem = missingTemplate(source, templates);
        if (problem) problems.push(problem);
        else documents.push({ entity, source, context: buildContext(entity.slug, entity.entity, entity.logo, source.document, source.format.format, entity.images, source.figures) });
      }
    }
  }
  return { raw, project, templates, documents, problems };
}

export const documentInput = (doc: SourceDocument, project: ValidProject): DocumentInput => ({
  entity: { slug: doc.entity.slug, entity: doc.entity.entity, logo: doc.entity.logo },
  context: doc.context,
  source: { file: doc.source.file, document: doc.source.document, sections: doc.source.sections },
  norms: project.norms,
});

/** The document's Markdown from its template: what its editions and its archived content hash come from. */
export function renderMarkdown(input: DocumentInput, templates: TemplateSet): { markdown: string } | Problem {
  const { entity, source, norms } = input;
  const name = templateName(source);
  const template = templates.templates.get(name);
  if (!template) throw new Error(`internal: template ${name} was checked by prepareSources`);
  try {
    return { markdown: template(buildView(entity.entity, source.document, source.sections, norms, input.context.frame.changeControl)) };
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    return errorProblem(error.file, `${error.message} (al generar ${source.file})`, { line: error.line, column: error.column });
  }
}

