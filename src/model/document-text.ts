// Every piece of a document's text that a person wrote — sections (in the
// JSON or in .md files), glossary and roles — with where it is, so a search
// (docctl impacto, the review list of a draft) can name file, line and field.
import { formatFieldPath, locate } from '../load/read-json.js';
import type { ValidSection } from '../validate/rules.js';
import type { ValidDocument } from '../validate/validate-project.js';
import { mentionsIn, sentenceAround } from './norm-names.js';
import type { Norm } from '../validate/schemas.js';

export interface DocumentText {
  readonly text: string;
  /** Display path of the file the text is in: a .md file, or the document's JSON. */
  readonly file: string;
  /** Field path in the JSON (absent for a .md file). */
  readonly field?: string | undefined;
  readonly jsonPath?: readonly (string | number)[] | undefined;
  /** Where it is, as people say it: «INTRODUCCIÓN», glosario («Datos abiertos»). */
  readonly label: string;
}

function sectionTexts(sections: readonly ValidSection[]): DocumentText[] {
  return sections.flatMap((section) => {
    const own: DocumentText[] = section.markdown
      ? [{ text: section.markdown.text, file: section.markdown.file, field: section.markdown.field, jsonPath: section.markdown.jsonPath, label: `texto de «${section.titulo}»` }]
      : [];
    return [...own, ...sectionTexts(section.secciones)];
  });
}

export function documentTexts(source: ValidDocument): DocumentText[] {
  const { document, json } = source;
  const field = (path: (string | number)[], label: string, text: string): DocumentText => ({
    text,
    file: json.file,
    field: formatFieldPath(path),
    jsonPath: path,
    label,
  });
  return [
    ...sectionTexts(source.sections),
    ...document.glosario.flatMap((entry, i) => [
      field(['glosario', i, 'termino'], `glosario («${entry.termino}»)`, entry.termino),
      field(['glosario', i, 'definicion'], `glosario («${entry.termino}»)`, entry.definicion),
    ]),
    ...document.roles.flatMap((role, i) => [
      field(['roles', i, 'rol'], `roles («${role.rol}»)`, role.rol),
      field(['roles', i, 'responsabilidades'], `roles («${role.rol}»)`, role.responsabilidades),
      field(['roles', i, 'responsable'], `roles («${role.rol}»)`, role.responsable),
    ]),
    ...document.actividades.flatMap((activity, i) => [
      field(['actividades', i, 'actividad'], `actividades (n.º ${i + 1})`, activity.actividad),
      field(['actividades', i, 'responsable'], `actividades (n.º ${i + 1})`, activity.responsable),
      ...(activity.registro === undefined ? [] : [field(['actividades', i, 'registro'], `actividades (n.º ${i + 1})`, activity.registro)]),
    ]),
  ];
}

export interface Mention {
  readonly norm: Norm;
  readonly file: string;
  readonly line?: number | undefined;
  readonly column?: number | undefined;
  readonly field: string | undefined;
  readonly label: string;
  readonly sentence: string;
}

/** Each mention of the norm in the document's text, with its file, line and sentence. */
export function mentionsOf(source: ValidDocument, norm: Norm): Mention[] {
  return documentTexts(source).flatMap((piece) =>
    mentionsIn(piece.text, norm).map((mention) => ({
      norm,
      file: piece.file,
      // In a .md file, the line of the mention; in the JSON, where the field is (its text is one JSON string).
      ...(piece.jsonPath ? locate(source.json, piece.jsonPath) : { line: piece.text.slice(0, mention.start).split('\n').length, column: undefined }),
      field: piece.field,
      label: piece.label,
      sentence: sentenceAround(piece.text, mention),
    })),
  );
}
