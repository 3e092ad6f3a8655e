// The stages up to the document tree, in order: load → validate → render →
// parse. Commands call this; writers take what it returns. Every problem of
// every stage is collected so `docctl check` reports them all at once.
import { join } from 'node:path';
import { errorProblem, hasErrors, type Problem } from './errors.js';
import { loadProject } from './load/load-project.js';
import { locate } from './load/read-json.js';
import { buildContext } from './model/build-context.js';
import type { RenderedDocument } from './model/document-context.js';
import { MarkdownProblem, parseMarkdown } from './parse/parse-markdown.js';
import { loadTemplates, TemplateProblem, type TemplateSet } from './render/template-env.js';
import { buildView } from './render/view-model.js';
import { validateProject, type ValidDocument, type ValidEntity, type ValidProject } from './validate/validate-project.js';

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

export interface Paths {
  readonly dataDir: string;
  readonly templatesDir: string;
  /** AAAA-MM-DD: reviews due before this date are reported. Omitted: not checked. */
  readonly today?: string | undefined;
}

function renderOne(entity: ValidEntity, source: ValidDocument, project: ValidProject, templates: TemplateSet): RenderedDocument | Problem {
  const document = source.document;
  const name = document.plantilla ?? document.tipo;
  const template = templates.templates.get(name);
  if (!template) {
    const field = document.plantilla ? 'plantilla' : 'tipo';
    const available = [...templates.templates.keys()].join(', ');
    return errorProblem(source.file, `no existe la plantilla templates/${name}.hbs; las disponibles son: ${available || '(ninguna)'}. Cree la plantilla o indique otra en "plantilla"`, {
      field,
      ...locate(source.json, [field]),
    });
  }
  let markdown: string;
  try {
    markdown = template(buildView(entity.entity, document, source.sections, project.norms));
  } catch (error) {
    if (!(error instanceof TemplateProblem)) throw error;
    return errorProblem(error.file, `${error.message} (al generar ${source.file})`, { line: error.line, column: error.column });
  }
  try {
    const tree = parseMarkdown(markdown);
    return { context: buildContext(entity.slug, entity.entity, entity.logo, document), tree, markdown };
  } catch (error) {
    if (!(error instanceof MarkdownProblem)) throw error;
    // Authored Markdown was checked on its own at validation; what fails here
    // comes from a template.
    return errorProblem(join(templates.dir, `${name}.hbs`), `la plantilla produjo Markdown no válido en la línea ${error.line ?? '?'} del resultado para ${source.file}: ${error.message}`);
  }
}

export function prepare(paths: Paths): Prepared {
  const raw = loadProject(paths.dataDir);
  const { project, problems } = validateProject(raw, paths.today);
  const { set: templates, problems: templateProblems } = loadTemplates(paths.templatesDir);
  problems.push(...templateProblems);
  const documents: PreparedDocument[] = [];
  if (!hasErrors(templateProblems)) {
    for (const entity of project.entities) {
      for (const source of entity.documents) {
        const result = renderOne(entity, source, project, templates);
        if ('severity' in result) problems.push(result);
        else documents.push({ entity, source, rendered: result });
      }
    }
  }
  return { project, documents, problems };
}
