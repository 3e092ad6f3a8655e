// node --expose-gc --import tsx test/bench/engine-patches.ts: what each engine patch
// (src/write/pdf/engine-patches/) saves on a warm render of the seed policy's
// PDF. In one process, each patch is swapped for the library's own code and
// back, renders with and without it alternating, so a busy machine slows
// both alike; the figure is the median of the pairs' differences, as a share
// of a render with every patch, in CPU time. Measured, never asserted (the table at the
// top of engine-patches/index.ts quotes it).
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import { prepare } from '../../src/pipeline.js';
import { writePdf } from '../../src/write/pdf/index.js';
import { useFontCache } from '../../src/write/pdf/engine-patches/font-cache.js';
import { originalRenderLine, Renderer, renderLine } from '../../src/write/pdf/engine-patches/line-renderer.js';
import { finalize, originalReferenceMethods, referenceClass, write } from '../../src/write/pdf/engine-patches/reference-buffer.js';
import { embeddedFontClass, layoutCached, originalLayoutCached } from '../../src/write/pdf/engine-patches/shared-layout-cache.js';
import { addDynamicRepeatable, originalAddDynamicRepeatable, pdfmakeLayoutClasses } from '../../src/write/pdf/engine-patches/repeated-blocks.js';
import { measure, originalInlineMeasure, TextInlines } from '../../src/write/pdf/engine-patches/inline-measure.js';

const REPO = resolve(import.meta.dirname, '..', '..');
const PAIRS = Number(process.env.PAIRS ?? 9);

/** Each patch as a switch: false puts the library's own code back. */
const SWITCHES: Record<string, (on: boolean) => void> = {
  'font-cache': (on) => useFontCache(on),
  'inline-measure': (on) => {
    TextInlines.prototype.measure = on ? measure : originalInlineMeasure()!;
  },
  'repeated-blocks': (on) => {
    pdfmakeLayoutClasses().LayoutBuilder.prototype.addDynamicRepeatable = on ? addDynamicRepeatable : originalAddDynamicRepeatable()!;
  },
  'shared-layout-cache': (on) => {
    embeddedFontClass().prototype.layoutCached = on ? layoutCached : originalLayoutCached()!;
  },
  'reference-buffer': (on) => {
    const proto = referenceClass().prototype;
    const original = originalReferenceMethods()!;
    proto.write = on ? write : original.write;
    proto.finalize = on ? finalize : original.finalize;
  },
  'line-renderer': (on) => {
    Renderer.prototype.renderLine = on ? renderLine : originalRenderLine()!;
  },
};

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const prepared = prepare({ dataDir: join(REPO, 'data'), templatesDir: join(REPO, 'templates') });
  const policy = prepared.documents.find((d) => d.rendered.context.code === 'GTI-P-001')!.rendered;
  // CPU time of the process (user + system), less swayed than the clock by
  // other processes on a shared machine; the garbage collector's threads count.
  const gc = (globalThis as { gc?: () => void }).gc;
  const time = async () => {
    gc?.(); // each render starts from a collected heap (node --expose-gc)
    const start = process.cpuUsage();
    await writePdf(policy);
    const used = process.cpuUsage(start);
    return (used.user + used.system) / 1000;
  };
  for (let i = 0; i < 3; i++) await time();
  const only = process.argv.slice(2);
  const names = [...(only.length ? only : Object.keys(SWITCHES)), 'all'];
  process.stdout.write(`load average ${loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  for (const name of names) {
    const set = (on: boolean) => (name === 'all' ? Object.values(SWITCHES).forEach((s) => s(on)) : SWITCHES[name]!(on));
    const withPatch: number[] = [];
    const without: number[] = [];
    const gains: number[] = [];
    for (let i = 0; i < PAIRS; i++) {
      // Alternate which goes first, so neither always follows the other.
      set(i % 2 === 0);
      const a = await time();
      set(i % 2 !== 0);
      const b = await time();
      const [on, off] = i % 2 === 0 ? [a, b] : [b, a];
      withPatch.push(on);
      without.push(off);
      gains.push((off - on) / on);
      set(true);
    }
    process.stdout.write(
      `${name.padEnd(20)} with ${median(withPatch).toFixed(0)} ms, without ${median(without).toFixed(0)} ms, gain ${(100 * median(gains)).toFixed(1)} % of a render (pairs: ${gains.map((g) => (100 * g).toFixed(0)).join(' ')})\n`,
    );
  }
}

await main();
