// Reads a JSON data file keeping positions, so every later problem can name
// the line and column of the field it is about (typst-style hints included).
// The value comes from JSON.parse; the syntax tree with positions is built
// only when something asks where a field is — a problem, or a JSON syntax
// error — since hundreds of valid files need no positions at all.
import { dirname } from 'node:path';
import { findNodeAtLocation, getNodeValue, parseTree, printParseErrorCode, visit, type JSONVisitor, type Node, type ParseError } from 'jsonc-parser';
import { errorProblem, type Problem } from '../errors.js';
import { scanJsonStructure } from './json-structure.js';
import { formatMegabytes, INPUT_LIMITS, readDataFile } from './read-data-file.js';

export interface JsonFile {
  /** Where the file is on disk. */
  readonly path: string;
  /** Display path (relative, forward slashes). */
  readonly file: string;
  readonly text: string;
  readonly value: unknown;
  /** The syntax tree with positions, parsed on first use. */
  readonly tree: Node | undefined;
  /** Whether the tree was parsed already, so asking it costs nothing more. */
  readonly treeIsBuilt: boolean;
  /**
   * Mistakes of syntax the value was read in spite of (a comma before "}", a
   * control character inside a text): errors to report along with every
   * other problem of the file, so one run shows them all.
   */
  readonly problems: readonly Problem[];
}

const STRICT_JSON = { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false } as const;

/** A data file already read and parsed (the editor's unsaved text too); its syntax tree is built only when a message needs a line. */
export function parsedFile(path: string, file: string, text: string, value: unknown, problems: readonly Problem[] = []): JsonFile {
  let tree: Node | undefined | null = null;
  return {
    path,
    file,
    text,
    value,
    problems,
    get tree() {
      if (tree === null) tree = parseTree(text, [], STRICT_JSON);
      return tree;
    },
    get treeIsBuilt() {
      return tree !== null;
    },
  };
}

const PARSE_ERRORS_ES: Record<string, string> = {
  InvalidSymbol: 'símbolo no válido',
  InvalidNumberFormat: 'número mal escrito',
  PropertyNameExpected: 'se esperaba el nombre de un campo entre comillas',
  ValueExpected: 'se esperaba un valor',
  ColonExpected: 'se esperaban dos puntos ":" después del nombre del campo',
  CommaExpected: 'falta una coma "," entre elementos',
  CloseBraceExpected: 'falta cerrar la llave "}"',
  CloseBracketExpected: 'falta cerrar el corchete "]"',
  EndOfFileExpected: 'sobra texto después del final del JSON',
  InvalidCommentToken: 'JSON no admite comentarios',
  UnexpectedEndOfComment: 'comentario sin cerrar',
  UnexpectedEndOfString: 'texto sin cerrar: falta una comilla "',
  UnexpectedEndOfNumber: 'número incompleto',
  InvalidUnicode: 'secuencia \\u no válida',
  InvalidEscapeCharacter: 'secuencia de escape no válida (use \\\\ para una barra invertida)',
  InvalidCharacter: 'carácter no permitido dentro de un texto (use \\n para un salto de línea)',
};

// Line starts of the last text asked about: problems and section positions
// ask many times about the same file, and scanning it from the start each
// time cost more than validating it.
let indexedText: string | undefined;
let lineStarts: number[] = [];

export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  if (text !== indexedText) {
    lineStarts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
    indexedText = text;
  }
  const target = Math.max(0, Math.min(offset, text.length));
  // The last line start at or before the offset.
  let low = 0;
  let high = lineStarts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (lineStarts[middle]! <= target) low = middle;
    else high = middle - 1;
  }
  return { line: low + 1, column: offset - lineStarts[low]! + 1 };
}

/** The message of a file that does not exist, which callers may say in their own words. */
export const MISSING_FILE = 'no existe el archivo';

/**
 * Returns the parsed file, or the problems that prevent reading it. `root`
 * is the data folder: the file must be a regular file below it (see
 * read-data-file.ts); by default, the file's own folder.
 */
