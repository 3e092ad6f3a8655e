// Renders a build's documents in parallel across cores. This thread renders
// too, beside worker threads (one per other core, when there are documents
// enough to repay starting them); all of them take the next document from
// one shared counter.
//
// Why not a pool of workers fed by this thread (piscina, until now): with two
// cores that meant three JavaScript heaps, each several hundred megabytes at
// its peak, while this thread sat idle; and a pool's dispatcher runs on this
// thread's event loop, so this thread could not render without leaving the
// workers waiting for their next document. With the counter a worker never
// waits for this thread, and a two-core machine holds two heaps, not three.
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { TemplateSet } from '../render/template-env.js';
import type { RenderJob, RenderJobResult } from './render-job.js';
import { releaseRenderGarbage } from './render-memory.js';

/** What a worker thread receives: every job, and the counter it claims them with. */
export interface WorkerData {
  readonly jobs: readonly RenderJob[];
  readonly next: Int32Array;
}

/** What a worker thread sends back, once per document it rendered. */
export interface WorkerMessage {
  readonly index: number;
  readonly result: RenderJobResult;
}

export interface RenderOptions {
  /** The build's compiled templates, used as they are by this thread. */
  readonly templates: TemplateSet;
  /** Called in this thread as each document finishes, in whatever order they finish. */
  readonly onDone?: (index: number) => void;
  /** Threads to render with, this one included; by default one per 16 documents, up to one per core. */
  readonly threads?: number | undefined;
}

/**
 * The code a worker starts with: it imports render-worker, compiled (.js), or
 * under tsx (tests, development) as TypeScript, for which the worker first
 * registers tsx's loader: on Node 20 a worker does not inherit it.
 */
function workerSource(): string {
  const url = import.meta.url.replace(/render-pool\.(ts|js)$/, (_, ext: string) => `render-worker.${ext}`);
  const loader = url.endsWith('.ts') ? `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then((tsx) => tsx.register())` : 'Promise.resolve()';
  return `${loader}.then(() => import(${JSON.stringify(url)}));`;
}

/**
 * A worker starts cold: it loads and compiles pdfmake, docx and fontkit, and
 * renders its first documents slowly, about a second and a half in all on a
 * two-core machine, while this thread, warm, renders three or four documents.
 * Measured there (npm run bench and --hilos): 8 documents took 5.9 s alone
 * and 7.1 s with a worker; 20 took the same either way; 200 took 91 s alone
 * and 65 s with one. So a worker is started for every 16 documents, up to one
 * per core.
 */
const DOCUMENTS_PER_WORKER = 16;

function defaultThreads(documents: number): number {
  return Math.min(availableParallelism(), 1 + Math.floor(documents / DOCUMENTS_PER_WORKER));
}

/** Takes the next unclaimed job's index, or undefined when none is left. */
export function claimNext(next: Int32Array, total: number): number | undefined {
  const index = Atomics.add(next, 0, 1);
  return index < total ? index : undefined;
}

/** Every job's result, in the jobs' order. A user error comes back as problems; anything else rejects. */
export async function renderJobs(jobs: readonly RenderJob[], options: RenderOptions): Promise<RenderJobResult[]> {
  const results: RenderJobResult[] = new Array<RenderJobResult>(jobs.length);
  const next = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
  const stop = () => Atomics.store(next, 0, jobs.length);
  const finished = (index: number, result: RenderJobResult) => {
    results[index] = result;
    options.onDone?.(index);
  };
  const threads = Math.max(1, Math.min(options.threads ?? defaultThreads(jobs.length), jobs.length));
  const workers = Array.from({ length: threads - 1 }, () => startWorker({ jobs, next }, finished));
  // A failed worker stops every thread from taking another document.
  for (const worker of workers) worker.done.catch(stop);
  try {
    // Loaded only when something is to be rendered: a build with nothing
    // changed never loads pdfmake or docx.
    const { runRenderJob } = await import('./render-job.js');
    for (let index = claimNext(next, jobs.length); index !== undefined; index = claimNext(next, jobs.length)) {
      finished(index, await runRenderJob(jobs[index]!, options.templates));
      if (jobs.length > 1) releaseRenderGarbage();
    }
    await Promise.all(workers.map((worker) => worker.done));
    const missing = jobs.findIndex((_, index) => results[index] === undefined);
    if (missing >= 0) throw new Error(`internal: render job ${missing} finished without a result`);
  } catch (error) {
    stop();
    await Promise.allSettled(workers.map((worker) => worker.terminate()));
    throw error;
  }
  return results;
}

interface RunningWorker {
  /** Settles when the worker has no job left; rejects if it failed. */
  readonly done: Promise<void>;
  terminate(): Promise<number>;
}

function startWorker(data: WorkerData, finished: (index: number, result: RenderJobResult) => void): RunningWorker {
  const worker = new Worker(workerSource(), { eval: true, workerData: data });
  const done = new Promise<void>((resolve, reject) => {
    worker.on('message', ({ index, result }: WorkerMessage) => finished(index, result));
    // An error thrown in a worker arrives here as a copy without its class;
    // a user error never does (render-job.ts turns it into a problem).
    worker.on('error', reject);
    worker.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`internal: a render worker exited with code ${code}`))));
  });
  return { done, terminate: () => worker.terminate() };
}
