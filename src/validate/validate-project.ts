// Validate stage: schemas first (zod), then the cross-field rules that a
// schema cannot express. Every problem in every file is collected, so
// `docctl check` can report all of them at once.
import { basename, dirname, join } from 'node:path';
import type { z } from 'zod';
import { todayInColombia } from '../dates.js';
import { errorProblem, hasErrors, type Problem } from '../errors.js';
import { originOf, resolveFormat, type FormatLayer, type ResolvedFormat } from '../model/format.js';
import { formatFileSchema } from './format-schema.js';
import { documentFormatLayers, formatFileRules, formatImages, overrideNameRule, shownFieldsRule } from './format-rules.js';
import { displayPath, readMarkdownFile, type RawProject } from '../load/load-project.js';
import { INPUT_LIMITS, readDataFile } from '../load/read-data-file.js';
import { checkImage, LOGO_KIND } from './images.js';
import { loadFigures } from './load-figures.js';
import { RESERVED_ENTITY_NAMES } from '../publish/output-paths.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import type { LogoImage } from '../model/document-context.js';
import { documentRules, catalogRules, duplicateCodeRule, futureDateRule, reviewRule, type ValidSection } from './rules.js';
import { MOVED_DOCUMENT_FIELDS, SAFE_SLUG, documentSchema, entitySchema, normCatalogSchema, type ControlledDocument, type Entity, type Norm, type Section } from './schemas.js';
import { glyphProblems } from './glyph-coverage.js';
import { zodProblems } from './zod-problems.js';

export interface ValidDocument {
  readonly file: string;
  readonly json: JsonFile;
  readonly document: ControlledDocument;
  readonly sections: readonly ValidSection[];
  /** The document's format: docctl's default, the entity's, its type's and its own (model/format.ts). */
  readonly format: ResolvedFormat;
  /** Its figures (documentos/<CÓDIGO>/figuras/), by file name. */
  readonly figures: Readonly<Record<string, LogoImage>>;
}

export interface ValidEntity {
  readonly slug: string;
  readonly dir: string;
  readonly entity: Entity;
  readonly logo: LogoImage;
  /** Images the entity's formats show besides the logo, by frame key ("imagen:<file>"). */
  readonly images: Readonly<Record<string, LogoImage>>;
  readonly documents: readonly ValidDocument[];
}

export interface ValidProject {
  readonly norms: ReadonlyMap<string, Norm>;
  readonly entities: readonly ValidEntity[];
}

function parseWith<T>(json: JsonFile, schema: z.ZodType<T>, problems: Problem[], moved?: Parameters<typeof zodProblems>[3]): T | undefined {
  const result = schema.safeParse(json.value);
  // An unprintable character is one more error of the file, never a reason to
  // hide the others: the data stays valid for every later rule, and the
  // error stops any writing (every command refuses on errors first).
  if (!result.success) problems.push(...zodProblems(json, schema, result.error, moved));
  problems.push(...glyphProblems(json));
  return result.success ? result.data : undefined;
}

function loadLogo(dir: string, json: JsonFile, logo: string, problems: Problem[], fieldPath: (string | number)[] = ['logo']): LogoImage | undefined {
  const path = join(dir, logo);
  const where = { field: formatFieldPath(fieldPath), ...locate(json, fieldPath) };
  // The entity's folder is <datos>/<entidad>: the logo must be a regular file below the data folder.
  const read = readDataFile(dirname(dir), path, INPUT_LIMITS.imageBytes);
  if ('problem' in read) {
    const problem = read.missing
      ? `"${logo}" no existe en ${displayPath(dir)}; ponga allí el logo (PNG o JPG) o corrija el nombre`
      : read.tooBig !== undefined
        ? `"${logo}" ${read.problem}; el logo debe pesar menos de 5 MB`
        : `"${logo}" ${read.problem}`;
    problems.push(errorProblem(json.file, problem, where));
    return undefined;
  }
  const checked = checkImage(read.bytes, logo, LOGO_KIND);
  if ('problem' in checked) {
    problems.push(errorProblem(json.file, checked.problem, where));
    return undefined;
  }
  return checked.image;
}

function resolveSections(
  sections: readonly Section[],
  documentsDir: string,
  json: JsonFile,
  problems: Problem[],
  prefix: (string | number)[] = ['secciones'],
): ValidSection[] {
  return sections.map((section, index) => {
    const path = [...prefix, index];
    let markdown: ValidSection['markdown'];
    if (section.contenido !== undefined && section.archivo !== undefined) {
      problems.push(errorProblem(json.file, 'use "contenido" o "archivo", no ambos', { field: `${formatFieldPath(path)}.archivo`, ...locate(json, [...path, 'archivo']) }));
    } else if (section.archivo !== undefined) {
      const read = readMarkdownFile(documentsDir, section.archivo);
      if ('problem' in read) problems.push(errorProblem(json.file, read.problem, { field: `${formatFieldPath(path)}.archivo`, ...locate(json, [...path, 'archivo']) }));
      else markdown = { text: read.text, file: read.file };
    } else if (section.contenido !== undefined) {
      markdown = { text: section.contenido, file: json.file, field: `${formatFieldPath(path)}.contenido`, jsonPath: [...path, 'contenido'] };
    }
    return {
      titulo: section.titulo,
      markdown,
      bloque: section.bloque,
      fieldPath: formatFieldPath(path),
      secciones: resolveSections(section.secciones ?? [], documentsDir, json, problems, [...path, 'secciones']),
    };
  });
}

