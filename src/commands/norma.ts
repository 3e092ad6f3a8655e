// docctl norma agregar | derogar | modificar: records changes in the shared
// catalogue of norms (data/normas.json) without opening it by hand. The
// edits themselves are in edit/norm-catalog.ts.
import { UserError } from '../errors.js';
import { addNorm, recordNormChange, stateAfterChange, type NewNorm } from '../edit/norm-catalog.js';
import { displayPath } from '../load/load-project.js';
import { normName, withArticle } from '../model/norm-names.js';
import { join } from 'node:path';
import type { CommonOptions } from './options.js';

const SUBCOMMANDS = 'agregar, derogar y modificar';

export function runNorma(options: CommonOptions, subcommand: string | undefined, argument: string | undefined, values: NewNorm & { readonly por: string | undefined }): number {
  const file = displayPath(join(options.dataDir, 'normas.json'));
  switch (subcommand) {
    case 'agregar': {
      if (argument !== undefined) throw new UserError(`argumento de más: ${JSON.stringify(argument)}; docctl norma agregar toma todo en opciones: --tipo, --numero, --año, --detalle, [--fecha], [--url], [--id]`);
      const norm = addNorm(options.dataDir, values);
      process.stdout.write(`Se agregó ${normName(norm)} al normograma (${file}) con el id "${norm.id}".\nPara citarla, agregue "${norm.id}" a "normas" de cada documento, en el orden del marco jurídico.\n`);
      return 0;
    }
    case 'derogar':
    case 'modificar': {
      const state = subcommand === 'derogar' ? 'derogada' : 'modificada';
      const result = recordNormChange(options.dataDir, state, argument, values.por);
      const name = withArticle(result.norm);
      const subject = name.charAt(0).toUpperCase() + name.slice(1);
      const what = stateAfterChange(result.norm, result.by);
      process.stdout.write(result.written ? `${subject} quedó ${what} en ${file}.\n` : `${subject} ya constaba ${what}; no se cambió nada.\n`);
      process.stdout.write(`Para ver y actualizar los documentos que la citan: docctl impacto "${normName(result.norm)}" --abrir-versiones\n`);
      return 0;
    }
    case undefined:
      throw new UserError(`falta qué hacer con la norma: docctl norma ${SUBCOMMANDS.replace(' y ', ' o ')}; vea docctl --ayuda`);
    default:
      throw new UserError(`docctl norma ${JSON.stringify(subcommand)} no existe; use ${SUBCOMMANDS}`);
  }
}
