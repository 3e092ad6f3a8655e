// Folders every command works on. Defaults follow the project layout: data/,
// templates/ and output/ in the working directory; templates fall back to the
// ones shipped with docctl.
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface CommonOptions {
  readonly dataDir: string;
  readonly templatesDir: string;
  readonly outputDir: string;
  readonly quiet: boolean;
}

const PACKAGE_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export function resolveOptions(values: { datos?: string | undefined; plantillas?: string | undefined; salida?: string | undefined; silencio?: boolean | undefined }): CommonOptions {
  const localTemplates = resolve('templates');
  return {
    dataDir: resolve(values.datos ?? 'data'),
    templatesDir: values.plantillas ? resolve(values.plantillas) : existsSync(localTemplates) ? localTemplates : join(PACKAGE_ROOT, 'templates'),
    outputDir: resolve(values.salida ?? 'output'),
    quiet: values.silencio ?? false,
  };
}

export { PACKAGE_ROOT };
