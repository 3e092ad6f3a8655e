// Records changes in the shared catalogue of norms (data/normas.json): a new
// norm, or that one was repealed (derogada) or amended (modificada) by
// another. Edits are format-preserving (edit-json.ts): only the change
// itself, the rest of the file byte for byte. The edited text is validated
// with the catalogue's schema and rules before it is written, atomically; a
// refused edit leaves the file as it was.
import { join } from 'node:path';
import { parseTree } from 'jsonc-parser';
import { hasErrors, UserError, type Problem } from '../errors.js';
import { displayPath } from '../load/load-project.js';
import { readJsonFile, type JsonFile } from '../load/read-json.js';
import { findNorms, isFeminine, normId, normName, suggestNorm, withArticle } from '../model/norm-names.js';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { catalogRules } from '../validate/rules.js';
import { normCatalogSchema, normSchema, type Norm } from '../validate/schemas.js';
import { zodProblems } from '../validate/zod-problems.js';
import { editJsonText, type JsonChange } from './edit-json.js';

interface Catalog {
  readonly path: string;
  readonly file: string;
  readonly text: string;
  readonly norms: readonly Norm[];
  readonly byId: ReadonlyMap<string, Norm>;
}

function loadCatalog(dataDir: string): Catalog {
  const path = join(dataDir, 'normas.json');
  const read = readJsonFile(path, displayPath(path));
  if (Array.isArray(read)) throw new UserError(`no se pudo leer el normograma; corríjalo antes de cambiarlo`, read);
  const problems = [...read.problems, ...validateCatalog(read)];
  if (hasErrors(problems)) throw new UserError(`el normograma ${read.file} tiene errores; corríjalos antes de cambiarlo`, problems);
  const norms = normCatalogSchema.parse(read.value).normas;
  return { path, file: read.file, text: read.text, norms, byId: new Map(norms.map((n) => [n.id, n])) };
}

function validateCatalog(json: JsonFile): Problem[] {
  const result = normCatalogSchema.safeParse(json.value);
  if (!result.success) return zodProblems(json, normCatalogSchema, result.error);
  return catalogRules(json, result.data.normas);
}

/** Validates the edited text as check would, then writes it atomically. */
function writeCatalog(catalog: Catalog, changes: readonly JsonChange[]): void {
  const text = editJsonText(catalog.text, changes);
  const json: JsonFile = { path: catalog.path, file: catalog.file, text, value: JSON.parse(text), tree: parseTree(text), treeIsBuilt: true, problems: [] };
  const problems = validateCatalog(json);
  // Our own edit of a valid catalogue must stay valid; if not, that is a defect, not the user's data.
  if (hasErrors(problems)) throw new Error(`internal: the edited catalogue does not validate: ${problems.map((p) => p.message).join('; ')}`);
  writeFileAtomic(catalog.path, text);
}

/** The one norm a name or id names, or a UserError with a suggestion. */
function findOne(catalog: Catalog, query: string, option?: string): Norm {
  const found = findNorms(catalog.byId, query);
  if (found.length === 1) return found[0]!;
  const what = option ? `${option} "${query}"` : `la norma "${query}"`;
  if (found.length > 1) {
    throw new UserError(`${what} puede ser ${found.map((n) => `"${normName(n)}" (${n.id})`).join(' o ')}; escriba su id`);
  }
  const hint = suggestNorm(catalog.byId, query);
  throw new UserError(
    `${what} no está en el normograma (${catalog.file})${hint ? `; ¿quiso decir "${hint}"?` : '.'} Escríbala como "Decreto 1008 de 2018" o con su id, o agréguela primero con docctl norma agregar`,
  );
}

export interface NewNorm {
  readonly tipo: string | undefined;
  readonly numero: string | undefined;
  readonly año: string | undefined;
  readonly fecha: string | undefined;
  readonly detalle: string | undefined;
  readonly url: string | undefined;
  readonly id: string | undefined;
}

const OPTION_OF: Record<string, string> = { id: '--id', tipo: '--tipo', numero: '--numero', año: '--año', fecha: '--fecha', detalle: '--detalle', url: '--url' };