/** `today` (AAAA-MM-DD) decides which reviews are due; omit it to skip that check. */
export function validateProject(raw: RawProject, today?: string): { project: ValidProject; problems: Problem[] } {
  const problems: Problem[] = [...raw.problems];
  const realToday = todayInColombia();
  const catalog = raw.catalog ? parseWith(raw.catalog, normCatalogSchema, problems) : undefined;
  const norms = new Map<string, Norm>();
  if (catalog && raw.catalog) {
    problems.push(...catalogRules(raw.catalog, catalog.normas));
    for (const norm of catalog.normas) norms.set(norm.id, norm);
  }

  const entities: ValidEntity[] = [];
  for (const rawEntity of raw.entities) {
    if (!SAFE_SLUG.test(rawEntity.slug)) {
      problems.push(errorProblem(displayPath(rawEntity.dir), `el nombre de la carpeta "${rawEntity.slug}" debe usar minúsculas, dígitos y guiones, p. ej. "personeria-cartagena"`));
      continue;
    }
    if (RESERVED_ENTITY_NAMES.includes(rawEntity.slug)) {
      problems.push(
        errorProblem(
          displayPath(rawEntity.dir),
          `el nombre de la carpeta "${rawEntity.slug}" está reservado: docctl escribe una carpeta o archivo con ese nombre junto a las carpetas de las entidades en la salida (nombres reservados: ${RESERVED_ENTITY_NAMES.join(', ')}); cámbiele el nombre, p. ej. "${rawEntity.slug}-entidad"`,
        ),
      );
      continue;
    }
    const entityJson = rawEntity.entityJson;
    const entity = entityJson ? parseWith(entityJson, entitySchema, problems) : undefined;
    const logo = entity && entityJson ? loadLogo(rawEntity.dir, entityJson, entity.logo, problems) : undefined;
    const formatLayer = (json: JsonFile): FormatLayer | undefined => {
      const format = parseWith(json, formatFileSchema, problems);
      if (!format) return undefined;
      const own = formatFileRules(json, format);
      problems.push(...own);
      return own.length === 0 ? { file: json.file, format } : undefined;
    };
    const entityFormat = rawEntity.formatJson ? formatLayer(rawEntity.formatJson) : undefined;
    const formatsBroken = problems.length;
    const overrides = new Map<string, FormatLayer>();
    for (const json of rawEntity.formatOverrides) {
      const layer = formatLayer(json);
      if (layer) overrides.set(basename(json.file, '.json'), layer);
    }
    const formatProblems = hasErrors(problems.slice(formatsBroken)) || (rawEntity.formatJson !== undefined && entityFormat === undefined);
    const images: Record<string, LogoImage> = {};
    const reported = new Set<string>();
    const documents: ValidDocument[] = [];
    const parsed: { file: string; json: JsonFile; document: ControlledDocument }[] = [];
    for (const json of rawEntity.documents) {
      const document = parseWith(json, documentSchema, problems, MOVED_DOCUMENT_FIELDS);
      if (!document) continue;
      parsed.push({ file: json.file, json, document });
      const before = problems.length;
      problems.push(...documentRules(json, document, norms, catalog !== undefined));
      problems.push(...futureDateRule(json, document, realToday));
      if (today) problems.push(...reviewRule(json, document, today));
      const sections = resolveSections(document.secciones, rawEntity.documentsDir, json, problems);
      const figures = loadFigures(rawEntity.documentsDir, document.codigo, problems);
      const format = resolveFormat(documentFormatLayers(entityFormat, overrides, document));
      if (entity && entityJson) {
        problems.push(...shownFieldsRule(format, { json: entityJson, entity }, { json, document }, reported));
        for (const { file, path } of formatImages(format)) {
          if (images[`imagen:${file}`]) continue;
          const origin = rawEntity.formatOverrides.find((f) => f.file === originOf(format, path.join('.'))) ?? rawEntity.formatJson;
          const image = origin ? loadLogo(rawEntity.dir, origin, file, problems, path) : undefined;
          if (image) images[`imagen:${file}`] = image;
        }
      }
      if (formatProblems || problems.slice(before).some((p) => p.severity === 'error')) continue;
      documents.push({ file: json.file, json, document, sections, format, figures });
    }
    problems.push(...duplicateCodeRule(parsed));
    const codes = new Set(parsed.map((p) => p.document.codigo));
    for (const json of rawEntity.formatOverrides) problems.push(...overrideNameRule(json, codes));
    if (entity && logo) entities.push({ slug: rawEntity.slug, dir: rawEntity.dir, entity, logo, images, documents });
  }
  return { project: { norms, entities }, problems };
}
