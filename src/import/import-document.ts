// `docctl importar`: a controlled document written in Word → its data in
// data/<entidad>/documentos/. The pipeline, one stage per module:
//   read-package   the file, refused early when it is no fit DOCX
//   header-parts   identity lines from word/header*.xml and the footer
//   body-html      the body through mammoth → HTML → hast
//   sections       blocks → sections, history, norms, glossary, roles, signers
//   to-markdown    section bodies → our Markdown (via rehype-remark → mdast)
//   build-document the document object, history adopted at the current version
//   report         the Spanish import report
//   write-import   all files or none, never over an existing document
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { SAFE_CODE, entitySchema, normCatalogSchema, type ControlledDocument, type Norm } from '../validate/schemas.js';
import { cleanText, readBody, textOf } from './body-html.js';
import { buildDocument } from './build-document.js';
import { figureCollector } from './figures.js';
import { coreTitle, headerAndFooterLines } from './header-parts.js';
import { classificationOf, readIdentity, typeOfWords, type IdentityLine } from './identity.js';
import { ImportLog } from './places.js';
import { readDocxPackage } from './read-package.js';
import { reportMarkdown, summaryLines, type ReportInput } from './report.js';
import { assemble } from './sections.js';
import { fold } from './table-grid.js';
import { refuseExisting, writeImport } from './write-import.js';

export interface ImportOptions {
  readonly dataDir: string;
  /** To know which document types have a template of their own. */
  readonly templatesDir: string;
  readonly file: string;
  readonly entity: string;
  readonly code?: string | undefined;
}

export interface ImportResult {
  readonly summary: string[];
  readonly jsonPath: string;
  readonly documentsDir: string;
  readonly code: string;
}

export const REPORT_NAME = 'informe-importacion.md';
export const NORMS_FOR_REVIEW_NAME = 'normas-por-revisar.json';

export async function importDocument(options: ImportOptions): Promise<ImportResult> {
  const entityDir = join(options.dataDir, options.entity);
  const entity = readEntity(entityDir, options.dataDir, options.entity);
  const catalog = readCatalog(options.dataDir);
  const documentsDir = join(entityDir, 'documentos');
  const overrideCode = options.code === undefined ? undefined : checkCode(options.code);
  if (overrideCode) refuseExisting(documentsDir, overrideCode);

  const docx = readDocxPackage(options.file);
  const log = new ImportLog();
  const { header, footer } = headerAndFooterLines(docx);
  const body = await readBody(docx);
  const hasText = body.blocks.some((block) => cleanText(textOf(block)) !== '') || body.images.length > 0;
  if (!hasText) throw new UserError(`${docx.shownPath} no tiene texto: el documento está vacío; no hay nada que importar`);
  for (const warning of body.warnings) log.toReview('lectura del Word', warning);

  const figures = figureCollector(body.images, log);
  const parts = await assemble(body.blocks, catalog, figures, log);
  const entityNames = [entity.nombre, entity.nombreCorto, entity.entidadSuperior, entity.lema].filter((n): n is string => Boolean(n));

  // Header first (what every page prints), then a header table or cover at the top of the body.
  const headerLines: IdentityLine[] = header.flatMap((l) => splitLine({ place: `encabezado (${l.part}), párrafo ${l.paragraph}`, text: l.text }));
  const fromHeader = readIdentity(headerLines, entityNames);
  const frontLines = parts.front.flatMap(splitLine);
  const fromFront = readIdentity(frontLines, entityNames, fromHeader.identity);
  const identity = fromFront.identity;
  identity.titulo ??= coreTitle(docx);
  const usedFront = coverFields(frontLines, fromFront.used, identity, entityNames, parts.approval.aprobo?.cargo, log);
  for (const line of footer) {
    const classification = /clasificaci[oó]n/i.test(line.text) ? classificationOf(line.text.replace(/^.*?:/, '')) : undefined;
    if (classification) identity.clasificacion ??= classification;
    else log.generated(`pie de página (${line.part}), párrafo ${line.paragraph}`, line.text, 'pie de página: docctl lo genera con los datos de entidad.json y el formato');
  }
  headerLines.forEach((line, i) => {
    if (!fromHeader.used.has(i)) log.notImported(line.place, line.text, 'línea del encabezado que no es código, versión, fecha, proceso, título, tipo ni nombre de la entidad');
  });
  frontLines.forEach((line, i) => {
    if (!usedFront.has(i)) log.notImported(line.place, line.text, 'texto antes del primer título que no es parte de la identidad del documento');
  });

  const code = overrideCode ?? identity.codigo;
  if (!code) {
    throw new UserError(`no se encontró el código del documento en el encabezado de ${docx.shownPath} (se busca "Código: …"); indíquelo con --codigo, p. ej. --codigo GD-P-001`);
  }
  if (!overrideCode) refuseExisting(documentsDir, code);
  const built = buildDocument(code, identity, parts, log);
  const { markdownFiles } = built;
  const document = withTemplate(built.document, options.templatesDir, log);

  const folderFiles = new Map<string, Uint8Array | string>();
  for (const file of markdownFiles) folderFiles.set(file.path.slice(code.length + 1), file.text);
  for (const figure of figures.files) folderFiles.set(`figuras/${figure.name}`, figure.bytes);
  const shown = (name: string) => displayPath(join(documentsDir, code, name));
  const reportInput: ReportInput = {
    source: docx.shownPath,
    entity: options.entity,
    document,
    figures: figures.files.length,
    unmatchedNorms: parts.unmatchedNorms,
    log,
    files: {
      json: displayPath(join(documentsDir, `${code}.json`)),
      report: shown(REPORT_NAME),
      normsForReview: parts.unmatchedNorms.length > 0 ? shown(NORMS_FOR_REVIEW_NAME) : undefined,
    },
  };
  if (parts.unmatchedNorms.length > 0) {
    folderFiles.set(NORMS_FOR_REVIEW_NAME, `${JSON.stringify({ nota: 'Normas del marco jurídico del documento de Word que no están en data/normas.json. No se agregaron: revíselas y agréguelas con docctl norma agregar.', normas: parts.unmatchedNorms }, null, 2)}\n`);
  }
  folderFiles.set(REPORT_NAME, reportMarkdown(reportInput));
  writeImport({ documentsDir, code, json: `${JSON.stringify(document, null, 2)}\n`, folderFiles });
  return { summary: summaryLines(reportInput), jsonPath: join(documentsDir, `${code}.json`), documentsDir, code };
}

