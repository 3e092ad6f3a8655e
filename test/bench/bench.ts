// npm run bench: how fast docctl is, measured, never asserted. Prints a table
// and writes output/bench/resultados.json. BENCH_TINY=1 runs a tiny version
// (CI keeps the code working that way; its figures mean nothing).
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, type Dirent, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { prepare } from '../../src/pipeline.js';
import type { RenderedDocument } from '../../src/model/document-context.js';
import { writeDocx } from '../../src/write/docx/index.js';
import { writePdf } from '../../src/write/pdf/index.js';
import { FONT_DIR } from '../../src/write/pdf/fonts.js';
import { renderEditions } from '../../src/publish/render-editions.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';
import { writeCorpus } from './corpus.js';
import { rebuildBench } from './rebuild.js';
import { toTypst, typstCompiler } from './typst.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const TINY = process.env.BENCH_TINY === '1';
const REPEAT = TINY ? 1 : 7;
const WARMUP = TINY ? 0 : 2;
const CORPUS = TINY ? 5 : 200;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.ceil(xs.length * 0.95) - 1)] ?? NaN;

async function timeIt(fn: () => Promise<unknown> | unknown, repeat = REPEAT): Promise<number[]> {
  for (let i = 0; i < WARMUP; i++) await fn();
  const times: number[] = [];
  for (let i = 0; i < repeat; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  return times;
}

async function htmlWriter(): Promise<((doc: RenderedDocument) => unknown) | undefined> {
  try {
    const module = (await import('../../src/write/html/index.js')) as Record<string, unknown>;
    const fn = (module.writeHtml ?? module.documentToHtml ?? module.documentToHast) as ((doc: RenderedDocument) => unknown) | undefined;
    return fn;
  } catch {
    return undefined;
  }
}

/** Every file under a folder, recursively. */
const filesUnder = (dir: string): string[] => (readdirSync(dir, { recursive: true, withFileTypes: true }) as Dirent[]).filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));

/**
 * dist/ is what the whole-process builds run: compiled anew unless each
 * source file's JavaScript in dist/ is newer than it, and tsc's build info
 * newer than the tsconfig files (npm ci compiles dist/ already, and the
 * smoke test runs the bench twice; tsc is the slowest part of a tiny run).
 */
function compile(): void {
  const src = join(REPO, 'src');
  const dist = join(REPO, 'dist');
  const newer = (target: string, source: string) => existsSync(target) && statSync(target).mtimeMs > statSync(source).mtimeMs;
  const fresh =
    ['tsconfig.json', 'tsconfig.build.json'].every((config) => newer(join(dist, '.tsbuildinfo'), join(REPO, config))) &&
    filesUnder(src)
      .filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'))
      .every((file) => newer(join(dist, relative(src, file)).replace(/\.ts$/, '.js'), file));
  if (fresh) return;
  execFileSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { cwd: REPO, stdio: 'inherit' });
}

interface ProcessRun {
  readonly ms: number;
  readonly maxRssMb: number;
  readonly status: number | null;
}

/** Runs the compiled CLI as a whole process; peak RSS read from the process itself at exit. */
function runProcess(args: string[]): ProcessRun {
  const dir = mkdtempSync(join(tmpdir(), 'bench-rss-'));
  const rssFile = join(dir, 'rss');
  const hookFile = join(dir, 'hook.cjs');
  writeFileSync(hookFile, `process.on('exit',()=>require('node:fs').writeFileSync(${JSON.stringify(rssFile)},String(process.resourceUsage().maxRSS)))`);
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--require', hookFile, join(REPO, 'dist', 'cli.js'), ...args, '--silencio'], {
    cwd: REPO,
    encoding: 'utf8',
  });
  const ms = performance.now() - start;
  const maxRss = existsSync(rssFile) ? Number(readFileSync(rssFile, 'utf8')) / 1024 : NaN;
  // The time of a build that failed measures nothing: stop, and say which.
  if (result.status !== 0) throw new Error(`falló un build medido: docctl ${args.join(' ')} terminó con código ${result.status}\n${result.stderr}`);
  return { ms, maxRssMb: maxRss, status: result.status };
}

