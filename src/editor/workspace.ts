// What the editor works on: the project's folders, the date, and the one
// thing worth keeping between requests (the compiled templates). Every other
// read goes to the disk each time, so the editor never shows data older than
// what the command line would read.
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { todayInColombia } from '../dates.js';
import { loadTemplates, type TemplateSet } from '../render/template-env.js';
import type { Problem } from '../errors.js';
import { PathRefused, resolveInsideData } from './guard.js';

export interface EditorPaths {
  readonly dataDir: string;
  readonly templatesDir: string;
  readonly outputDir: string;
  /** AAAA-MM-DD; by default, today in Colombia. */
  readonly today?: string | undefined;
}

export class Workspace {
  private templates: { set: TemplateSet; problems: Problem[] } | undefined;

  constructor(readonly paths: EditorPaths) {}

  get today(): string {
    return this.paths.today ?? todayInColombia();
  }

  /** Compiled once: templates are docctl's own or the project's, and rarely change while editing. */
  templateSet(): { set: TemplateSet; problems: Problem[] } {
    this.templates ??= loadTemplates(this.paths.templatesDir);
    return this.templates;
  }

  /** data/<entidad>/documentos/<CÓDIGO>.json, refused when the names are not names. */
  documentFile(entity: string, code: string): string {
    if (!/^[a-z0-9][a-z0-9-]*$/.test(entity)) throw new PathRefused(`«${entity}» no es el nombre de la carpeta de una entidad`);
    if (!/^[A-Za-z0-9][A-Za-z0-9._-]*$/.test(code) || code.includes('..')) throw new PathRefused(`«${code}» no es el código de un documento`);
    return resolveInsideData(this.paths.dataDir, this.paths.dataDir, `${entity}/documentos/${code}.json`);
  }

  /** A Markdown file named by a section's "archivo": relative to the entity's documentos/ folder. */
  markdownFile(entity: string, relativePath: string): string {
    if (!relativePath.endsWith('.md')) throw new PathRefused(`«${relativePath}» no es un archivo Markdown (.md)`);
    return resolveInsideData(this.paths.dataDir, join(this.paths.dataDir, entity, 'documentos'), relativePath);
  }
}

export const sha256 = (bytes: string | Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** The text of a file and the hash the browser sends back with its edits. */
export function readWithHash(path: string): { text: string; hash: string } {
  const bytes = readFileSync(path);
  return { text: bytes.toString('utf8'), hash: sha256(bytes) };
}
