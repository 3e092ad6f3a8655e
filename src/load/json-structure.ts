// What JSON.parse does not say about a data file: how deep its objects and
// arrays nest (a file nested 100,000 levels deep parses, then overflows the
// stack of everything that walks it), and keys written twice in one object
// (JSON.parse keeps the last silently: "clasificacion" twice would drop a
// reserved classification). One linear scan finds both, without recursion,
// so it is safe on any text; it runs before anything else walks the file.

export interface DuplicateKey {
  readonly key: string;
  /** Offset of the repeated key's opening quote. */
  readonly offset: number;
  /** Offset of the first occurrence's opening quote. */
  readonly firstOffset: number;
}

export interface JsonStructure {
  /** Offset of the first bracket that nests deeper than allowed. */
  readonly tooDeepAt?: number;
  readonly duplicates: readonly DuplicateKey[];
}

interface Frame {
  readonly keys: Map<string, number> | undefined;
  expectKey: boolean;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;

/** The offset of the quote closing the string opened at `start`, or the text's length. */
function stringEnd(text: string, start: number): number {
  let at = start + 1;
  for (;;) {
    const quote = text.indexOf('"', at);
    if (quote < 0) return text.length;
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    at = quote + 1;
  }
}

function keyText(text: string, start: number, end: number): string {
  const raw = text.slice(start + 1, end);
  if (!raw.includes('\\')) return raw;
  try {
    return JSON.parse(text.slice(start, end + 1)) as string;
  } catch {
    return raw;
  }
}

/** The characters that matter outside strings; everything else (spaces, numbers, literals) is skipped in one step. */
const STRUCTURAL = /["{}[\],]/g;

export function scanJsonStructure(text: string, maxDepth: number): JsonStructure {
  const stack: Frame[] = [];
  const duplicates: DuplicateKey[] = [];
  const structural = new RegExp(STRUCTURAL);
  for (let match = structural.exec(text); match; match = structural.exec(text)) {
    const i = match.index;
    const c = text.charCodeAt(i);
    const top = stack[stack.length - 1];
    if (c === QUOTE) {
      const end = stringEnd(text, i);
      if (top?.keys && top.expectKey) {
        const key = keyText(text, i, end);
        const first = top.keys.get(key);
        if (first === undefined) top.keys.set(key, i);
        else duplicates.push({ key, offset: i, firstOffset: first });
        top.expectKey = false;
      }
      structural.lastIndex = end + 1;
    } else if (c === 0x7b /* { */ || c === 0x5b /* [ */) {
      if (stack.length >= maxDepth) return { tooDeepAt: i, duplicates };
      stack.push({ keys: c === 0x7b ? new Map() : undefined, expectKey: c === 0x7b });
    } else if (c === 0x7d /* } */ || c === 0x5d /* ] */) {
      stack.pop();
    } else if (top?.keys) {
      top.expectKey = true; // a comma in an object: a key comes next
    }
  }
  return { duplicates };
}