export function addNorm(dataDir: string, input: NewNorm): Norm {
  const missing = (['tipo', 'numero', 'año', 'detalle'] as const).filter((key) => !input[key]?.trim());
  if (missing.length > 0) {
    throw new UserError(
      `faltan ${missing.map((k) => OPTION_OF[k]).join(', ')}: docctl norma agregar --tipo Decreto --numero 767 --año 2022 --detalle "Por el cual…" [--fecha AAAA-MM-DD] [--url https://…] [--id …]`,
    );
  }
  const year = input.año!.trim();
  if (!/^\d{4}$/.test(year)) throw new UserError(`--año "${input.año}" no es un año; escriba cuatro cifras, p. ej. --año 2022`);
  const tipo = input.tipo!.trim().replace(/\s+/g, ' ');
  const numero = input.numero!.trim();
  const candidate = {
    id: input.id?.trim() || normId(tipo, numero, Number(year)),
    tipo,
    numero,
    año: Number(year),
    ...(input.fecha === undefined ? {} : { fecha: input.fecha.trim() }),
    detalle: input.detalle!.trim(),
    ...(input.url === undefined ? {} : { url: input.url.trim() }),
    estado: 'vigente' as const,
  };
  const parsed = normSchema.safeParse(candidate);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => {
      const key = String(issue.path[0]);
      return `${OPTION_OF[key] ?? key} ${JSON.stringify((candidate as Record<string, unknown>)[key])}: ${issue.message}`;
    });
    throw new UserError(`la norma no se agregó: ${problems.join('; ')}`);
  }

  const catalog = loadCatalog(dataDir);
  // Numbers are unique per type and year, and a shortened type names the same series ("Ley" 1581 de 2012 is the "Ley Estatutaria").
  const sameName = findNorms(catalog.byId, normName(candidate))[0];
  if (sameName) throw new UserError(`${normName(candidate)} ya está en el normograma: "${normName(sameName)}" (id "${sameName.id}")`);

  const sameId = catalog.byId.get(candidate.id);
  if (sameId) throw new UserError(`el id "${candidate.id}" ya está en el normograma (${normName(sameId)}); si es otra norma, dé otro id con --id`);
  // The catalogue lists norms from the newest year to the oldest: the new one goes after the last of its year or a later one.
  const position = catalog.norms.findIndex((n) => n.año < candidate.año);
  const index = position < 0 ? catalog.norms.length : position;
  writeCatalog(catalog, [{ path: ['normas', index], value: candidate, insert: true }]);
  return candidate;
}

export type NormChange = 'derogada' | 'modificada';

export interface RecordedChange {
  readonly norm: Norm;
  readonly by: Norm;
  /** False when the catalogue already said so: nothing was written. */
  readonly written: boolean;
}

export function recordNormChange(dataDir: string, change: NormChange, query: string | undefined, byQuery: string | undefined): RecordedChange {
  const command = change === 'derogada' ? 'derogar' : 'modificar';
  if (!query?.trim()) throw new UserError(`falta la norma: docctl norma ${command} "Decreto 1008 de 2018" --por "Decreto 767 de 2022"`);
  if (!byQuery?.trim()) throw new UserError(`falta --por: la norma que la ${change === 'derogada' ? 'deroga o reemplaza' : 'modifica'}, p. ej. docctl norma ${command} "${query}" --por "Decreto 767 de 2022"`);
  const catalog = loadCatalog(dataDir);
  const norm = findOne(catalog, query);
  const by = findOne(catalog, byQuery, '--por');
  if (by.id === norm.id) throw new UserError(`--por "${byQuery}" es la misma norma; una norma no se ${change === 'derogada' ? 'deroga' : 'modifica'} a sí misma`);
  if (norm.estado === change && norm.reemplazadaPor === by.id) return { norm, by, written: false };
  if (norm.estado === 'derogada') {
    const previous = norm.reemplazadaPor ? catalog.byId.get(norm.reemplazadaPor) : undefined;
    throw new UserError(
      `${normName(norm)} ya consta como derogada${previous ? ` (reemplazada por ${normName(previous)})` : ''} en ${catalog.file}; no se cambió nada. Si eso está mal, corrija "estado" y "reemplazadaPor" allí a mano`,
    );
  }
  const index = catalog.norms.indexOf(norm);
  writeCatalog(catalog, [
    { path: ['normas', index, 'estado'], value: change },
    { path: ['normas', index, 'reemplazadaPor'], value: by.id },
  ]);
  return { norm: { ...norm, estado: change, reemplazadaPor: by.id }, by, written: true };
}

/** "el Decreto 1008 de 2018 fue derogado y lo reemplaza el Decreto 767 de 2022" */
export function describeChange(norm: Norm, by: Norm): string {
  const o = isFeminine(norm.tipo) ? 'a' : 'o';
  if (norm.estado === 'modificada') return `${withArticle(norm)} fue modificad${o} por ${withArticle(by)}`;
  return `${withArticle(norm)} fue derogad${o} y l${o} reemplaza ${withArticle(by)}`;
}

/** "quedó derogado, reemplazado por el Decreto 767 de 2022" */
export function stateAfterChange(norm: Norm, by: Norm): string {
  const o = isFeminine(norm.tipo) ? 'a' : 'o';
  return norm.estado === 'modificada' ? `modificad${o} por ${withArticle(by)}` : `derogad${o}, reemplazad${o} por ${withArticle(by)}`;
}
