// A document's figures: the files of data/<entidad>/documentos/<CÓDIGO>/figuras/,
// each read like every data file (a regular file below the data folder, never
// a link, a device or a FIFO; at most INPUT_LIMITS.imageBytes) and checked
// like the logo (images.ts). The whole folder is read, not only the files the
// Markdown names, so what a document may show is known before its Markdown is
// parsed (the parse stage then only checks a name is among them), and the
// archive's inputs list every file the author put there.
import { lstatSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { errorProblem, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { formatMegabytes, INPUT_LIMITS, linkTarget, readDataFile } from '../load/read-data-file.js';
import type { LogoImage } from '../model/document-context.js';
import { FIGURE_NAME } from '../parse/transforms/figures.js';
import { checkImage, FIGURE_KIND } from './images.js';

export const FIGURES_FOLDER = 'figuras';

/** The folder of a document's figures: <documentos>/<CÓDIGO>/figuras. */
export const figuresDir = (documentsDir: string, code: string) => join(documentsDir, code, FIGURES_FOLDER);

/** The figures of one document, by file name, sorted; problems name each bad file. */
export function loadFigures(documentsDir: string, code: string, problems: Problem[]): Record<string, LogoImage> {
  const dir = figuresDir(documentsDir, code);
  const dataDir = dirname(dirname(documentsDir));
  const figures: Record<string, LogoImage> = {};
  for (const folder of [join(documentsDir, code), dir]) {
    let stats;
    try {
      stats = lstatSync(folder);
    } catch {
      return figures;
    }
    if (stats.isSymbolicLink()) {
      problems.push(errorProblem(displayPath(folder), `es un enlace simbólico${linkTarget(folder)}; docctl no sigue enlaces: ponga allí la carpeta misma`));
      return figures;
    }
    if (!stats.isDirectory()) return figures;
  }
  for (const name of readdirSync(dir).sort()) {
    if (name.startsWith('.')) continue;
    const path = join(dir, name);
    const file = displayPath(path);
    if (!FIGURE_NAME.test(name)) {
      const svg = /\.svg$/i.test(name);
      problems.push(
        errorProblem(
          file,
          svg
            ? 'las figuras SVG no se admiten (un SVG puede llevar código y referencias externas, y cada edición lo dibujaría distinto); expórtela como PNG, p. ej. rsvg-convert -w 1600 figura.svg -o figura.png, y borre el SVG de figuras/'
            : `en ${FIGURES_FOLDER}/ solo van figuras PNG o JPG, con nombres de letras sin tildes, dígitos, ".", "_" o "-" (p. ej. flujograma.png); cambie el nombre o saque el archivo de la carpeta`,
        ),
      );
      continue;
    }
    const read = readDataFile(dataDir, path, INPUT_LIMITS.imageBytes);
    if ('problem' in read) {
      const limit = read.tooBig !== undefined ? `; una figura debe pesar a lo sumo ${formatMegabytes(INPUT_LIMITS.imageBytes)}` : '';
      problems.push(errorProblem(file, `${read.problem}${limit}`));
      continue;
    }
    const checked = checkImage(read.bytes, name, FIGURE_KIND);
    if ('problem' in checked) problems.push(errorProblem(file, checked.problem));
    else figures[name] = checked.image;
  }
  return figures;
}