/** "Código DE-P-007 · Versión 1" is two values on one line. */
function splitLine(line: IdentityLine): IdentityLine[] {
  const pieces = line.text.split(/\s+[·|]\s+/).filter(Boolean);
  return pieces.length > 1 ? pieces.map((text) => ({ place: line.place, text })) : [line];
}

/**
 * The cover, as docctl and many entities print it: entity, dependency, the
 * type alone ("POLÍTICA"), the title, "Aprobado por" and who, the year. The
 * dependency is the line right after the entity's name that is nothing else.
 */
function coverFields(lines: readonly IdentityLine[], used: Set<number>, identity: { dependencia?: string; titulo?: string }, entityNames: readonly string[], approver: string | undefined, log: ImportLog): Set<number> {
  const names = entityNames.map(fold);
  const result = new Set(used);
  lines.forEach((line, i) => {
    if (result.has(i)) return;
    const folded = fold(line.text);
    const previous = lines[i - 1];
    if (typeOfWords(line.text) && folded.split(' ').length === 1) result.add(i);
    else if (identity.titulo && folded === fold(identity.titulo)) result.add(i);
    else if (/^aprobad[oa] por$/.test(folded) || /^\d{4}$/.test(folded)) result.add(i);
    else if (previous && /^aprobad[oa] por$/.test(fold(previous.text))) result.add(i);
    else if (approver && folded === fold(approver)) result.add(i);
    else if (!identity.dependencia && previous && names.includes(fold(previous.text)) && !names.includes(folded)) {
      identity.dependencia = line.text;
      log.toReview(line.place, `la dependencia "${line.text}" se tomó de la portada: confírmela`);
      result.add(i);
    }
  });
  return result;
}

/** A type without its own template (today guia, plan…) is rendered with the procedure's, said in the report. */
function withTemplate(document: ControlledDocument, templatesDir: string, log: ImportLog): ControlledDocument {
  if (existsSync(join(templatesDir, `${document.tipo}.hbs`)) || !existsSync(join(templatesDir, `${FALLBACK_TEMPLATE}.hbs`))) return document;
  log.toReview(`${document.codigo}.json, campo "plantilla"`, `no hay plantilla para el tipo "${document.tipo}" en ${displayPath(templatesDir)}; se usa "${FALLBACK_TEMPLATE}" hasta que la cree`);
  const { secciones, ...rest } = document;
  return { ...rest, plantilla: FALLBACK_TEMPLATE, secciones };
}

const FALLBACK_TEMPLATE = 'procedimiento';

function checkCode(code: string): string {
  const upper = code.trim().toUpperCase();
  if (!SAFE_CODE.test(upper)) throw new UserError(`--codigo "${code}" no es un código válido: use solo mayúsculas, dígitos y guiones, p. ej. "GD-P-001"`);
  return upper;
}

function readEntity(entityDir: string, dataDir: string, slug: string) {
  const file = join(entityDir, 'entidad.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`no existe la entidad "${slug}" (falta ${displayPath(file)}); --entidad es el nombre de una carpeta de ${displayPath(dataDir)}`);
  }
  const parsed = entitySchema.safeParse(safeJson(raw));
  if (!parsed.success) throw new UserError(`${displayPath(file)} tiene problemas; corríjalos primero (docctl check los muestra)`);
  return parsed.data;
}

function readCatalog(dataDir: string): ReadonlyMap<string, Norm> {
  const file = join(dataDir, 'normas.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new UserError(`falta el normograma compartido ${displayPath(file)}; el marco jurídico se compara con él`);
  }
  const parsed = normCatalogSchema.safeParse(safeJson(raw));
  if (!parsed.success) throw new UserError(`${displayPath(file)} tiene problemas; corríjalos primero (docctl check los muestra)`);
  return new Map(parsed.data.normas.map((n) => [n.id, n]));
}

function safeJson(raw: string): unknown {
  try {
    return JSON.parse(raw.replace(/^\uFEFF/, ''));
  } catch {
    return undefined;
  }
}