function which(tool: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
}

/** The machine the figures were taken on; the load average again at the end, since other work skews them. */
const machine = () => ({
  nucleos: availableParallelism(),
  cpu: cpus()[0]?.model,
  memoriaGB: Math.round(totalmem() / 2 ** 30),
  cargaMedia: loadavg().map((l) => Number(l.toFixed(2))),
  node: process.version,
});

const ratio = (a: number, b: number) => `${a.toFixed(0)} ms / ${b.toFixed(0)} ms = ${(a / b).toFixed(2)}×`;

/** A whole Node process running `code` (an ES module), from the repository; its wall time. */
function nodeProcess(code: string): number {
  const start = performance.now();
  const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: REPO, encoding: 'utf8' });
  const ms = performance.now() - start;
  if (result.status !== 0) throw new Error(`falló un proceso medido (código ${result.status}):\n${result.stderr}`);
  return ms;
}

async function main() {
  compile();
  const results: Record<string, unknown> = {
    maquina: machine(),
    modo: TINY ? 'diminuto (CI: las cifras no significan nada)' : 'completo',
  };
  const rows: [string, string][] = [];
  const work = mkdtempSync(join(tmpdir(), 'docctl-bench-'));

  // 1. Cold build of both seeds, as a whole process.
  const cold: ProcessRun[] = [];
  // From a copy of data/ without its committed archive, so the seeds are rendered and archived, not just verified.
  const coldCopy = () => {
    const dir = mkdtempSync(join(work, 'cold-'));
    const source = join(REPO, 'data');
    cpSync(source, join(dir, 'data'), { recursive: true, filter: (path) => !/^[/\\][^/\\]+[/\\]archivo$/.test(path.slice(source.length)) });
    return dir;
  };
  for (let i = 0; i < Math.max(1, Math.min(REPEAT, 3)); i++) {
    const dir = coldCopy();
    cold.push(runProcess(['build', '--datos', join(dir, 'data'), '--salida', join(dir, 'output')]));
  }
  results['build en frío (semillas)'] = { mediana: median(cold.map((r) => r.ms)), rssMB: median(cold.map((r) => r.maxRssMb)) };
  rows.push(['build en frío de las dos semillas (proceso completo)', `${median(cold.map((r) => r.ms)).toFixed(0)} ms`]);

  // 2. A corpus of drafts: full build, nothing changed, one document changed.
  const corpusData = writeCorpus(REPO, join(work, 'corpus'), { documents: CORPUS, drafts: true });
  const corpusOut = join(work, 'corpus-out');
  const full = runProcess(['build', '--datos', corpusData, '--salida', corpusOut]);
  const unchanged = runProcess(['build', '--datos', corpusData, '--salida', corpusOut]);
  const oneFile = join(corpusData, 'entidad-01', 'documentos', 'GTI-P-001.json');
  const doc = JSON.parse(readFileSync(oneFile, 'utf8'));
  doc.titulo = `${doc.titulo} (cambiado)`;
  writeFileSync(oneFile, JSON.stringify(doc, null, 2));
  const one = runProcess(['build', '--datos', corpusData, '--salida', corpusOut]);
  results[`corpus de ${CORPUS} documentos`] = { completo: full.ms, sinCambios: unchanged.ms, unoCambiado: one.ms, rssMaximoMB: Math.max(full.maxRssMb, unchanged.maxRssMb, one.maxRssMb) };
  rows.push([`${CORPUS} documentos: completo / sin cambios / uno cambiado`, `${(full.ms / 1000).toFixed(1)} s / ${unchanged.ms.toFixed(0)} ms / ${one.ms.toFixed(0)} ms`]);
  rows.push([`${CORPUS} documentos: memoria máxima (RSS)`, `${Math.max(full.maxRssMb, unchanged.maxRssMb, one.maxRssMb).toFixed(0)} MB`]);
  // Rebuilds: medians of nothing changed and one changed, and against two documents (rebuild.ts).
  const rebuilds = rebuildBench({ repo: REPO, work, data: corpusData, output: corpusOut, documents: CORPUS, cold: full, run: runProcess, repeat: Math.max(1, Math.min(REPEAT, 5)) });
  results.recompilaciones = rebuilds.results;
  rows.push(...rebuilds.rows);

  // 3. Warm per-document latency, on the policy and on a 10x variant. Measured after the whole-process
  // builds, so that a build that fails stops the bench before the longest in-process part (its rows
  // still come first in the table).
  const latencyRows: [string, string][] = [];
  const html = await htmlWriter();
  // The tiny run keeps the code working with the 1x policy only (CI time, bench-smoke.test.ts).
  let tableBase: RenderedDocument | undefined;
  const scales = TINY ? ([['política (~20 páginas)', 1]] as const) : ([['política (~20 páginas)', 1], ['política 10x', 10]] as const);
  for (const [label, scale] of scales) {
    const data = writeCorpus(REPO, join(work, `latency-${scale}`), { documents: 1, scale });
    const prepared = prepare({ dataDir: data, templatesDir: join(REPO, 'templates') });
    const doc = prepared.documents[0]!.rendered;
    tableBase ??= doc;
    const pdf = await timeIt(() => writePdf(doc));
    const docx = await timeIt(() => writeDocx(doc));
    const htmlTimes = html ? await timeIt(() => html(doc)) : [];
    // All three as a build renders them: the DOCX contents take their page
    // numbers from the PDF's layout (write/docx/page-hints.ts).
    const all = await timeIt(() => renderEditions(doc));
    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', ['-'], { input: await writePdf(doc), encoding: 'utf8' }))?.[1]);
    results[`latencia ${label}`] = { paginas: pages, pdf: { mediana: median(pdf), p95: p95(pdf) }, docx: { mediana: median(docx), p95: p95(docx) }, html: html ? { mediana: median(htmlTimes), p95: p95(htmlTimes) } : 'no disponible', todas: { mediana: median(all), p95: p95(all) } };
    latencyRows.push([`${label}, ${pages} págs: PDF / DOCX sin el PDF* / HTML / las tres como en build (mediana, p95)`, `${median(pdf).toFixed(0)} / ${median(docx).toFixed(0)} / ${html ? median(htmlTimes).toFixed(0) : '—'} / ${median(all).toFixed(0)} ms  (p95 ${p95(all).toFixed(0)} ms)`]);
  }

  // Rich tables: a :::tabla against a GFM table of the same cells, parse and PDF.
  const tableRows = TINY ? 30 : 3000;
  const cellsOf = (i: number) => [`Fila ${i}`, `Actividad de seguimiento número ${i} del proceso`, `Responsable ${i % 7}`];
  const tables = {
    gfm: `# Tabla\n\n| A | B | C |\n|---|---|---|\n${Array.from({ length: tableRows }, (_, i) => `| ${cellsOf(i).join(' | ')} |`).join('\n')}\n`,
    tabla: `# Tabla\n\n:::tabla\n- - A\n  - B\n  - C\n${Array.from({ length: tableRows }, (_, i) => `- - ${cellsOf(i).join('\n  - ')}`).join('\n')}\n:::\n`,
  };
  const tableTimes: Record<string, number> = {};
  for (const [kind, markdown] of Object.entries(tables)) {
    tableTimes[kind] = median(await timeIt(async () => writePdf({ ...tableBase!, tree: parseMarkdown(markdown), markdown }), 1));
  }
  results[`tabla de ${tableRows} filas`] = { gfmMs: tableTimes.gfm, tablaMs: tableTimes.tabla, razon: tableTimes.tabla! / tableTimes.gfm! };
  latencyRows.push([`:::tabla de ${tableRows} filas / tabla GFM igual (parse + PDF)`, ratio(tableTimes.tabla!, tableTimes.gfm!)]);

  rows.unshift(...latencyRows);

  // 4. Peers on the same content: Typst (tree → PDF), pandoc (Markdown → DOCX), LibreOffice (DOCX → PDF).
  const seedPrepared = prepare({ dataDir: join(REPO, 'data'), templatesDir: join(REPO, 'templates') });
  const policy = seedPrepared.documents.find((d) => d.rendered.context.code === 'GTI-P-001')!.rendered;
  const peerRepeat = TINY ? 1 : 5;
  const ours = median(await timeIt(() => renderEditions(policy), TINY ? 1 : 3));
  const oursPdf = median(await timeIt(() => writePdf(policy), peerRepeat));
  const oursDocx = median(await timeIt(() => writeDocx(policy), peerRepeat));
  const peers: Record<string, unknown> = { nuestrasTresEdicionesMs: ours, nuestroPdfMs: oursPdf, nuestroDocxMs: oursDocx };

  // Typst: warm (a compiler already used), cold in one process (load, create, first compile) and a whole process.
  const typst = typstCompiler();
  if ('create' in typst) {
    const markup = toTypst(policy.tree);
    const typFile = join(work, 'policy.typ');
    writeFileSync(typFile, markup);
    const coldStart = performance.now();
    const compiler = typst.create();
    compiler.pdf({ mainFileContent: markup });
    const typstFirst = performance.now() - coldStart;
    const typstWarm = median(await timeIt(() => compiler.pdf({ mainFileContent: markup }), peerRepeat));
    // Ours cold in one process: load the writer, render the tree once (timed inside a fresh process).
    const distUrl = (path: string) => JSON.stringify(new URL(`file://${join(REPO, 'dist', path)}`).href);
    const oursFirst = (() => {
      const code = `const { prepare } = await import(${distUrl('pipeline.js')});
        const data = prepare({ dataDir: ${JSON.stringify(join(REPO, 'data'))}, templatesDir: ${JSON.stringify(join(REPO, 'templates'))} });
        const doc = data.documents.find((d) => d.rendered.context.code === 'GTI-P-001').rendered;
        const start = performance.now();
        const { writePdf } = await import(${distUrl('write/pdf/index.js')});
        await writePdf(doc);
        process.stdout.write(String(performance.now() - start));`;
      const result = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: REPO, encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`falló un proceso medido (código ${result.status}):\n${result.stderr}`);
      return Number(result.stdout);
    })();
    // Whole processes: ours from the data to the policy's PDF file; Typst from its markup to a PDF file.
    // The tiny run leaves out the whole processes (each scans the system's fonts for Typst).
    const processRuns = TINY ? 0 : 3;
    const oursProcess = median(
      Array.from({ length: processRuns }, () =>
        nodeProcess(`const { prepare } = await import(${distUrl('pipeline.js')});
          const { writePdf } = await import(${distUrl('write/pdf/index.js')});
          const data = prepare({ dataDir: ${JSON.stringify(join(REPO, 'data'))}, templatesDir: ${JSON.stringify(join(REPO, 'templates'))} });
          const doc = data.documents.find((d) => d.rendered.context.code === 'GTI-P-001').rendered;
          (await import('node:fs')).writeFileSync(${JSON.stringify(join(work, 'ours.pdf'))}, await writePdf(doc));`),
      ),
    );
    const typstProcess = median(
      Array.from({ length: processRuns }, () =>
        nodeProcess(`import { createRequire } from 'node:module'; import { readFileSync, writeFileSync } from 'node:fs';
          const { NodeCompiler } = createRequire(${JSON.stringify(join(REPO, 'package.json'))})('@myriaddreamin/typst-ts-node-compiler');
          const compiler = NodeCompiler.create({ fontArgs: [{ fontPaths: [${JSON.stringify(FONT_DIR)}] }] });
          writeFileSync(${JSON.stringify(join(work, 'typst.pdf'))}, compiler.pdf({ mainFileContent: readFileSync(${JSON.stringify(typFile)}, 'utf8') }));`),
      ),
    );
    peers.typst = {
      caliente: { nuestroPdfMs: oursPdf, typstMs: typstWarm, nosotrosSobreTypst: oursPdf / typstWarm },
      primeraEnUnProceso: { nuestroPdfMs: oursFirst, typstMs: typstFirst, nosotrosSobreTypst: oursFirst / typstFirst },
      procesoCompleto: { nuestroPdfMs: oursProcess, typstMs: typstProcess, nosotrosSobreTypst: oursProcess / typstProcess },
    };
    rows.push(['PDF de la política, nosotros / Typst: caliente', ratio(oursPdf, typstWarm)]);
    rows.push(['PDF de la política, nosotros / Typst: primera en un proceso', ratio(oursFirst, typstFirst)]);
    if (!TINY) rows.push(['PDF de la política, nosotros / Typst: proceso completo', ratio(oursProcess, typstProcess)]);
  } else {
    peers.typst = typst.missing;
    rows.push(['Typst', typst.missing]);
  }

  if (which('pandoc')) {
    const md = join(work, 'policy.md');
    writeFileSync(md, policy.markdown);
    const t = median(await timeIt(() => execFileSync('pandoc', [md, '-o', join(work, 'pandoc.docx')]), TINY ? 1 : 3));
    peers.pandoc = { pandocMs: t, nuestroDocxMs: oursDocx, nosotrosSobrePandoc: oursDocx / t };
    rows.push(['DOCX de la política, nosotros (sin el PDF*) / pandoc Markdown → DOCX', ratio(oursDocx, t)]);
  } else {
    peers.pandoc = 'no instalado (apt-get install pandoc)';
    rows.push(['pandoc', 'no instalado: apt-get install pandoc']);
  }
  if (which('soffice')) {
    const docx = join(work, 'policy.docx');
    writeFileSync(docx, await writeDocx(policy));
    const profile = mkdtempSync(join(tmpdir(), 'lo-bench-'));
    const convert = () => execFileSync('soffice', ['--headless', '--norestore', `-env:UserInstallation=file://${profile}`, '--convert-to', 'pdf', '--outdir', work, docx], { stdio: 'pipe' });
    if (!TINY) convert(); // first start creates the profile (not timed)
    const t = await timeIt(convert, TINY ? 1 : 3);
    peers.libreofficeDocxAPdfMs = median(t);
    peers.razonLibreofficeSobreNosotros = median(t) / ours;
    rows.push(['LibreOffice DOCX → PDF / nuestras PDF+DOCX+HTML (misma política)', `${median(t).toFixed(0)} ms / ${ours.toFixed(0)} ms = ${(median(t) / ours).toFixed(1)}×`]);
    rows.push(['build en frío / una conversión de LibreOffice', `${(median(cold.map((r) => r.ms)) / median(t)).toFixed(2)}×`]);
  } else {
    peers.libreoffice = 'no instalado (apt-get install libreoffice-writer)';
    rows.push(['LibreOffice', 'no instalado: apt-get install libreoffice-writer']);
  }
  results.pares = peers;

  const end = machine();
  results.maquina = { ...(results.maquina as object), cargaMediaAlFinal: end.cargaMedia };
  const outDir = join(REPO, 'output', 'bench');
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, 'resultados.json'), `${JSON.stringify(results, null, 2)}\n`);
  const width = Math.max(...rows.map(([k]) => k.length));
  const load = (l: number[]) => l.map((x) => x.toFixed(1)).join(' ');
  process.stdout.write(
    `\ndocctl bench — ${end.cpu ?? 'CPU'}, ${end.nucleos} núcleos, ${end.memoriaGB} GB, Node ${process.version}, carga media ${load((results.maquina as { cargaMedia: number[] }).cargaMedia)} al empezar, ${load(end.cargaMedia)} al terminar${TINY ? ' (modo diminuto)' : ''}\n\n`,
  );
  for (const [k, v] of rows) process.stdout.write(`${k.padEnd(width)}  ${v}\n`);
  process.stdout.write('\n* Sin la paginación del PDF, docx calcula las páginas del índice maquetando el documento por su cuenta; un build le pasa la paginación del PDF (write/docx/page-hints.ts).\n');
  process.stdout.write(`\nCifras en ${join('output', 'bench', 'resultados.json')}\n`);
  rmSync(work, { recursive: true, force: true });
}

await main();
