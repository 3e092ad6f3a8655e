// Renders documents in parallel across cores. A pool of worker threads pays
// for itself only when there are several documents to render: each worker
// loads pdfmake and docx once, so a handful of documents render in-process.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { TemplateSet } from '../render/template-env.js';
import type { RenderJob, RenderJobResult } from './render-job.js';

const MIN_DOCUMENTS_FOR_WORKERS = 4;

export interface Renderer {
  render(job: RenderJob): Promise<RenderJobResult>;
  close(): Promise<void>;
}

function workerFile(): string {
  // Under tsx (tests, development) the sources are .ts; compiled, .js.
  const here = fileURLToPath(import.meta.url);
  return here.replace(/render-pool\.(ts|js)$/, (_, ext: string) => `render-worker.${ext}`);
}

/** `templates`: the build's compiled set, used as is when rendering in this thread. */
export async function createRenderer(documents: number, templates: TemplateSet): Promise<Renderer> {
  const threads = Math.min(availableParallelism(), documents);
  if (documents < MIN_DOCUMENTS_FOR_WORKERS || threads < 2) {
    // Loaded only when something is to be rendered: a build with nothing
    // changed never loads pdfmake or docx.
    const { runRenderJob } = await import('./render-job.js');
    return { render: (job) => runRenderJob(job, templates), close: async () => undefined };
  }
  const pool = new Piscina({ filename: workerFile(), minThreads: threads, maxThreads: threads, idleTimeout: 1000 });
  return {
    render: (job) => pool.run(job) as Promise<RenderJobResult>,
    close: () => pool.destroy(),
  };
}
