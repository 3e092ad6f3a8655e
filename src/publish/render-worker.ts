// Worker-thread entry (render-pool.ts): takes the next unclaimed document
// from the shared counter until none is left, renders it (render-job.ts) and
// sends back only its file names and hashes.
import { parentPort, workerData } from 'node:worker_threads';
import { claimNext, type WorkerData, type WorkerMessage } from './render-pool.js';
import { runRenderJob, type RenderJob } from './render-job.js';
import { releaseRenderGarbage } from './render-memory.js';

// Lets the tests prove how a genuine bug inside a worker is reported, without planting one.
if (process.env.DOCCTL_SIMULAR_ERROR_INTERNO === 'hilo') throw new TypeError('error interno simulado en un hilo de trabajo (DOCCTL_SIMULAR_ERROR_INTERNO=hilo)');

const { next } = workerData as WorkerData;
// This thread's own copy of every job, emptied as jobs are claimed.
const pending = (workerData as WorkerData).jobs as (RenderJob | undefined)[];
let released = 0;
for (let index = claimNext(next, pending.length); index !== undefined; index = claimNext(next, pending.length)) {
  const job = pending[index]!;
  // Every job up to this one is claimed, by this thread or another: this
  // thread's copies of them are not needed any more.
  for (; released <= index; released++) pending[released] = undefined;
  const message: WorkerMessage = { index, result: await runRenderJob(job) };
  parentPort?.postMessage(message);
  releaseRenderGarbage();
}
