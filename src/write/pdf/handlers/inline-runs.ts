// pdfmake does not pass a style from a text run down to runs nested inside
// it ({ text: [...], bold: true } drops the bold), so inline handlers keep
// runs flat: each one copies its formatting onto every leaf run below it.
// Properties already on a leaf win, so an inner link keeps its own target.
import type { Content, ContentText } from 'pdfmake/interfaces.js';

export type RunStyle = Omit<ContentText, 'text'>;

export function withStyle(runs: readonly Content[], style: RunStyle): Content[] {
  return runs.map((run) => {
    if (typeof run === 'string' || typeof run === 'number') return { text: String(run), ...style };
    if (typeof run === 'object' && run !== null && !Array.isArray(run) && 'text' in run) return { ...style, ...run } as Content;
    return run;
  });
}
