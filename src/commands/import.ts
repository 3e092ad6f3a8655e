// docctl importar archivo.docx --entidad <entidad> [--codigo X]: brings a
// controlled document written in Word into the data (see src/import/).
import { UserError } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { importDocument } from '../import/import-document.js';
import type { CommonOptions } from './options.js';

export interface ImportCommandOptions {
  readonly file: string | undefined;
  readonly entity: string | undefined;
  readonly code: string | undefined;
}

export async function runImport(common: CommonOptions, options: ImportCommandOptions): Promise<number> {
  if (!options.file) throw new UserError('falta el archivo: docctl importar archivo.docx --entidad <entidad> [--codigo X]');
  if (!options.entity) throw new UserError('falta --entidad: la carpeta de la entidad en data/ donde va el documento, p. ej. --entidad personeria-cartagena');
  const result = await importDocument({ dataDir: common.dataDir, templatesDir: common.templatesDir, file: options.file, entity: options.entity, code: options.code });
  if (!common.quiet) {
    process.stdout.write(`Importado: ${displayPath(result.jsonPath)}\n${result.summary.join('\n')}\nRevise el informe y corra docctl check.\n`);
  }
  return 0;
}
