// The costly half of the pipeline, for one document: its authored Markdown
// checked on its own, its template, and its tree. A build runs it in render
// jobs (publish/render-job.ts), only for documents whose inputs changed.
import { join } from 'node:path';
import { errorProblem, hasErrors, type Problem } from '../errors.js';
import type { RenderedDocument } from '../model/document-context.js';
import { MarkdownProblem, parseMarkdown } from '../parse/parse-markdown.js';
import type { TemplateSet } from '../render/template-env.js';
import { sectionsMarkdownProblems, sectionsQuickProblems } from '../validate/markdown-rules.js';
import { renderMarkdown, templateName, type DocumentInput } from './sources.js';

/** One document's own checks (its authored Markdown), then its template and its tree. */
export function renderDocument(input: DocumentInput, templates: TemplateSet): { rendered?: RenderedDocument; problems: Problem[] } {
  const problems = sectionsQuickProblems(input.source.sections);
  if (hasErrors(problems)) return { problems };
  const result = renderMarkdown(input, templates);
  if ('severity' in result) return { problems: [...problems, result] };
  const { markdown } = result;
  const { source } = input;
  try {
    const tree = parseMarkdown(markdown, { numbering: input.context.frame.numbering });
    return { rendered: { context: input.context, tree, markdown }, problems };
  } catch (error) {
    if (!(error instanceof MarkdownProblem)) throw error;
    // Said where the author wrote it: each section parsed on its own.
    const authored = sectionsMarkdownProblems(source.sections);
    if (hasErrors(authored)) return { problems: [...problems, ...authored] };
    // The authored Markdown is fine on its own: the template made this.
    const template = join(templates.dir, `${templateName(source)}.hbs`);
    return { problems: [...problems, errorProblem(template, `la plantilla produjo Markdown no válido en la línea ${error.line ?? '?'} del resultado para ${source.file}: ${error.message}`)] };
  }
}

