// Worker-thread entry: one document's render job (render-job.ts). The input
// arrives by structured clone; only names and hashes go back.
import { runRenderJob, type RenderJob } from './render-job.js';

export default function render(job: RenderJob) {
  return runRenderJob(job);
}
