// Rebuilds, for npm run bench (bench.ts calls rebuildBench after its cold
// build of the corpus): what a user waits for when little or nothing
// changed. On the corpus already built: nothing changed, and one document
// changed (a title edited back and forth, so every run renders exactly one);
// then the same nothing-changed rebuild on a corpus of two documents, whose
// ratio to the large one says whether a rebuild costs what changed or the
// corpus. Medians of whole processes; peak RSS is the process's (worker
// threads included: they are threads of it).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeCorpus } from './corpus.js';

/** A whole-process run of the CLI, as bench.ts measures it. */
export interface ProcessFigures {
  readonly ms: number;
  readonly maxRssMb: number;
}

export interface RebuildBenchOptions {
  readonly repo: string;
  /** A scratch folder of the bench's own. */
  readonly work: string;
  /** The corpus bench.ts built: its data folder, its output folder, and how many documents. */
  readonly data: string;
  readonly output: string;
  readonly documents: number;
  /** bench.ts's cold build of that corpus. */
  readonly cold: ProcessFigures;
  /** Runs `docctl <args>` as a whole process and measures it. */
  readonly run: (args: string[]) => ProcessFigures;
  readonly repeat: number;
}

/** Targets of issue 22, in milliseconds and megabytes, for the table. */
const TARGETS = { sinCambiosMs: 1000, unoCambiadoMs: 1500, razonSinCambios: 1.5, completoMs: 60_000, rssMB: 600 };

const median = (xs: readonly number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

export function rebuildBench(options: RebuildBenchOptions): { results: Record<string, unknown>; rows: [string, string][] } {
  const { run, repeat } = options;
  const build = (data: string, output: string) => run(['build', '--datos', data, '--salida', output]);
  const times = (count: number, before: () => void, data: string, output: string) =>
    Array.from({ length: count }, () => {
      before();
      return build(data, output);
    });

  build(options.data, options.output); // settles whatever the caller changed last
  const unchanged = times(repeat, () => undefined, options.data, options.output);

  const file = join(options.data, 'entidad-01', 'documentos', 'GTI-P-001.json');
  const original = readFileSync(file, 'utf8');
  let flip = false;
  const retitle = () => {
    flip = !flip;
    const doc = JSON.parse(original) as { titulo: string };
    doc.titulo = `${doc.titulo}${flip ? ' (revisado)' : ''}`;
    writeFileSync(file, JSON.stringify(doc, null, 2));
  };
  const oneChanged = times(repeat, retitle, options.data, options.output);
  writeFileSync(file, original);

  const small = writeCorpus(options.repo, join(options.work, 'rebuild-2'), { documents: 2, drafts: true });
  const smallOut = join(options.work, 'rebuild-2-out');
  build(small, smallOut);
  const smallUnchanged = times(repeat, () => undefined, small, smallOut);

  const n = options.documents;
  const nothing = median(unchanged.map((r) => r.ms));
  const one = median(oneChanged.map((r) => r.ms));
  const two = median(smallUnchanged.map((r) => r.ms));
  const results = {
    objetivos: TARGETS,
    [`${n} documentos`]: {
      completoEnFrio: { ms: options.cold.ms, rssMaximoMB: options.cold.maxRssMb },
      sinCambios: { mediana: nothing, rssMaximoMB: Math.max(...unchanged.map((r) => r.maxRssMb)) },
      unoCambiado: { mediana: one, rssMaximoMB: Math.max(...oneChanged.map((r) => r.maxRssMb)) },
    },
    '2 documentos': { sinCambios: { mediana: two } },
    razonSinCambios: nothing / two,
    repeticiones: repeat,
  };
  const rows: [string, string][] = [
    [`${n} documentos, build completo en frío: tiempo / RSS máximo (objetivo ≤ 60 s / ≤ 600 MB)`, `${(options.cold.ms / 1000).toFixed(1)} s / ${options.cold.maxRssMb.toFixed(0)} MB`],
    [`${n} documentos sin cambios / uno cambiado (medianas; objetivo ≤ 1,0 s / ≤ 1,5 s)`, `${nothing.toFixed(0)} ms / ${one.toFixed(0)} ms`],
    [`sin cambios: ${n} documentos / 2 documentos (objetivo ≤ 1,5×)`, `${nothing.toFixed(0)} / ${two.toFixed(0)} ms = ${(nothing / two).toFixed(2)}×`],
  ];
  return { results, rows };
}
