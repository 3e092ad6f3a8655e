// The glossary (marco conceptual), sorted as a Spanish dictionary: accents
// ignored, "Ñ" after "N". Data order is kept for terms that compare equal.
import type { Glossary } from '../../../parse/nodes.js';
import type { Handler } from '../state.js';

const SPANISH = new Intl.Collator('es', { sensitivity: 'base' });

export const glossary: Handler<Glossary> = (node, state) => {
  const entries = [...node.children].sort((a, b) => SPANISH.compare(a.term, b.term));
  return entries.flatMap((entry) => state.one(entry, node));
};
