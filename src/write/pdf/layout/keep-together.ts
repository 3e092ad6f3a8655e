// A heading directly followed by an unbreakable block (the signature page)
// joins that block. pdfmake's pageBreakBefore cannot keep them together: a
// block that moved to the next page still reports its first, abandoned
// position, so the heading looks followed and stays orphaned at the foot of
// the previous page.
import type { Content } from 'pdfmake/interfaces.js';

type Loose = Record<string, unknown>;
const isObject = (content: Content | undefined): content is Content & Loose =>
  typeof content === 'object' && content !== null && !Array.isArray(content);

export function keepHeadingsWithUnbreakable(content: readonly Content[]): Content[] {
  const out: Content[] = [];
  for (let i = 0; i < content.length; i++) {
    const current = content[i];
    const next = content[i + 1];
    if (isObject(current) && current.headlineLevel !== undefined && isObject(next) && next.unbreakable === true) {
      out.push({ stack: [current, next], unbreakable: true });
      i++;
    } else if (current !== undefined) out.push(current);
  }
  return out;
}
