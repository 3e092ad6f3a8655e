// Worker-thread entry: renders one document's editions. The tree and context
// arrive by structured clone, and the bytes go back the same way (a few MB:
// copying costs far less than rendering).
import type { RenderedDocument } from '../model/document-context.js';
import { renderEditions } from './render-editions.js';

export default function render(doc: RenderedDocument) {
  return renderEditions(doc);
}
