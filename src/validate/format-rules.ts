// Checks on formats that a schema cannot state alone: the header grid fits
// its columns, override files are named after a document type or a
// document, and — once a document's format is resolved — every field the
// format prints is one the data has. A format that shows "proceso" for a
// document without one is an error naming the format file and the place.
import { basename } from 'node:path';
import { errorProblem, type Problem } from '../errors.js';
import { formatFieldPath, locate, type JsonFile } from '../load/read-json.js';
import { frameValues } from '../model/build-context.js';
import { fieldsShown, originOf, type FormatLayer, type ResolvedFormat } from '../model/format.js';
import { placeHeaderCells, type FrameValues } from '../model/frame.js';
import type { FormatField, FormatFile } from './format-schema.js';
import { FORMAT_FIELDS } from './format-schema.js';
import { DOCUMENT_TYPES, SAFE_CODE, type ControlledDocument, type Entity } from './schemas.js';

/** Where a place of a format file is, for messages: "encabezado.filas[1][0]" → its line. */
function wherePath(json: JsonFile, path: (string | number)[]) {
  return { field: formatFieldPath(path), ...locate(json, path) };
}

/** A format file's own checks: the header grid and the placeholders of its texts. */
export function formatFileRules(json: JsonFile, format: FormatFile): Problem[] {
  const problems: Problem[] = [];
  if (format.encabezado) {
    const placed = placeHeaderCells(format.encabezado.filas, format.encabezado.anchos.length);
    if ('problem' in placed) {
      const path = placed.where.match(/\d+/g)!.map(Number);
      problems.push(errorProblem(json.file, placed.problem, wherePath(json, ['encabezado', 'filas', ...path])));
    }
  }
  const known = new Set<string>([...FORMAT_FIELDS, 'pagina', 'paginas']);
  const checkText = (text: string | undefined, path: (string | number)[]) => {
    for (const match of (text ?? '').matchAll(/\{([^{}]*)\}/g)) {
      if (!known.has(match[1]!)) problems.push(errorProblem(json.file, `"{${match[1]}}" no es un campo; los campos son: ${FORMAT_FIELDS.filter((f) => f !== 'texto').join(', ')}`, wherePath(json, path)));
    }
  };
  format.encabezado?.filas.forEach((row, r) =>
    row.forEach((cell, c) => {
      checkText(cell.texto, ['encabezado', 'filas', r, c, 'texto']);
      cell.partes?.forEach((part, p) => checkText(part.texto, ['encabezado', 'filas', r, c, 'partes', p, 'texto']));
    }),
  );
  format.pie?.lineas.forEach((part, i) => checkText(part.texto, ['pie', 'lineas', i, 'texto']));
  format.portada?.partes?.forEach((part, i) => checkText(part.texto, ['portada', 'partes', i, 'texto']));
  if (format.etiquetaPagina) checkText(format.etiquetaPagina, ['etiquetaPagina']);
  return problems;
}

/** formatos/<name>.json must be named after a document type or a document code. */
export function overrideNameRule(json: JsonFile, codes: ReadonlySet<string>): Problem[] {
  const name = basename(json.file, '.json');
  if ((DOCUMENT_TYPES as readonly string[]).includes(name) || codes.has(name)) return [];
  const hint = SAFE_CODE.test(name) ? `ningún documento de la entidad tiene el código "${name}"` : `"${name}" no es un tipo de documento`;
  return [errorProblem(json.file, `${hint}; nombre el archivo como un tipo (${DOCUMENT_TYPES.join(', ')}) o como el código de un documento, p. ej. "DE-P-007.json"`)];
}

/** The layers of one document's format, farthest first: the entity's, its type's, its own. */
export function documentFormatLayers(entityLayer: FormatLayer | undefined, overrides: ReadonlyMap<string, FormatLayer>, document: ControlledDocument): FormatLayer[] {
  return [entityLayer, overrides.get(document.tipo), overrides.get(document.codigo)].filter((layer): layer is FormatLayer => layer !== undefined);
}

/** The images a resolved format shows besides the logo, with where each is named. */
export function formatImages(resolved: ResolvedFormat): { file: string; path: (string | number)[] }[] {
  const found: { file: string; path: (string | number)[] }[] = [];
  const visit = (part: { campo?: string | undefined; imagen?: string | undefined }, path: (string | number)[]) => {
    if (part.campo === 'imagen' && part.imagen) found.push({ file: part.imagen, path: [...path, 'imagen'] });
  };
  const { format } = resolved;
  format.encabezado.filas.forEach((row, r) =>
    row.forEach((cell, c) => {
      visit(cell, ['encabezado', 'filas', r, c]);
      cell.partes?.forEach((part, p) => visit(part, ['encabezado', 'filas', r, c, 'partes', p]));
    }),
  );
  format.pie.lineas.forEach((part, i) => visit(part, ['pie', 'lineas', i]));
  if (format.portada.mostrar) format.portada.partes.forEach((part, i) => visit(part, ['portada', 'partes', i]));
  return found;
}

/** Fields that come from the entity's file rather than the document's. */
const ENTITY_FIELDS: Partial<Record<FormatField, string>> = {
  entidadSuperior: 'entidadSuperior',
  direccion: 'direccion',
  aviso: 'avisoCopiaControlada',
  lema: 'lema',
};
const DOCUMENT_FIELDS: Partial<Record<FormatField, string>> = { proceso: 'proceso', dependencia: 'dependencia' };
const FORMAT_OWN_FIELDS: Partial<Record<FormatField, string>> = { formatoCodigo: 'codigo', formatoVersion: 'version' };

/**
 * Every field the resolved format prints must have a value. Missing ones are
 * reported once per file that lacks them: the entity's, the document's, or
 * the format's own code and version.
 */
export function shownFieldsRule(
  resolved: ResolvedFormat,
  entity: { json: JsonFile; entity: Entity },
  document: { json: JsonFile; document: ControlledDocument },
  reported: Set<string>,
): Problem[] {
  const values: FrameValues = frameValues(entity.entity, document.document, resolved.format);
  const problems: Problem[] = [];
  for (const { field, where, conditional } of fieldsShown(resolved.format)) {
    const formatFile = originOf(resolved, where);
    const says = `el formato (${formatFile}, ${where}) muestra "${field}"`;
    const entityKey = ENTITY_FIELDS[field];
    const documentKey = DOCUMENT_FIELDS[field];
    const ownKey = FORMAT_OWN_FIELDS[field];
    if (field === 'lema') continue; // a slogan is printed when there is one
    if (conditional) continue;
    const value = (values as Record<string, string | undefined>)[field];
    if (value !== undefined) continue;
    if (entityKey) {
      const key = `${entity.json.file}\0${field}\0${formatFile}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push(errorProblem(entity.json.file, `${says}, pero la entidad no tiene "${entityKey}"; agréguelo o quite el campo del formato`, { field: entityKey, ...locate(entity.json, [entityKey]) }));
    } else if (documentKey) {
      problems.push(errorProblem(document.json.file, `${says}, pero el documento no tiene "${documentKey}"; agréguelo o quite el campo del formato`, { field: documentKey, ...locate(document.json, [documentKey]) }));
    } else if (ownKey) {
      const key = `${formatFile}\0${field}`;
      if (reported.has(key)) continue;
      reported.add(key);
      problems.push(errorProblem(formatFile, `${where}: muestra "${field}", pero el formato no tiene "${ownKey}"; escriba su ${ownKey === 'codigo' ? 'código' : 'versión'} en "${ownKey}" o quite el campo`));
    }
  }
  return problems;
}
