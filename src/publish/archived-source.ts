// What an archived version was rendered from — its Markdown and the identity
// beside it — kept in the archive as fuente.json. The site publishes the
// version in force from here, not from the data: once a new draft is open,
// the data describes the draft, and the approved text must stay online.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Root } from 'mdast';
import { isMainThread } from 'node:worker_threads';
import type { DocumentContext, LogoImage, RenderedDocument } from '../model/document-context.js';
import { frameValuesOfContext } from '../model/build-context.js';
import { DEFAULT_FORMAT, formatHash } from '../model/format.js';
import { buildFrame } from '../model/frame.js';
import { parseMarkdown } from '../parse/parse-markdown.js';
import { SOURCE_NAME } from '../archive/paths.js';

export { SOURCE_NAME };

/** A figure as fuente.json keeps it: its bytes in base64. */
interface StoredFigure {
  readonly mime: LogoImage['mime'];
  readonly width: number;
  readonly height: number;
  readonly base64: string;
}

export function archivedSourceBytes(doc: RenderedDocument): Uint8Array {
  const { entity, figures, ...rest } = doc.context;
  // The images are files of the entity, like the logo: not copied into the record.
  const { logo: _logo, images: _images, ...entityWithoutLogo } = entity;
  // The figures are part of the approved text: the record keeps them, so the
  // site can publish the version in force after they change in data/.
  const stored = Object.keys(figures).length === 0 ? {} : { figures: Object.fromEntries(Object.entries(figures).map(([name, image]) => [name, storedFigure(image)])) };
  const source = { markdown: doc.markdown, context: { ...rest, ...stored, entity: entityWithoutLogo, timestamp: rest.timestamp.toISOString() } };
  return Buffer.from(`${JSON.stringify(source, null, 1)}\n`, 'utf8');
}

const storedFigure = (image: LogoImage): StoredFigure => ({ mime: image.mime, width: image.width, height: image.height, base64: Buffer.from(image.bytes).toString('base64') });
const figureOf = (stored: StoredFigure): LogoImage => ({ mime: stored.mime, width: stored.width, height: stored.height, bytes: new Uint8Array(Buffer.from(stored.base64, 'base64')) });

// The site publishes a version right after the build archived it, from its
// fuente.json; parsing its Markdown again cost ~85 ms per 26-page document,
// and the render job in this thread had just parsed the very same text. So
// the main thread keeps the trees of the last few approved versions it
// rendered, by their Markdown: parsing is deterministic, and no writer
// changes a tree (the site tests compare a site built from kept trees with
// one built from the archive alone). Few, because a tree is several MB.
const RECENT_TREES = 4;
const recentTrees = new Map<string, Root>();

/** Keeps an approved version's tree for the site of this build (main thread only: the site is built there). */
export function keepTreeForSite(doc: RenderedDocument): void {
  if (!isMainThread) return;
  recentTrees.delete(doc.markdown);
  recentTrees.set(doc.markdown, doc.tree);
  if (recentTrees.size > RECENT_TREES) recentTrees.delete(recentTrees.keys().next().value!);
}

/** The archived rendering of a version, with today's logo of the entity, or undefined for an older archive without it. */
export function readArchivedSource(versionDir: string, logo: LogoImage): RenderedDocument | undefined {
  const path = join(versionDir, SOURCE_NAME);
  if (!existsSync(path)) return undefined;
  const source = JSON.parse(readFileSync(path, 'utf8')) as {
    markdown: string;
    context: Omit<DocumentContext, 'timestamp' | 'entity' | 'frame' | 'formatHash' | 'figures'> & {
      timestamp: string;
      figures?: Record<string, StoredFigure>;
      entity: Omit<DocumentContext['entity'], 'logo' | 'images'>;
      frame?: DocumentContext['frame'];
      formatHash?: string;
    };
  };
  const figures = Object.fromEntries(Object.entries(source.context.figures ?? {}).map(([name, stored]) => [name, figureOf(stored)]));
  const base = { ...source.context, figures, timestamp: new Date(source.context.timestamp), entity: { ...source.context.entity, logo, images: {} } };
  // Versions archived before formats existed were drawn with what is now the default format.
  const context: DocumentContext = {
    ...base,
    frame: source.context.frame ?? buildFrame(DEFAULT_FORMAT, frameValuesOfContext(base, DEFAULT_FORMAT)),
    formatHash: source.context.formatHash ?? formatHash(DEFAULT_FORMAT),
  };
  const tree = recentTrees.get(source.markdown) ?? parseMarkdown(source.markdown, { numbering: context.frame.numbering });
  return { context, tree, markdown: source.markdown };
}
