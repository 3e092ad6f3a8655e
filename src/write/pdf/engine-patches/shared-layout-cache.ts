// pdfkit shapes text word by word (fontkit's OpenType layout: substitutions,
// kerning, positions) and keeps the shaped words in a cache on each font
// object, so a word is shaped once per document — but every document, and
// every measuring document of measure.ts, starts with an empty cache. A
// profile of the 29-page seed policy spent ~115 ms of a ~500 ms render
// shaping words it had shaped in the previous render.
//
// font-cache.ts already gives every document the same parsed fontkit font
// per font file, so the cache is moved from the pdfkit font object to that
// fontkit font: a WeakMap keyed by it, shared by every document. This is as
// safe as pdfkit's own cache, which already hands the same shaped run to
// every occurrence of a word in a document: layoutRun depends only on the
// fontkit font (and its unitsPerEm), the text and the features, and runs
// with explicit features are never cached; nothing in pdfkit writes to a
// cached run (layout() concatenates its glyphs and positions into new arrays,
// _fragment copies a position before adding word spacing). Glyph objects
// come from fontkit's per-font glyph cache either way.
//
// A cached run's total advance, which fontkit computes with a getter that
// sums its positions on every read (pdfkit reads it for every word of every
// line it measures), is computed once when the run is cached: the same sum in
// the same order, so the same number (~10 ms less CPU per render).
//
// The cache is bounded: when a font's cache reaches MAX_RUNS_PER_FONT words
// it is emptied and starts again, so memory stays flat across a build of
// hundreds of documents. The 29-page seed policy uses about 3,900 distinct
// words in the regular font (a few hundred in the others); a shaped word of
// eight characters takes about 1.8 KB, so a full cache is under 20 MB.
//
// The install checks the source of the methods involved and fails loudly if
// pdfkit changed them.
//
// A word missing here may still be in the store a previous build left in the
// output folder (shaped-words-store.ts); it is rebuilt from there rather than
// shaped again.
import { expectKnownMethods, kitClasses, type KitClass } from './kit-classes.js';
import { storedRun, type ShapingFont } from './shaped-words-store.js';

export const MAX_RUNS_PER_FONT = 10_000;

export interface GlyphRunLike {
  readonly glyphs: readonly unknown[];
  readonly positions: readonly unknown[];
  readonly advanceWidth: number;
}

export interface EmbeddedFontLike {
  readonly font: ShapingFont & object;
  layoutCache?: Record<string, GlyphRunLike>;
  layoutRun(text: string, features?: unknown): GlyphRunLike;
  layoutCached(text: string): GlyphRunLike;
}

/** sha256 (first 16 hex digits) of the source of the methods relied on, as shipped in pdfkit 0.19.1. */
const EXPECTED_SOURCE = {
  layoutCached: '71aacd96de20a733',
  layoutRun: 'a860ec491bf13a9b',
  layout: '1bf021e3cd3ce4ae',
} as const;

const shared = new WeakMap<object, Map<string, GlyphRunLike>>();
let freshlyShaped = 0;
/** The same caches, listed: fonts live as long as the process anyway (font-cache.ts). */
const allCaches: [font: ShapingFont & object, runs: Map<string, GlyphRunLike>][] = [];

/** Replacement for EmbeddedFont.prototype.layoutCached: the same runs, cached per fontkit font. */
export function layoutCached(this: EmbeddedFontLike, text: string): GlyphRunLike {
  // A document created with fontLayoutCache: false gets no cache, as before.
  if (!this.layoutCache) return this.layoutRun(text);
  let runs = shared.get(this.font);
  if (runs === undefined) {
    runs = new Map();
    shared.set(this.font, runs);
    allCaches.push([this.font, runs]);
  }
  let run = runs.get(text);
  if (run === undefined) {
    run = storedRun(this.font, text);
    if (run === undefined) {
      run = this.layoutRun(text);
      freshlyShaped++;
      Object.defineProperty(run, 'advanceWidth', { value: run.advanceWidth, configurable: true });
    }
    if (runs.size >= MAX_RUNS_PER_FONT) runs.clear();
    runs.set(text, run);
  }
  return run;
}

/** Every font's cached words, for the store a build leaves behind (shaped-words-store.ts). */
export const cachedRuns = (): readonly (readonly [ShapingFont & object, ReadonlyMap<string, GlyphRunLike>])[] => allCaches;

/** How many words this thread shaped itself, rather than taking them from a cache or the store. */
export const freshlyShapedCount = (): number => freshlyShaped;

/** Words cached for a fontkit font (for tests). */
export const sharedRunCount = (font: object): number => shared.get(font)?.size ?? 0;

export const embeddedFontClass = (): KitClass<EmbeddedFontLike> => kitClasses().EmbeddedFont as KitClass<EmbeddedFontLike>;

let original: EmbeddedFontLike['layoutCached'] | undefined;

/** Installs the shared cache on pdfkit's EmbeddedFont; idempotent. Throws if pdfkit is not the version we know. */
export function installSharedLayoutCache(target: KitClass<EmbeddedFontLike> = embeddedFontClass()): void {
  const proto = target.prototype;
  if (proto.layoutCached === layoutCached) return;
  expectKnownMethods('pdfkit 0.19.1', target, 'EmbeddedFont', EXPECTED_SOURCE, 'src/write/pdf/engine-patches/shared-layout-cache.ts');
  original = proto.layoutCached;
  proto.layoutCached = layoutCached;
}

/** pdfkit's own layoutCached, for tests that compare it with ours (undefined before install). */
export const originalLayoutCached = (): EmbeddedFontLike['layoutCached'] | undefined => original;

export const sharedLayoutCacheInstalled = (): boolean => embeddedFontClass().prototype.layoutCached === layoutCached;