export function readJsonFile(path: string, file: string, root: string = dirname(path)): JsonFile | Problem[] {
  const read = readDataFile(root, path, INPUT_LIMITS.jsonBytes);
  if ('problem' in read) {
    if (read.missing) return [errorProblem(file, MISSING_FILE)];
    if (read.tooBig !== undefined) {
      return [
        errorProblem(
          file,
          `el archivo ${read.problem}; un archivo de datos puede pesar a lo sumo ${formatMegabytes(INPUT_LIMITS.jsonBytes)}: lleve los textos largos a archivos .md ("archivo") o divida el documento`,
        ),
      ];
    }
    return [errorProblem(file, `el archivo ${read.problem}`)];
  }
  const bytes = read.bytes;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return [errorProblem(file, 'el archivo empieza con una marca BOM; guárdelo como UTF-8 sin BOM (JSON no la admite)', { line: 1, column: 1 })];
  }
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    const text = bytes.subarray(0, nul).toString('utf8');
    return [errorProblem(file, 'el archivo contiene bytes nulos (NUL); no es un texto JSON válido: guárdelo de nuevo como UTF-8', lineAndColumn(text, text.length))];
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const lossy = new TextDecoder('utf-8').decode(bytes);
    return [
      errorProblem(file, 'el archivo no está en UTF-8 (¿guardado como Latin-1 / ANSI?); guárdelo como UTF-8', lineAndColumn(lossy, lossy.indexOf('\uFFFD'))),
    ];
  }
  // Before anything walks the file (the tolerant parser below is recursive).
  const structure = scanJsonStructure(text, INPUT_LIMITS.jsonDepth);
  if (structure.tooDeepAt !== undefined) {
    return [
      errorProblem(
        file,
        `objetos y listas anidados a más de ${INPUT_LIMITS.jsonDepth} niveles; docctl admite a lo sumo ${INPUT_LIMITS.jsonDepth}: revise los corchetes "[" y llaves "{" que sobran desde aquí`,
        lineAndColumn(text, structure.tooDeepAt),
      ),
    ];
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return syntaxProblems(path, file, text);
  }
  if (structure.duplicates.length > 0) {
    return structure.duplicates.slice(0, 5).map(({ key, offset, firstOffset }) => {
      const first = lineAndColumn(text, firstOffset);
      return errorProblem(
        file,
        `el campo ${JSON.stringify(key)} está repetido en el mismo objeto (la primera vez en la línea ${first.line}, columna ${first.column}); JSON se quedaría solo con el último valor: deje uno solo`,
        lineAndColumn(text, offset),
      );
    });
  }
  return parsedFile(path, file, text, value);
}

const CURLY_QUOTES = /[\u201C\u201D\u2018\u2019\u201A\u201E\u00AB\u00BB]/;
const CONTROL_NAMES: Record<number, string> = {
  0x09: 'un tabulador',
  0x0a: 'un salto de línea',
  0x0b: 'un salto de línea manual de Word (Mayús+Intro)',
  0x0c: 'un salto de página',
  0x0d: 'un retorno de carro',
};

interface SyntaxMistake {
  readonly offset: number;
  readonly message: string;
  /** The tolerant parser's value is still what the person meant: the file can be validated further. */
  readonly recoverable: boolean;
}

/** What a parse error most likely is, said the way people make it. */
function explain(text: string, error: ParseError): SyntaxMistake {
  const code = printParseErrorCode(error.error);
  const at = text.charAt(error.offset);
  if (CURLY_QUOTES.test(at)) {
    return {
      offset: error.offset,
      message: `JSON no válido: comillas tipográficas ${at} (las pone Word o el corrector al escribir); en JSON los textos y los nombres de campo van entre comillas rectas "…": reemplácelas (y desactive las «comillas tipográficas» del editor)`,
      recoverable: false,
    };
  }
  if ((at === '}' || at === ']') && (code === 'PropertyNameExpected' || code === 'ValueExpected')) {
    const before = text.slice(0, error.offset).trimEnd();
    if (before.endsWith(',')) {
      return {
        offset: before.length - 1,
        message: `JSON no válido: sobra la coma antes de "${at}"; JSON no admite una coma después del último elemento: bórrela`,
        recoverable: true,
      };
    }
  }
  if (code === 'InvalidCharacter') {
    // The parser points at the text's start; the character is somewhere in it.
    let index = error.offset + 1;
    while (index < text.length && text.charCodeAt(index) >= 0x20 && text.charAt(index) !== '"') index++;
    const cp = text.charCodeAt(index);
    const name = CONTROL_NAMES[cp] ?? `el carácter de control U+${cp.toString(16).toUpperCase().padStart(4, '0')}, que no se ve`;
    const instead = cp === 0x0a || cp === 0x0b || cp === 0x0d ? 'escriba \\n para un salto de línea' : cp === 0x09 ? 'escriba \\t o un espacio' : 'bórrelo';
    return { offset: index, message: `JSON no válido: dentro de un texto hay ${name}; JSON no lo admite así: ${instead}`, recoverable: true };
  }
  return { offset: error.offset, message: `JSON no válido: ${PARSE_ERRORS_ES[code] ?? code}`, recoverable: false };
}

