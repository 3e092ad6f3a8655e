// The two shortcuts of src/parse/autolink-literals.ts must never change a
// tree: random Markdown, built from the pieces literal autolinks are made of
// and the syntax around them, parsed with and without the shortcuts, must
// give the same tree, positions included.
import fc from 'fast-check';
import remarkDirective from 'remark-directive';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import { dropEmailLiteralConstruct, mayHoldEmailLiteral, skipIdleLiteralTransform } from '../../src/parse/autolink-literals.js';
import { parseMarkdown } from '../../src/parse/parse-markdown.js';

const reference = unified().use(remarkParse).use(remarkGfm).use(remarkDirective).freeze();
const guarded = unified().use(remarkParse).use(remarkGfm).use(skipIdleLiteralTransform).use(remarkDirective).freeze();
const withoutEmails = unified().use(remarkParse).use(remarkGfm).use(skipIdleLiteralTransform).use(dropEmailLiteralConstruct).use(remarkDirective).freeze();

// Pieces of literal autolinks (in both cases), of near misses, and of the
// syntax that decides whether they are text: links, code, emphasis, lists,
// tables, directives, escapes, entities.
const PIECES = [
  'www.', 'WWW.', 'wWw.', 'www', 'http://', 'https://', 'HTTPS://', 'Http:/', 'https:', 'mailto:', 'xmpp:', 'ftp://',
  'ejemplo', 'gov.co', '.org', 'a.b', '_', '-', '+', '.', ',', ':', '/', '?', '!', ')', '(', '[', ']', '<', '>', '*', '~', '`', '\\', '&amp;', '&#64;', '&commat;',
  ' ', ' ', '\n', '\n\n', '\n- ', '\n1. ', '\n> ', '| a |', '\n|---|\n', '\n```\n', ':::nota\n', '\n:::\n', '[x](https://a.org)', '<https://a.org>', '![i](www.a.org)', '[ref]', '\n[ref]: http://a.org\n', 'juan', 'Ñandú', '7',
] as const;
const markdownArbitrary = (pieces: readonly string[]) => fc.array(fc.constantFrom(...pieces), { maxLength: 40 }).map((parts) => parts.join(''));

const tree = (processor: typeof reference, markdown: string) => JSON.stringify(processor.parse(markdown));

describe('literal autolink shortcuts', () => {
  it('the transform, skipped when no text can hold a literal, gives the same tree as GFM', () => {
    fc.assert(
      fc.property(markdownArbitrary([...PIECES, '@', 'juan@ejemplo.org', 'mailto:ana@a.co']), (markdown) => {
        expect(tree(guarded, markdown)).toBe(tree(reference, markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it('without the email construct, Markdown with no "@" gives the same tree as GFM', () => {
    fc.assert(
      fc.property(markdownArbitrary(PIECES), (markdown) => {
        expect(mayHoldEmailLiteral(markdown)).toBe(false);
        expect(tree(withoutEmails, markdown)).toBe(tree(reference, markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it('the parser is chosen by mayHoldEmailLiteral: the same tree as GFM with "@" too', () => {
    const chosen = (markdown: string) => (mayHoldEmailLiteral(markdown) ? guarded : withoutEmails);
    // Where the email construct matters: it reads "_juan_" as part of an address, not as emphasis.
    expect(tree(withoutEmails, '_juan_@ejemplo.org')).not.toBe(tree(reference, '_juan_@ejemplo.org'));
    fc.assert(
      fc.property(markdownArbitrary([...PIECES, '@', '@ejemplo.org', 'juan@ejemplo.org']), (markdown) => {
        expect(tree(chosen(markdown), markdown)).toBe(tree(reference, markdown));
      }),
      { numRuns: 3000 },
    );
  });

  it('the shortcuts are taken on a real document and links are still found where they are', () => {
    const markdown = 'Escriba a juan@ejemplo.gov.co o visite www.ejemplo.gov.co y https://ejemplo.gov.co/x.\n\nSin enlaces [aquí](http://a.org).';
    expect(tree(withoutEmails, 'www.a.org y https://b.org')).toBe(tree(reference, 'www.a.org y https://b.org'));
    const links: string[] = [];
    const walkLinks = (node: { type: string; url?: string; children?: unknown[] }) => {
      if (node.type === 'link' && node.url) links.push(node.url);
      for (const child of node.children ?? []) walkLinks(child as typeof node);
    };
    walkLinks(parseMarkdown(markdown));
    expect(links).toEqual(['mailto:juan@ejemplo.gov.co', 'http://www.ejemplo.gov.co', 'https://ejemplo.gov.co/x', 'http://a.org']);
  });
});
