// GFM's literal autolinks (www.example.org, https://example.org,
// juan@example.org) are looked for in two places, each of which can only
// find something when the text holds a few characters. Both are skipped
// when those characters are absent, so the tree is the same either way
// (test/parse/autolink-literals.test.ts parses random Markdown both ways):
//
// - micromark's email construct is tried at the start of every word and
//   reads the whole word before it fails at the first character that is not
//   '@'. It succeeds only past an '@', so Markdown without '@' is parsed by
//   a second parser without it (dropEmailLiteralConstruct).
// - mdast-util-gfm-autolink-literal's transform walks the whole tree four
//   times (unist-util-visit-parents: a closure and an ancestors array per
//   node), once for each of its regular expressions. Each of them needs
//   'http://', 'https://' or 'www.' (in any case), or '@', in the value of a
//   text node outside links; when no such text node holds one, it is not
//   run (skipIdleLiteralTransform). The test is on the tree, not the source:
//   the legal framework links to every norm it cites, with the address as
//   the link's text.
//
// Measured on the seeds and twenty corpus documents (medians of twelve
// passes, the parse alone): 98.7 ms a document as GFM does it, 94.4 ms with
// the transform skipped, 78.2 ms with both.
//
// Both check the library code they rely on, by the fingerprint of its source.
import type { Root } from 'mdast';
import type { Processor } from 'unified';
import { expectKnownSource } from '../source-fingerprint.js';
import { EXIT, SKIP, walk } from './walk.js';

/** What every literal autolink the transform finds holds: 'http://', 'https://' or 'www.' (the address expression), or '@' (the other three). */
const MAY_HOLD_LITERAL = /@|https?:\/\/|www\./i;

/** Whether micromark's email construct can succeed anywhere in this Markdown. */
export const mayHoldEmailLiteral = (markdown: string): boolean => markdown.includes('@');

/**
 * sha256 (first 16 hex digits) of the library functions relied on:
 * micromark-extension-gfm-autolink-literal 2.1.0 (its published build, and
 * its development build, which vitest loads through the "development"
 * export condition) and mdast-util-gfm-autolink-literal 2.1.0.
 */
const EXPECTED_SOURCE = {
  tokenizeEmailAutolink: ['128bf7166f8169ae', 'f4dd615786b93659'],
  transformGfmAutolinkLiterals: ['c4f97ed7971ef99a'],
} as const;

interface Construct {
  readonly name?: string;
  readonly tokenize: unknown;
}
type ConstructRecord = Record<string, Construct | readonly Construct[] | undefined>;
interface SyntaxExtension {
  readonly text?: ConstructRecord;
}
type Transform = (tree: Root) => Root | undefined | void;
interface FromMarkdownExtension {
  readonly transforms?: readonly Transform[];
}
type FromMarkdownExtensions = readonly (FromMarkdownExtension | FromMarkdownExtensions)[];

function expectSource(fn: unknown, name: keyof typeof EXPECTED_SOURCE): void {
  expectKnownSource(fn, EXPECTED_SOURCE[name], `GFM's ${name}`, 'micromark-extension-gfm-autolink-literal 2.1.0, mdast-util-gfm-autolink-literal 2.1.0', 'src/parse/autolink-literals.ts');
}

/** A remark plugin, used after remark-gfm: its email autolink construct removed. For Markdown without '@' only. */
export function dropEmailLiteralConstruct(this: Processor): void {
  const data = this.data() as { micromarkExtensions?: SyntaxExtension[] };
  let dropped = 0;
  data.micromarkExtensions = (data.micromarkExtensions ?? []).map((extension) => {
    if (!extension.text) return extension;
    const text: ConstructRecord = {};
    for (const [code, constructs] of Object.entries(extension.text)) {
      const kept = ([] as Construct[]).concat(constructs ?? []).filter((construct) => {
        if (construct.name !== 'emailAutolink') return true;
        expectSource(construct.tokenize, 'tokenizeEmailAutolink');
        dropped++;
        return false;
      });
      if (kept.length > 0) text[code] = kept;
    }
    return { ...extension, text };
  });
  if (dropped === 0) throw new Error('internal: remark-gfm added no email autolink construct; check src/parse/autolink-literals.ts');
}

/** Whether any text node the transform looks at (none inside a link or a link reference) can hold a literal autolink. */
function anyTextMayHoldLiteral(tree: Root): boolean {
  let found = false;
  walk(tree, (node) => {
    if (node.type === 'link' || node.type === 'linkReference') return SKIP;
    if (node.type !== 'text' || !MAY_HOLD_LITERAL.test(node.value)) return undefined;
    found = true;
    return EXIT;
  });
  return found;
}

/** A remark plugin, used after remark-gfm: its literal autolink transform runs only when a text node can hold one. */
export function skipIdleLiteralTransform(this: Processor): void {
  const data = this.data() as { fromMarkdownExtensions?: FromMarkdownExtensions };
  let guarded = 0;
  const guard = (transform: Transform): Transform => {
    if (transform.name !== 'transformGfmAutolinkLiterals') return transform;
    expectSource(transform, 'transformGfmAutolinkLiterals');
    guarded++;
    return (tree) => (anyTextMayHoldLiteral(tree) ? transform(tree) : tree);
  };
  const rewrite = (extensions: FromMarkdownExtensions): FromMarkdownExtensions =>
    extensions.map((extension) => (isList(extension) ? rewrite(extension) : extension.transforms ? { ...extension, transforms: extension.transforms.map(guard) } : extension));
  data.fromMarkdownExtensions = rewrite(data.fromMarkdownExtensions ?? []);
  if (guarded !== 1) throw new Error(`internal: remark-gfm added ${guarded} literal autolink transforms, not 1; check src/parse/autolink-literals.ts`);
}

const isList = (extension: FromMarkdownExtension | FromMarkdownExtensions): extension is FromMarkdownExtensions => Array.isArray(extension);
