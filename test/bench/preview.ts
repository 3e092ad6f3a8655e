// The editor's preview path, warm (issue 22's targets: the HTML edition
// <= 50 ms, the PDF <= 300 ms after a change): the policy seed (GTI-P-001)
// with its title changed on every run, through editor/preview.ts as the
// editor calls it (load the project from disk → validate the entity →
// template → parse → HTML writer; then the PDF writer). Measured, never
// asserted. Not wired into bench.ts yet: `benchPreview` returns the times;
// `npx tsx test/bench/preview.ts` prints them.
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { previewDraft, previewHtml, previewPdf } from '../../src/editor/preview.js';
import { Workspace } from '../../src/editor/workspace.js';

const REPO = resolve(import.meta.dirname, '..', '..');

export interface PreviewTimes {
  /** Each run: data changed → validated → rendered → HTML string, in ms. */
  readonly html: number[];
  /** Each run: the same changed data → PDF bytes, in ms. */
  readonly pdf: number[];
}

export async function benchPreview({ repeat = 7, warmup = 2, dataDir = join(REPO, 'data') }: { repeat?: number; warmup?: number; dataDir?: string } = {}): Promise<PreviewTimes> {
  const workspace = new Workspace({ dataDir, templatesDir: join(REPO, 'templates'), outputDir: join(REPO, 'output'), today: '2026-01-31' });
  const edit = (run: number) => ({ entity: 'alcaldia-cartagena', code: 'GTI-P-001', changes: [{ path: ['titulo'], value: `POLÍTICA DE GOBIERNO DIGITAL ${run}` }], markdown: {} });
  const times: PreviewTimes = { html: [], pdf: [] };
  for (let run = 0; run < warmup + repeat; run++) {
    const start = performance.now();
    const preview = previewDraft(workspace, edit(run));
    const html = previewHtml(preview);
    const htmlDone = performance.now();
    if (!html?.includes(`DIGITAL ${run}`)) throw new Error(`the preview did not render the changed title: ${preview.problems.map((p) => p.message).join('; ')}`);
    const pdfStart = performance.now();
    const pdf = await previewPdf(previewDraft(workspace, edit(run)));
    const pdfDone = performance.now();
    if (!pdf) throw new Error('no PDF');
    if (run >= warmup) {
      times.html.push(htmlDone - start);
      times.pdf.push(pdfDone - pdfStart);
    }
  }
  return times;
}

if (process.argv[1] && resolve(process.argv[1]) === resolve(import.meta.filename)) {
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
  const times = await benchPreview();
  console.log(`vista previa HTML (GTI-P-001, cambiada): mediana ${median(times.html).toFixed(0)} ms [${times.html.map((t) => t.toFixed(0)).join(', ')}]`);
  console.log(`vista previa PDF  (GTI-P-001, cambiada): mediana ${median(times.pdf).toFixed(0)} ms [${times.pdf.map((t) => t.toFixed(0)).join(', ')}]`);
}
