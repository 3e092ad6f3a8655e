// Render stage: Handlebars templates → Markdown. One isolated Handlebars
// environment per build, strict (a missing field is an error naming the
// template and line, never a silent blank in an official document), without
// HTML escaping (values arrive already escaped for Markdown, view-model.ts),
// with only our helpers, no prototype access and no way to read files: the
// only files a template reaches are the ones loaded here from templates/.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { errorProblem, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import type { TemplateView } from './view-model.js';

type Compiled = (view: TemplateView, options?: Handlebars.RuntimeOptions) => string;

export interface TemplateSet {
  readonly dir: string;
  readonly templates: ReadonlyMap<string, Compiled>;
}

export class TemplateProblem extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(message);
    this.name = 'TemplateProblem';
  }
}

const COMPILE_OPTIONS = {
  strict: true,
  noEscape: true,
  // Built-ins that could reach into objects (lookup) or the console (log)
  // are switched off: templates only need each/if/unless/with and ours.
  knownHelpers: { eq: true, indent: true, lookup: false, log: false },
  knownHelpersOnly: true,
} as const;

/** Turns Handlebars' English messages into Spanish with a position. */
function describe(error: unknown): { message: string; line?: number; column?: number } {
  const text = error instanceof Error ? error.message : String(error);
  const missing = /^"([^"]+)" not defined in .* - (\d+):(\d+)/s.exec(text);
  if (missing) {
    return { message: `el campo "${missing[1]}" no existe en los datos que recibe la plantilla; corrija el nombre o agréguelo a los datos`, line: Number(missing[2]), column: Number(missing[3]) + 1 };
  }
  const parse = /Parse error on line (\d+):\n([\s\S]*?)\n[-^ ]*\n(Expecting [\s\S]*)/.exec(text);
  if (parse) return { message: `error de sintaxis de Handlebars cerca de ${JSON.stringify(parse[2]?.trim())} (${parse[3]?.replace(/\n/g, ' ')})`, line: Number(parse[1]) };
  const partial = /The partial (.+) could not be found/.exec(text);
  if (partial) return { message: `el parcial "${partial[1]}" no existe en templates/partials/` };
  const helper = /You specified knownHelpersOnly, but used the unknown helper (\S+) - (\d+):(\d+)/.exec(text);
  if (helper) return { message: `la ayuda "${helper[1]}" no existe; las disponibles son each, if, unless, with, eq e indent`, line: Number(helper[2]), column: Number(helper[3]) + 1 };
  return { message: `error de la plantilla: ${text.split('\n')[0]}` };
}

function compileFile(env: typeof Handlebars, path: string): Compiled {
  const source = readFileSync(path, 'utf8');
  const file = displayPath(path);
  let compiled: Handlebars.TemplateDelegate<TemplateView>;
  try {
    compiled = env.compile<TemplateView>(source, COMPILE_OPTIONS);
    // Compile eagerly: a syntax error is reported when loading, with its file.
    env.precompile(source, COMPILE_OPTIONS);
  } catch (error) {
    const { message, line, column } = describe(error);
    throw new TemplateProblem(file, message, line, column);
  }
  return (view, options) => {
    try {
      return compiled(view, options);
    } catch (error) {
      // A partial failing inside a template is tagged by the innermost file.
      if (error instanceof TemplateProblem) throw error;
      const { message, line, column } = describe(error);
      throw new TemplateProblem(file, message, line, column);
    }
  };
}

function registerHelpers(env: typeof Handlebars): void {
  env.unregisterHelper('lookup');
  env.unregisterHelper('log');
  env.registerHelper('eq', (a: unknown, b: unknown) => a === b);
  // Indents every line after the first, so Markdown can sit inside a list item
  // (a :::tabla cell).
  env.registerHelper('indent', (text: unknown, spaces: unknown) => {
    const pad = ' '.repeat(typeof spaces === 'number' ? spaces : 4);
    return String(text ?? '').replace(/\n(?=.)/g, `\n${pad}`);
  });
}

export function loadTemplates(dir: string): { set: TemplateSet; problems: Problem[] } {
  const problems: Problem[] = [];
  const templates = new Map<string, Compiled>();
  const env = Handlebars.create();
  registerHelpers(env);
  const partialsDir = join(dir, 'partials');
  if (!existsSync(dir)) {
    problems.push(errorProblem(displayPath(dir), 'no existe la carpeta de plantillas'));
    return { set: { dir, templates }, problems };
  }
  const tryCompile = (path: string, register: (fn: Compiled) => void) => {
    try {
      register(compileFile(env, path));
    } catch (error) {
      if (!(error instanceof TemplateProblem)) throw error;
      problems.push(errorProblem(error.file, error.message, { line: error.line, column: error.column }));
    }
  };
  if (existsSync(partialsDir)) {
    for (const file of readdirSync(partialsDir).sort()) {
      if (!file.endsWith('.hbs')) continue;
      const name = file.slice(0, -'.hbs'.length);
      tryCompile(join(partialsDir, file), (fn) => env.registerPartial(
          name,
          // Pass @root and the other data variables through to the partial.
          ((context: TemplateView, options: Handlebars.RuntimeOptions) => fn(context, { data: options?.data })) as unknown as Handlebars.Template,
        ));
    }
  }
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.hbs')) continue;
    tryCompile(join(dir, file), (fn) => templates.set(file.slice(0, -'.hbs'.length), fn));
  }
  return { set: { dir, templates }, problems };
}
