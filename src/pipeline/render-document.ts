// The costly half of the pipeline, for one document: its authored Markdown
// checked on its own, its template, and its tree. A build runs it in render
// jobs (publish/render-job.ts), only for documents whose inputs changed.
import { dirname, join } from 'node:path';
import { errorProblem, hasErrors, type Problem } from '../errors.js';
import type { RenderedDocument } from '../model/document-context.js';
import { MarkdownProblem, parseMarkdown, type FigureFiles } from '../parse/parse-markdown.js';
import type { TemplateSet } from '../render/template-env.js';
import { sectionsMarkdownProblems, sectionsQuickProblems } from '../validate/markdown-rules.js';
import { renderMarkdown, templateName, type DocumentInput } from './sources.js';

/** One document's own checks (its authored Markdown), then its template and its tree. */
/** The figures a document's Markdown may name: its figuras/ folder beside its JSON. */
export function figureFiles(input: Pick<DocumentInput, 'context' | 'source'>): FigureFiles {
  const folder = join(dirname(input.source.file), input.source.document.codigo, 'figuras').split('\\').join('/');
  return { names: new Set(Object.keys(input.context.figures)), folder: `${folder}/` };
}

export function renderDocument(input: DocumentInput, templates: TemplateSet): { rendered?: RenderedDocument; problems: Problem[] } {
  const figures = figureFiles(input);
  const problems = sectionsQuickProblems(input.source.sections, figures);
  if (hasErrors(problems)) return { problems };
  const result = renderMarkdown(input, templates);
  if ('severity' in result) return { problems: [...problems, result] };
  const { markdown } = result;
  const { source } = input;
  try {
    const tree = parseMarkdown(markdown, { numbering: input.context.frame.numbering, figures });
    return { rendered: { context: input.context, tree, markdown }, problems };
  } catch (error) {
    if (!(error instanceof MarkdownProblem)) throw error;
    // Said where the author wrote it: each section parsed on its own.
    const authored = sectionsMarkdownProblems(source.sections, figures);
    if (hasErrors(authored)) return { problems: [...problems, ...authored] };
    // The authored Markdown is fine on its own: the template made this.
    const template = join(templates.dir, `${templateName(source)}.hbs`);
    return { problems: [...problems, errorProblem(template, `la plantilla produjo Markdown no válido en la línea ${error.line ?? '?'} del resultado para ${source.file}: ${error.message}`)] };
  }
}

