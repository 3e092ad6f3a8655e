// The preview: a draft's data as the browser has it (the file as opened plus
// the fields changed since), through the same stages as a build, in this
// process: load → validate (validate-project.ts, the messages `validar`
// gives) → template → parse (pipeline/render-document.ts) → HTML writer. Its
// PDF is the same document through the PDF writer. Nothing is written.
import { readFileSync } from 'node:fs';
import { hasErrors, type Problem } from '../errors.js';
import { editJsonText, type JsonChange } from '../edit/edit-json.js';
import { displayPath, loadProject, type RawProject } from '../load/load-project.js';
import { locateProblems, parsedFile, type JsonFile } from '../load/read-json.js';
import { buildContext } from '../model/build-context.js';
import type { RenderedDocument } from '../model/document-context.js';
import { renderDocument } from '../pipeline/render-document.js';
import { documentInput, templateName } from '../pipeline/sources.js';
import { validateProject } from '../validate/validate-project.js';
import { writeHtml } from '../write/html/index.js';
import { writePdf } from '../write/pdf/index.js';
import type { Workspace } from './workspace.js';

/** What the browser sends: which document, and what changed in it since it was opened. */
export interface DraftEdit {
  readonly entity: string;
  readonly code: string;
  /** Fields of the JSON file, by path; value undefined removes the field. */
  readonly changes: readonly JsonChange[];
  /** Section texts kept in their own .md files, by their "archivo" (relative to documentos/). */
  readonly markdown: Readonly<Record<string, string>>;
}

export interface Preview {
  /** The file as it would be saved. */
  readonly text: string;
  readonly rendered?: RenderedDocument | undefined;
  /** Every problem `validar` would report about this document (its JSON and its .md files). */
  readonly problems: readonly Problem[];
}

/**
 * Sections whose text is an .md file being edited take the edited text as
 * their "contenido", in the value only: the file on disk stays as it is
 * until the draft is saved.
 */
function withEditedMarkdown(value: unknown, markdown: Readonly<Record<string, string>>): unknown {
  if (Object.keys(markdown).length === 0) return value;
  const visit = (sections: unknown): unknown =>
    Array.isArray(sections)
      ? sections.map((section: Record<string, unknown>) => {
          const archivo = typeof section.archivo === 'string' ? section.archivo : undefined;
          const edited = archivo !== undefined ? markdown[archivo] : undefined;
          const { archivo: _archivo, ...rest } = section;
          const next: Record<string, unknown> = edited !== undefined ? { ...rest, contenido: edited } : { ...section };
          if (Array.isArray(section.secciones)) next.secciones = visit(section.secciones);
          return next;
        })
      : sections;
  const object = value as Record<string, unknown>;
  return { ...object, secciones: visit(object.secciones) };
}

/** The edited entity only (its documents are what the preview is about), with the edited file in place. */
function replaceDocument(raw: RawProject, slug: string, edited: JsonFile): RawProject {
  return {
    ...raw,
    entities: raw.entities.filter((entity) => entity.slug === slug).map((entity) => ({ ...entity, documents: entity.documents.map((doc) => (doc.path === edited.path ? edited : doc)) })),
  };
}

/** The edited text of the draft's JSON file: the file as it is on disk with the changes applied. */
export function editedText(workspace: Workspace, edit: DraftEdit): { path: string; original: string; text: string } {
  const path = workspace.documentFile(edit.entity, edit.code);
  const original = readFileSync(path, 'utf8');
  return { path, original, text: edit.changes.length === 0 ? original : editJsonText(original, edit.changes) };
}

export function previewDraft(workspace: Workspace, edit: DraftEdit, raw: RawProject = loadProject(workspace.paths.dataDir)): Preview {
  const { path, text } = editedText(workspace, edit);
  for (const relativePath of Object.keys(edit.markdown)) workspace.markdownFile(edit.entity, relativePath);
  const file = displayPath(path);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { text, problems: [{ severity: 'error', file, message: 'el archivo no es JSON válido; ábralo en un editor de texto o con docctl validar para ver dónde' }] };
  }
  const json = parsedFile(path, file, text, withEditedMarkdown(value, edit.markdown));
  const { project, problems } = validateProject(replaceDocument(raw, edit.entity, json), workspace.today);
  const folder = file.replace(/\.json$/, '/');
  const own = (p: Problem) => p.file === file || p.file.startsWith(folder);
  const entity = project.entities.find((e) => e.slug === edit.entity);
  const source = entity?.documents.find((d) => d.json.path === path);
  const templates = workspace.templateSet();
  if (!entity || !source || hasErrors(templates.problems)) return { text, problems: [...problems.filter(own), ...templates.problems] };
  if (!templates.set.templates.has(templateName(source))) {
    return { text, problems: [...problems.filter(own), { severity: 'error', file, field: 'tipo', message: `no existe la plantilla templates/${templateName(source)}.hbs` }] };
  }
  const context = buildContext(entity.slug, entity.entity, entity.logo, source.document, source.format.format, entity.images, source.figures);
  const result = renderDocument(documentInput({ entity, source, context }, project), templates.set);
  const all = [...problems.filter(own), ...locateProblems(result.problems, new Map([[file, json]]))];
  return { text, rendered: result.rendered, problems: all };
}

/** The HTML edition, as one self-contained page (write/html/standalone.ts). */
export const previewHtml = (preview: Preview): string | undefined => (preview.rendered ? writeHtml(preview.rendered) : undefined);

export const previewPdf = async (preview: Preview): Promise<Uint8Array | undefined> => (preview.rendered ? writePdf(preview.rendered) : undefined);
