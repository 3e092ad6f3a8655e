// The engine patches: the speed-ups docctl installs into the internals of
// pdfmake and pdfkit (and fontkit's module), none of which changes what a
// page shows. They are kept apart from the PDF writer's own handlers and
// layout (../handlers, ../layout) because they are not our design but a
// replacement of library code, tied to one version of each library: each
// install first checks that the code it replaces has the source fingerprint
// it was written for (kit-classes.ts, ../../../source-fingerprint.ts) and
// throws otherwise, so an upgrade fails loudly instead of changing output.
// No new patch of pdfmake's or pdfkit's internals is to be added (issue 22).
//
// Gain: CPU time of a warm PDF render of the seed policy (GTI-P-001, ~26
// pages) with the patch swapped for the library's own code, as a share of a
// render with every patch; median of 15–21 alternating pairs in one process
// (test/bench/engine-patches.ts), on a shared 2-core machine (load ~30).
// Patches measured under ~5 % were removed (style-lookup, content-operators:
// 2.6 % / −1.9 % and −2.3 % / −0.2 % in two runs).
//
// | patch                  | replaces                                         | gain  | byte-equivalence tested by                          |
// |------------------------|--------------------------------------------------|-------|-----------------------------------------------------|
// | font-cache.ts          | fontkit.create as pdfkit requires it: one parse   | 68 %  | test/write/pdf/reproducible.test.ts (import order,  |
// |                        | per font file per process, not per document      |       | same bytes across renders)                          |
// | shared-layout-cache.ts | pdfkit EmbeddedFont.layoutCached: shaped words   | 47 %  | engine-patches.test.ts (with/without, same bytes)   |
// | + shaped-words-store   | shared by documents (and kept between builds)    |       | shaped-words-store.test.ts (same runs as fontkit's) |
// | line-renderer.ts       | pdfmake Renderer.renderLine: a line's words in   | 20 %  | line-renderer.test.ts (same glyphs and matrices,    |
// |                        | one text object (fewer operators; bytes differ)  |       | pages pixel for pixel, same extracted text)         |
// | repeated-blocks.ts     | pdfmake LayoutBuilder.addDynamicRepeatable:      | 19 %  | engine-patches.test.ts (with/without, same bytes)   |
// |                        | header and footer laid out once per kind of page |       |                                                     |
// | inline-measure.ts      | pdfmake TextInlines.measure: style resolved once | 10 %  | engine-patches.test.ts (same bytes; property test   |
// |                        | per run, not per word                            |       | against pdfmake's measure)                          |
// | reference-buffer.ts    | pdfkit PDFReference.write/finalize: content      | 9 %   | engine-patches.test.ts (same bytes at pdfkit's      |
// |                        | streams as strings, not a Buffer per operator;   |       | level; streams inflate to the same bytes at ours)   |
// |                        | zlib level 3 (the one deliberate byte change)    |       |                                                     |
// | unbreakable-overflow   | pdfmake processTable / unbreakable blocks: a     | guard | test/write/tall-table-rows.test.ts                  |
// |                        | block taller than a page throws, is not dropped  |       |                                                     |
// All together: 145 % (a render without any takes ~2.4 times as long).
//
// Imported for its effect by ../printer.ts (the real render) and ../measure.ts
// (which lays content out before the printer is first used); font-cache.ts
// must be imported before anything loads pdfmake (see there).
import { installInlineMeasure } from './inline-measure.js';
import { installLineRenderer } from './line-renderer.js';
import { installReferenceBuffer } from './reference-buffer.js';
import { installRepeatedBlocks } from './repeated-blocks.js';
import { installSharedLayoutCache } from './shared-layout-cache.js';
import { installUnbreakableOverflow } from './unbreakable-overflow.js';

installInlineMeasure();
installRepeatedBlocks();
installSharedLayoutCache();
installReferenceBuffer();
installLineRenderer();
installUnbreakableOverflow();
