// A synthetic corpus shaped like the seeds: documents built from the Alcaldía
// policy's own sections, norms and glossary, varied per document (order,
// subsets, words), so a benchmark renders realistic content without copying
// one document two hundred times. `scale` multiplies the body (10 → a
// document ten times the policy's size).
import { cpSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const SEED_ENTITY = 'alcaldia-cartagena';
const SEED_DOC = 'GTI-P-001';

interface SeedDocument {
  secciones: { titulo: string; contenido?: string; archivo?: string; secciones?: unknown[] }[];
  glosario: { termino: string; definicion: string }[];
  normas: string[];
  versiones: Record<string, unknown>[];
  [key: string]: unknown;
}

/** A small deterministic generator, so every run builds the same corpus. */
function random(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (state * 1664525 + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const WORDS = ['gestión', 'calidad', 'ciudadanía', 'servicio', 'información', 'transparencia', 'proceso', 'seguimiento', 'evaluación', 'mejora', 'riesgo', 'datos', 'interoperabilidad', 'seguridad', 'apropiación'];

function paragraph(next: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(next() * WORDS.length)]!);
  const text = out.join(' ');
  return `${text[0]!.toUpperCase()}${text.slice(1)}.`;
}

/** Inlines the seed's Markdown files so each synthetic document stands alone. */
function inlineSections(sections: SeedDocument['secciones'], documentsDir: string): SeedDocument['secciones'] {
  return sections.map((section) => {
    const { archivo, ...rest } = section;
    const contenido = archivo ? readFileSync(join(documentsDir, archivo), 'utf8') : section.contenido;
    return {
      ...rest,
      ...(contenido !== undefined ? { contenido } : {}),
      ...(section.secciones ? { secciones: inlineSections(section.secciones as SeedDocument['secciones'], documentsDir) } : {}),
    };
  });
}

export interface CorpusOptions {
  readonly documents: number;
  readonly scale?: number;
  /** Documents with an open draft are re-rendered when they change; approved ones are archived once. */
  readonly drafts?: boolean;
  readonly entities?: number;
}

export function writeCorpus(repo: string, target: string, options: CorpusOptions): string {
  const data = join(target, 'data');
  mkdirSync(data, { recursive: true });
  cpSync(join(repo, 'data', 'normas.json'), join(data, 'normas.json'));
  const documentsDir = join(repo, 'data', SEED_ENTITY, 'documentos');
  const seed = JSON.parse(readFileSync(join(documentsDir, `${SEED_DOC}.json`), 'utf8')) as SeedDocument;
  const sections = inlineSections(seed.secciones, documentsDir);
  const entities = options.entities ?? Math.max(1, Math.ceil(options.documents / 50));
  const scale = options.scale ?? 1;
  const next = random(42);

  for (let e = 0; e < entities; e++) {
    const slug = `entidad-${String(e + 1).padStart(2, '0')}`;
    mkdirSync(join(data, slug, 'documentos'), { recursive: true });
    const entity = JSON.parse(readFileSync(join(repo, 'data', SEED_ENTITY, 'entidad.json'), 'utf8'));
    entity.$schema = '../../schemas/entidad.schema.json';
    entity.nombre = `${entity.nombre} ${e + 1}`;
    writeFileSync(join(data, slug, 'entidad.json'), JSON.stringify(entity, null, 2));
    cpSync(join(repo, 'data', SEED_ENTITY, 'logo.png'), join(data, slug, 'logo.png'));
  }

  for (let d = 0; d < options.documents; d++) {
    const slug = `entidad-${String((d % entities) + 1).padStart(2, '0')}`;
    const code = `GTI-P-${String(d + 1).padStart(3, '0')}`;
    // Vary the body: rotate the sections, drop an occasional one, add prose.
    const rotated = sections.slice(d % 3).concat(sections.slice(0, d % 3));
    const body = rotated.filter((_, i) => i === 0 || next() > 0.1).map((s) => ({ ...s, contenido: `${s.contenido ?? ''}\n\n${paragraph(next, 40 + Math.floor(next() * 60))}` }));
    const scaled = Array.from({ length: scale }, (_, copy) =>
      body.map((s) => {
        // The signature page appears once, in the first copy.
        const { bloque, ...rest } = s as typeof s & { bloque?: string };
        const keep = copy === 0 || bloque !== 'firmas' ? { ...(bloque ? { bloque } : {}) } : {};
        return { ...rest, ...keep, titulo: scale > 1 ? `${s.titulo} (${copy + 1})` : s.titulo };
      }),
    ).flat();
    const glossary = Array.from({ length: scale }, (_, copy) =>
      seed.glosario.map((g) => ({ termino: scale > 1 ? `${g.termino} ${copy + 1}` : g.termino, definicion: g.definicion })),
    ).flat();
    const norms = seed.normas.filter(() => next() > 0.15);
    const versions = options.drafts
      ? [...seed.versiones, { numero: 3, estado: 'borrador', descripcion: `Actualización normativa ${d + 1}` }]
      : seed.versiones;
    const document: Record<string, unknown> = { ...seed, codigo: code, titulo: `${String(seed.titulo)} ${d + 1}`, versiones: versions, normas: norms, glosario: glossary, secciones: scaled };
    document.$schema = '../../../schemas/documento.schema.json';
    writeFileSync(join(data, slug, 'documentos', `${code}.json`), JSON.stringify(document, null, 2));
  }
  return data;
}
