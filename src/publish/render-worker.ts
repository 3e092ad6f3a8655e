// Worker-thread entry (render-pool.ts): takes the next unclaimed document
// from the shared counter until none is left, renders it (render-job.ts) and
// sends back only its file names and hashes.
import { parentPort, workerData } from 'node:worker_threads';
import { claimNext, type WorkerData, type WorkerMessage } from './render-pool.js';
import { runRenderJob, type RenderJob } from './render-job.js';

// Lets the tests prove how a genuine bug inside a worker is reported, without planting one.
if (process.env.DOCCTL_SIMULAR_ERROR_INTERNO === 'hilo') throw new TypeError('error interno simulado en un hilo de trabajo (DOCCTL_SIMULAR_ERROR_INTERNO=hilo)');

const { jobs, next } = workerData as WorkerData;
const pending: (RenderJob | undefined)[] = [...jobs];
for (let index = claimNext(next, pending.length); index !== undefined; index = claimNext(next, pending.length)) {
  const job = pending[index]!;
  // This thread's copy of the job is not needed once rendered.
  pending[index] = undefined;
  const message: WorkerMessage = { index, result: await runRenderJob(job) };
  parentPort?.postMessage(message);
}
