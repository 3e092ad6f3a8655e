// Load stage: finds every data file under data/ and reads it, keeping
// positions for error messages. It judges nothing but readability; the
// validate stage decides what is right.
import { lstatSync, readdirSync, statSync, type Dirent, type Stats } from 'node:fs';
import { basename, dirname, join, relative, sep } from 'node:path';
import { errorProblem, type Problem } from '../errors.js';
import { formatMegabytes, INPUT_LIMITS, linkTarget, readDataFile } from './read-data-file.js';
import { MISSING_FILE, readJsonFile, type JsonFile } from './read-json.js';

export interface RawEntity {
  readonly slug: string;
  readonly dir: string;
  readonly entityJson: JsonFile | undefined;
  readonly documents: readonly JsonFile[];
  /** Directory of the document files, where Markdown files named by "archivo" live. */
  readonly documentsDir: string;
  /** formato.json, when the entity has its own format. */
  readonly formatJson?: JsonFile | undefined;
  /** formatos/<tipo>.json and formatos/<CÓDIGO>.json: a document type's or a document's format. */
  readonly formatOverrides: readonly JsonFile[];
}

export interface RawProject {
  readonly dataDir: string;
  readonly catalog: JsonFile | undefined;
  readonly entities: readonly RawEntity[];
  readonly problems: readonly Problem[];
}

/** Paths shown to people: relative to the working directory, forward slashes. */
export function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return (rel && !rel.startsWith('..') ? rel : path).split(sep).join('/');
}

function readOrCollect(dataDir: string, path: string, problems: Problem[], whenMissing?: string): JsonFile | undefined {
  const result = readJsonFile(path, displayPath(path), dataDir);
  if (Array.isArray(result)) {
    const missing = whenMissing !== undefined && result.length === 1 && result[0]!.message === MISSING_FILE;
    problems.push(...(missing ? [errorProblem(displayPath(path), whenMissing)] : result));
    return undefined;
  }
  problems.push(...result.problems);
  return result;
}

function lstatOrUndefined(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/** The .json files of an entity's folder (documentos/, formatos/), which must be a real folder. */
function loadJsonFolder(dataDir: string, documentsDir: string, problems: Problem[], holds: string): JsonFile[] {
  const stats = lstatOrUndefined(documentsDir);
  if (!stats) return [];
  if (stats.isSymbolicLink()) {
    problems.push(errorProblem(displayPath(documentsDir), `la carpeta ${basename(documentsDir)} es un enlace simbólico${linkTarget(documentsDir)}; docctl no sigue enlaces: ponga allí la carpeta misma`));
    return [];
  }
  if (!stats.isDirectory()) {
    problems.push(errorProblem(displayPath(documentsDir), `debe ser una carpeta con ${holds}, y es un archivo; bórrelo o cámbiele el nombre`));
    return [];
  }
  const documents: JsonFile[] = [];
  for (const file of readdirSync(documentsDir).sort()) {
    if (!file.endsWith('.json')) continue;
    const json = readOrCollect(dataDir, join(documentsDir, file), problems);
    if (json) documents.push(json);
  }
  return documents;
}

export function loadProject(dataDir: string): RawProject {
  const problems: Problem[] = [];
  let dataStats: Stats | undefined;
  try {
    dataStats = statSync(dataDir);
  } catch {
    dataStats = undefined;
  }
  if (!dataStats?.isDirectory()) {
    return {
      dataDir,
      catalog: undefined,
      entities: [],
      problems: [errorProblem(displayPath(dataDir), 'no existe la carpeta de datos; cree data/ con normas.json y una carpeta por entidad')],
    };
  }
  const catalog = readOrCollect(dataDir, join(dataDir, 'normas.json'), problems, 'falta el normograma compartido data/normas.json (puede tener "normas": [])');

  const entities: RawEntity[] = [];
  const entries: Dirent[] = readdirSync(dataDir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const entry of entries) {
    const dir = join(dataDir, entry.name);
    if (entry.isSymbolicLink()) {
      problems.push(errorProblem(displayPath(dir), `es un enlace simbólico${linkTarget(dir)}; docctl no sigue enlaces: ponga en la carpeta de datos la carpeta de la entidad misma`));
      continue;
    }
    if (!entry.isDirectory()) continue;
    const entityJson = readOrCollect(dataDir, join(dir, 'entidad.json'), problems, 'falta el archivo de la entidad (entidad.json)');
    const documentsDir = join(dir, 'documentos');
    const documents = loadJsonFolder(dataDir, documentsDir, problems, 'los documentos de la entidad');
    const formatPath = join(dir, 'formato.json');
    const formatJson = lstatOrUndefined(formatPath) ? readOrCollect(dataDir, formatPath, problems) : undefined;
    const formatOverrides = loadJsonFolder(dataDir, join(dir, 'formatos'), problems, 'los formatos por tipo o por documento');
    entities.push({ slug: entry.name, dir, entityJson, documents, documentsDir, formatJson, formatOverrides });
  }
  return { dataDir, catalog, entities, problems };
}

/** Reads a Markdown file named by a section's "archivo", or explains why not. */
export function readMarkdownFile(documentsDir: string, relativePath: string): { text: string; file: string } | { problem: string } {
  const path = join(documentsDir, ...relativePath.split('/'));
  // documentsDir is <datos>/<entidad>/documentos: the file must be a regular file below the data folder.
  const read = readDataFile(dirname(dirname(documentsDir)), path, INPUT_LIMITS.markdownBytes);
  if ('problem' in read) {
    if (read.missing) return { problem: `no existe el archivo ${displayPath(path)}` };
    if (read.tooBig !== undefined) {
      return { problem: `${displayPath(path)} ${read.problem}; un archivo Markdown puede pesar a lo sumo ${formatMegabytes(INPUT_LIMITS.markdownBytes)}: divida el texto en varias secciones` };
    }
    return { problem: `${displayPath(path)} ${read.problem}` };
  }
  const bytes = read.bytes;
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\0')) return { problem: `${displayPath(path)} contiene bytes nulos (NUL)` };
    return { text, file: displayPath(path) };
  } catch {
    return { problem: `${displayPath(path)} no está en UTF-8; guárdelo como UTF-8` };
  }
}
