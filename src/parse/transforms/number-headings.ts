// Section numbers (1., 5.1., 5.4.1.) are generated here, never typed into
// the data, so inserting a section renumbers everything after it.
import type { Root } from 'mdast';
import type { NumberingStyle } from '../../validate/format-schema.js';
import { walk } from '../walk.js';

/** "1." gives 5.4.1., "1" gives 5.4.1, "ninguna" prints no number (the anchors stay). */
export function numberHeadings(tree: Root, style: NumberingStyle = '1.'): void {
  const counters: number[] = [];
  walk(tree, 'heading', (heading) => {
    const depth = heading.depth;
    counters.length = depth;
    for (let i = 0; i < depth - 1; i++) counters[i] ??= 0;
    counters[depth - 1] = (counters[depth - 1] ?? 0) + 1;
    const parts = counters.slice(0, depth).map((n) => n ?? 0);
    const number = style === 'ninguna' ? undefined : `${parts.join('.')}${style === '1.' ? '.' : ''}`;
    heading.data = { ...heading.data, ...(number ? { number } : {}), id: `seccion-${parts.join('-')}` };
  });
}
