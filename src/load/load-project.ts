// Load stage: finds every data file under data/ and reads it, keeping
// positions for error messages. It judges nothing but readability; the
// validate stage decides what is right.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { errorProblem, type Problem } from '../errors.js';
import { readJsonFile, type JsonFile } from './read-json.js';

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

function readOrCollect(path: string, problems: Problem[]): JsonFile | undefined {
  const result = readJsonFile(path, displayPath(path));
  if (Array.isArray(result)) {
    problems.push(...result);
    return undefined;
  }
  return result;
}

export function loadProject(dataDir: string): RawProject {
  const problems: Problem[] = [];
  if (!existsSync(dataDir) || !statSync(dataDir).isDirectory()) {
    return {
      dataDir,
      catalog: undefined,
      entities: [],
      problems: [errorProblem(displayPath(dataDir), 'no existe la carpeta de datos; cree data/ con normas.json y una carpeta por entidad')],
    };
  }
  const catalogPath = join(dataDir, 'normas.json');
  const catalog = existsSync(catalogPath)
    ? readOrCollect(catalogPath, problems)
    : (problems.push(errorProblem(displayPath(catalogPath), 'falta el normograma compartido data/normas.json (puede tener "normas": [])')), undefined);

  const entities: RawEntity[] = [];
  for (const name of readdirSync(dataDir).sort()) {
    const dir = join(dataDir, name);
    if (!statSync(dir).isDirectory()) continue;
    const entityPath = join(dir, 'entidad.json');
    const entityJson = existsSync(entityPath)
      ? readOrCollect(entityPath, problems)
      : (problems.push(errorProblem(displayPath(entityPath), 'falta el archivo de la entidad (entidad.json)')), undefined);
    const documentsDir = join(dir, 'documentos');
    const documents: JsonFile[] = [];
    if (existsSync(documentsDir)) {
      for (const file of readdirSync(documentsDir).sort()) {
        if (!file.endsWith('.json')) continue;
        const json = readOrCollect(join(documentsDir, file), problems);
        if (json) documents.push(json);
      }
    }
    const formatPath = join(dir, 'formato.json');
    const formatJson = existsSync(formatPath) ? readOrCollect(formatPath, problems) : undefined;
    const overridesDir = join(dir, 'formatos');
    const formatOverrides: JsonFile[] = [];
    if (existsSync(overridesDir) && statSync(overridesDir).isDirectory()) {
      for (const file of readdirSync(overridesDir).sort()) {
        if (!file.endsWith('.json')) continue;
        const json = readOrCollect(join(overridesDir, file), problems);
        if (json) formatOverrides.push(json);
      }
    }
    entities.push({ slug: name, dir, entityJson, documents, documentsDir, formatJson, formatOverrides });
  }
  return { dataDir, catalog, entities, problems };
}

/** Reads a Markdown file named by a section's "archivo", or explains why not. */
export function readMarkdownFile(documentsDir: string, relativePath: string): { text: string; file: string } | { problem: string } {
  const path = join(documentsDir, ...relativePath.split('/'));
  if (!existsSync(path)) return { problem: `no existe el archivo ${displayPath(path)}` };
  const bytes = readFileSync(path);
  try {
    let text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    if (text.includes('\0')) return { problem: `${displayPath(path)} contiene bytes nulos (NUL)` };
    return { text, file: displayPath(path) };
  } catch {
    return { problem: `${displayPath(path)} no está en UTF-8; guárdelo como UTF-8` };
  }
}
