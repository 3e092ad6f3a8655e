// docctl esquemas: writes the JSON Schemas generated from the zod schemas to
// schemas/, where every data file's "$schema" points, so editors autocomplete
// and flag mistakes while the calidad team types.
import { join } from 'node:path';
import { z } from 'zod';
import { displayPath } from '../load/load-project.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { formatFileSchema } from '../validate/format-schema.js';
import { documentSchema, entitySchema, normCatalogSchema } from '../validate/schemas.js';

export const SCHEMA_FILES = {
  'normas.schema.json': { schema: normCatalogSchema, title: 'Normograma compartido (data/normas.json)' },
  'entidad.schema.json': { schema: entitySchema, title: 'Entidad (data/<entidad>/entidad.json)' },
  'documento.schema.json': { schema: documentSchema, title: 'Documento controlado (data/<entidad>/documentos/<CÓDIGO>.json)' },
  'formato.schema.json': { schema: formatFileSchema, title: 'Formato de los documentos (data/<entidad>/formato.json, data/<entidad>/formatos/<tipo o CÓDIGO>.json)' },
} as const;

export function generateSchemas(): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [file, { schema, title }] of Object.entries(SCHEMA_FILES)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    out[file] = `${JSON.stringify({ ...json, title }, null, 2)}\n`;
  }
  return out;
}

export function runSchemas(targetDir: string): number {
  const files = Object.entries(generateSchemas());
  for (const [file, text] of files) writeFileAtomic(join(targetDir, file), text);
  process.stdout.write(`Esquemas escritos: ${files.length} archivos en ${displayPath(targetDir)}/\n`);
  return 0;
}