/**
 * Not valid JSON: the tolerant parser says where and why, one problem per
 * line (a stray quote confuses the parser for the rest of its line). When
 * every mistake leaves the meaning clear (a trailing comma, a control
 * character in a text), the file is read anyway, so the same run reports
 * its other problems too.
 */
function syntaxProblems(path: string, file: string, text: string): JsonFile | Problem[] {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, STRICT_JSON);
  if (errors.length > 0) {
    const mistakes: SyntaxMistake[] = [];
    const lines = new Set<number>();
    for (const error of errors) {
      const mistake = explain(text, error);
      const { line } = lineAndColumn(text, mistake.offset);
      if (lines.has(line)) continue;
      lines.add(line);
      mistakes.push(mistake);
    }
    const problems = mistakes.slice(0, 10).map((m) => errorProblem(file, m.message, lineAndColumn(text, m.offset)));
    if (tree && mistakes.every((m) => m.recoverable)) return parsedFile(path, file, text, getNodeValue(tree), problems);
    return problems;
  }
  return parsedFile(path, file, text, tree ? getNodeValue(tree) : undefined);
}

/** Line and column of the value at a field path, or of the nearest parent that exists. */
export function locate(json: JsonFile, path: readonly (string | number)[]): { line?: number; column?: number } {
  const offset = json.treeIsBuilt ? undefined : fieldOffset(json.text, path);
  return offset === undefined ? locateInTree(json, path) : lineAndColumn(json.text, offset);
}

/** locate() through the whole syntax tree: what it falls back on, and what its quick path is tested against. */
export function locateInTree(json: JsonFile, path: readonly (string | number)[]): { line?: number; column?: number } {
  if (!json.tree) return {};
  for (let length = path.length; length >= 0; length--) {
    const node = findNodeAtLocation(json.tree, path.slice(0, length) as (string | number)[]);
    if (node) {
      // Point at the key for properties, so "codgio" is underlined where typed.
      const target = node.parent?.type === 'property' && length === path.length ? node.parent : node;
      return lineAndColumn(json.text, target.offset);
    }
  }
  return {};
}

const FOUND = Symbol('found');

/**
 * Where the field at `path` is typed — a property's key, an array item's
 * value — reading the file only up to it. Most problems are about fields near
 * the top of a document (its versions, its dates), and a whole syntax tree
 * for each of hundreds of files cost more than the rest of a build with
 * nothing to render. Undefined when the field does not exist (or the path is
 * the whole file): the tree answers then.
 */
function fieldOffset(text: string, path: readonly (string | number)[]): number | undefined {
  const last = path[path.length - 1];
  if (last === undefined) return undefined;
  const parent = path.slice(0, -1);
  const isPath = (where: readonly (string | number)[], target: readonly (string | number)[]) =>
    where.length === target.length && where.every((part, i) => part === target[i]);
  let offset: number | undefined;
  const found = (at: number) => {
    offset = at;
    throw FOUND;
  };
  // Values are matched by depth first, so the path is built only for those that could be the one.
  let depth = 0;
  const atValue = (at: number, pathSupplier: () => (string | number)[]) => {
    if (depth === path.length && isPath(pathSupplier(), path)) found(at);
  };
  const visitor: JSONVisitor =
    typeof last === 'string'
      ? {
          onObjectProperty(property, at, _length, _line, _column, pathSupplier) {
            if (property === last && isPath(pathSupplier(), parent)) found(at);
          },
        }
      : {
          onObjectBegin(at, _length, _line, _column, pathSupplier) {
            atValue(at, pathSupplier);
            depth++;
          },
          onObjectEnd: () => void depth--,
          onArrayBegin(at, _length, _line, _column, pathSupplier) {
            atValue(at, pathSupplier);
            depth++;
          },
          onArrayEnd: () => void depth--,
          onLiteralValue(_value, at, _length, _line, _column, pathSupplier) {
            atValue(at, pathSupplier);
          },
        };
  try {
    visit(text, visitor, STRICT_JSON);
  } catch (signal) {
    if (signal !== FOUND) throw signal;
  }
  return offset;
}

/** Fills in line and column of problems that carry only a JSON path (see Problem.jsonPath). */
export function locateProblems(problems: readonly Problem[], files: ReadonlyMap<string, JsonFile>): Problem[] {
  return problems.map((problem) => {
    if (!problem.jsonPath) return problem;
    const { jsonPath, ...rest } = problem;
    const json = files.get(problem.file);
    return json && rest.line === undefined ? { ...rest, ...locate(json, jsonPath) } : rest;
  });
}

export function formatFieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
