// Which link targets documents may carry: http(s), mailto and relative
// addresses — in every edition. The check parses the address exactly as a
// browser would (the WHATWG URL parser drops tabs and newlines, so
// "java\tscript:" is still javascript:), then looks at the scheme it ended
// up with.
const ALLOWED = new Set(['http:', 'https:', 'mailto:']);
const BASE = 'https://relativo.invalid/';

export function isSafeUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url, BASE);
  } catch {
    return false;
  }
  return ALLOWED.has(parsed.protocol);
}
