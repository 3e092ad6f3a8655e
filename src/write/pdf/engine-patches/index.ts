// Speed-ups installed into pdfmake and pdfkit, none of which changes a byte
// of output (tests render with and without them and compare):
// - style-lookup.ts: pdfmake's style stack lookup without per-call closures and Sets;
// - inline-measure.ts: pdfmake's measuring of words, resolving each style once per run, not per word;
// - repeated-blocks.ts: the header and footer laid out once per kind, not once per page;
// - shared-layout-cache.ts: pdfkit's cache of shaped words shared by all documents;
// - reference-buffer.ts: pdfkit's content streams built from strings, not a Buffer per operator;
// - content-operators.ts: pdfkit's colour and text-matrix operators written from kept strings.
// Imported for its effect by printer.ts (the real render) and measure.ts
// (which lays content out before the printer is first used). Each install
// throws if the library method it replaces is not the one it was written for.
// One patch here is not a speed-up but a guard: unbreakable-overflow.ts makes
// pdfmake throw instead of dropping an unbreakable block taller than a page.
import { installContentOperators } from './content-operators.js';
import { installInlineMeasure } from './inline-measure.js';
import { installLineRenderer } from './line-renderer.js';
import { installReferenceBuffer } from './reference-buffer.js';
import { installRepeatedBlocks } from './repeated-blocks.js';
import { installSharedLayoutCache } from './shared-layout-cache.js';
import { installStyleLookup } from './style-lookup.js';
import { installUnbreakableOverflow } from './unbreakable-overflow.js';

installStyleLookup();
installInlineMeasure();
installRepeatedBlocks();
installSharedLayoutCache();
installReferenceBuffer();
installContentOperators();
installLineRenderer();
installUnbreakableOverflow();
