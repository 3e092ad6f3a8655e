// Reading pdfmake content in tests: its text and the nodes that match.

/** Every string in a piece of content, in order. */
export function textOf(content: unknown): string {
  if (typeof content === 'string' || typeof content === 'number') return String(content);
  if (Array.isArray(content)) return content.map(textOf).join(' ').replace(/\s+/g, ' ').trim();
  if (content && typeof content === 'object') {
    const node = content as Record<string, unknown>;
    const parts = ['text', 'stack', 'ul', 'ol', 'columns'].map((key) => (key in node ? textOf(node[key]) : ''));
    if ('table' in node) parts.push(textOf((node.table as { body: unknown }).body));
    return parts.filter(Boolean).join(' ');
  }
  return '';
}

/** Every node (depth first) for which `match` holds. */
export function findAll(content: unknown, match: (node: Record<string, unknown>) => boolean): Record<string, unknown>[] {
  const found: Record<string, unknown>[] = [];
  const walk = (value: unknown) => {
    if (Array.isArray(value)) return value.forEach(walk);
    if (!value || typeof value !== 'object') return;
    const node = value as Record<string, unknown>;
    if (match(node)) found.push(node);
    for (const key of ['text', 'stack', 'ul', 'ol', 'columns']) if (key in node) walk(node[key]);
    if ('table' in node) walk((node.table as { body: unknown }).body);
  };
  walk(content);
  return found;
}
