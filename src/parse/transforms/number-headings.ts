// Section numbers (1., 5.1., 5.4.1.) are generated here, never typed into
// the data, so inserting a section renumbers everything after it.
import type { Root } from 'mdast';
import { walk } from '../walk.js';

export function numberHeadings(tree: Root): void {
  const counters: number[] = [];
  walk(tree, 'heading', (heading) => {
    const depth = heading.depth;
    counters.length = depth;
    for (let i = 0; i < depth - 1; i++) counters[i] ??= 0;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    const parts = counters.slice(0, depth).map((n) => n ?? 0);
    heading.data = { ...heading.data, number: `${parts.join('.')}.`, id: `seccion-${parts.join('-')}` };
  });
}
