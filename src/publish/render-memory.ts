// A build's peak memory is its threads' heaps at their largest. Rendering one
// document allocates a few hundred megabytes that are garbage once its files
// are written (measured: about 65 MB live after a full collection, the same
// after the first document as after the hundredth); but V8 collects lazily
// and lets a busy heap grow, so a thread that had rendered twenty documents
// held about 430 MB, and a 200-document build on two threads 950 MB of RSS.
// So each thread collects its garbage in full between two documents, while
// it holds nothing of either: its heap goes back to what stays live (fonts,
// templates, the shaped words) and the process stays under 600 MB with any
// number of documents. A full collection costs about 4% of a document's
// rendering; it is skipped while the heap is small.
//
// Node exposes no collector call without --expose-gc, which cannot be
// given to a worker thread: the flag is set at run time, and `gc` taken from
// a fresh context, which is installed with it (the flag changes nothing else).
import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Below this heap size a thread does not collect: the heap is as small as rendering lets it be. */
const COLLECT_ABOVE_BYTES = 160 * 2 ** 20;

let collect: (() => void) | null | undefined;

function collector(): (() => void) | null {
  if (collect !== undefined) return collect;
  try {
    setFlagsFromString('--expose-gc');
    const gc: unknown = runInNewContext('gc');
    collect = typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    collect = null; // a runtime without it: memory is only larger, never anything else
  }
  return collect;
}

/** Called by each rendering thread between two documents. */
export function releaseRenderGarbage(): void {
  if (getHeapStatistics().total_heap_size < COLLECT_ABOVE_BYTES) return;
  collector()?.();
}
