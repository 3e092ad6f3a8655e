// Plain-text data values (titles, names, norm details…) are escaped before a
// template sees them, so a value can never inject Markdown structure: a name
// with "*" or "|" prints literally, "1. algo" is not a list, ":x" is not a
// directive, "<b>" is text. CommonMark lets any ASCII punctuation be escaped
// with a backslash and parses it back to the character itself, so escaping
// every punctuation character that could mean something is both safe and
// lossless (tested as a round trip).

const MARKDOWN_PUNCTUATION = /[\\`*_{}[\]<>()#+\-.!|~:&=^$"']/g;

/** Escapes one line of plain text for use inside Markdown. Whitespace runs fold to one space. */
export function escapeMarkdown(value: string): string {
  return value.replace(/\s+/g, ' ').trim().replace(MARKDOWN_PUNCTUATION, (char) => `\\${char}`);
}
