import type { Handler } from '../state.js';
import type { Glossary } from '../../../parse/nodes.js';

// Alphabetical as a Spanish reader expects: accents ignored, Ñ after N.
const collator = new Intl.Collator('es', { sensitivity: 'base' });

export const glossary: Handler<Glossary> = (node, state) =>
  [...node.children].sort((a, b) => collator.compare(a.term, b.term)).flatMap((entry) => state.one(entry, node));
