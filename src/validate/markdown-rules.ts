// The checks of authored Markdown: each section's text parsed on its own,
// so a problem names the line of the .md file (or of the "contenido" field)
// where it is. The costliest validation there is — it parses every section —
// so it is kept apart from the whole-project rules (rules.ts): a build runs it
// only for the documents it renders, in their render jobs.
import type { Root } from 'mdast';
import { walk } from '../parse/walk.js';
import type { Problem } from '../errors.js';
import { MarkdownProblem, parseMarkdown, type FigureFiles } from '../parse/parse-markdown.js';
import { missingGlyphMessage, missingGlyphs } from './glyph-coverage.js';
import type { MarkdownSource, ValidSection } from './rules.js';

/**
 * About ten printed pages in one paragraph. Longer ones are not prose a
 * person wrote, and laying one out costs minutes (line breaking is not
 * linear in pdfmake): refused with a hint instead.
 */
export const MAX_PARAGRAPH_CHARACTERS = 50_000;

/** Where a problem at a line of the section is: the .md file's line, or the "contenido" field with the line in the message. */
function placeIn(source: MarkdownSource, line: number | undefined) {
  return source.field
    ? { file: source.file, field: source.field, jsonPath: source.jsonPath, prefix: line ? `línea ${line} del contenido: ` : '' }
    : { file: source.file, line, prefix: '' };
}

/** Characters the font cannot print: found without parsing. */
function unprintableProblems(source: MarkdownSource): Problem[] {
  return missingGlyphs(source.text).map((missing) => {
    const { prefix, ...where } = placeIn(source, source.text.slice(0, missing.index).split('\n').length);
    return { severity: 'error', ...where, message: `${prefix}${missingGlyphMessage(missing.char)}` };
  });
}

/** Authored Markdown is checked on its own, so problems name its own lines. */
function sectionMarkdownProblems(source: MarkdownSource, figures: FigureFiles | undefined): Problem[] {
  let tree: Root;
  const place = (line: number | undefined) => placeIn(source, line);
  try {
    tree = parseMarkdown(source.text, { figures });
  } catch (error) {
    if (!(error instanceof MarkdownProblem)) throw error;
    const { prefix, ...where } = place(error.line);
    return [{ severity: 'error', ...where, message: `${prefix}${error.message}` }];
  }
  const problems = unprintableProblems(source);
  walk(tree, 'paragraph', (paragraph) => {
    const start = paragraph.position?.start.offset;
    const end = paragraph.position?.end.offset;
    const length = start !== undefined && end !== undefined ? end - start : 0;
    if (length > MAX_PARAGRAPH_CHARACTERS) {
      const { prefix, ...where } = place(paragraph.position?.start.line);
      problems.push({
        severity: 'error',
        ...where,
        message: `${prefix}un párrafo de ${length.toLocaleString('es-CO')} caracteres; divídalo en párrafos de menos de ${MAX_PARAGRAPH_CHARACTERS.toLocaleString('es-CO')} (una línea en blanco separa párrafos)`,
      });
    }
  });
  walk(tree, 'heading', (heading) => {
    const { prefix, ...where } = place(heading.position?.start.line);
    problems.push({ severity: 'error', ...where, message: `${prefix}no escriba títulos con # en el contenido: los títulos salen de "titulo" y se numeran solos; use una subsección ("secciones") o **negrita**` });
  });
  return problems;
}

/** The authored Markdown of every section and subsection, each parsed on its own. */
export function sectionsMarkdownProblems(sections: readonly ValidSection[], figures?: FigureFiles): Problem[] {
  return sections.flatMap((section) => [...(section.markdown ? sectionMarkdownProblems(section.markdown, figures) : []), ...sectionsMarkdownProblems(section.secciones, figures)]);
}

// A line that may be a heading, in text that may hold one: an ATX heading
// ("# …"), also after quote and list markers ("> - # …"); or a setext
// underline ("===", "---") after indentation and quote markers only. An
// underline closes a paragraph of its own container, so it is never the
// first thing after a list marker: "- -" is a list item, not a heading, and
// treating it as one cost a seed's 22 KB section its own parse. False alarms
// (a thematic break, an empty list item) only cost the section that parse.
const MAY_BE_HEADING = /^(?:[ \t>*+\-\d.)]*#{1,6}(?:[ \t]|$)|[ \t>]*(?:=+|-+)[ \t]*$)/m;

/**
 * Whether a section's text can hold a problem that only parsing it on its own
 * finds: a heading, or a paragraph over the limit. Everything else the parse
 * refuses (raw HTML, unsafe links…) also makes the whole document's parse
 * fail, and only then is every section parsed on its own to say where.
 */
export function needsOwnParse(source: MarkdownSource): boolean {
  return source.text.length > MAX_PARAGRAPH_CHARACTERS || MAY_BE_HEADING.test(source.text);
}

/**
 * The checks of every section that need no parse, and the parse of those that
 * need it (needsOwnParse): a document is then parsed once, as a whole, and not
 * once more section by section — which cost as much as the whole parse.
 */
export function sectionsQuickProblems(sections: readonly ValidSection[], figures?: FigureFiles): Problem[] {
  return sections.flatMap((section) => {
    const own = section.markdown ? (needsOwnParse(section.markdown) ? sectionMarkdownProblems(section.markdown, figures) : unprintableProblems(section.markdown)) : [];
    return [...own, ...sectionsQuickProblems(section.secciones, figures)];
  });
}
