// pdfmake resolves every style property of every run of text (font, bold,
// fontSize, color… some twenty per run) by walking its style stack. Its
// StyleContextStack.getProperty builds a closure, and for every named style
// on the stack a `new Set()`, on each call; getStyleProperty wraps each call
// in push, another closure and pop. A profile of the 29-page seed policy
// spent about 95 ms of a ~500 ms render there, plus the garbage collection
// it causes. The replacements below compute exactly the same values (same
// order: the item's own value, its named styles from last to first, then the
// stack from the top, then the default style; `extends` followed from the
// last parent to the first, each style visited once) without allocating,
// except a Set for cycle protection when a style actually uses `extends`.
//
// The methods are swapped on pdfmake's class, so both the real render and
// measure.ts use them. The install checks the source of what it replaces, so
// an upgrade of pdfmake that changes these methods fails loudly (re-check the
// semantics, then update the fingerprints) instead of silently diverging.
import { createRequire } from 'node:module';
import { expectKnownSource } from '../../../source-fingerprint.js';

const require = createRequire(import.meta.url);

type StyleDictionary = Record<string, Record<string, unknown> | undefined>;

export interface StyleStack {
  styleDictionary: StyleDictionary;
  defaultStyle?: Record<string, unknown>;
  styleOverrides?: unknown[];
  getProperty(property: string): unknown;
}

export interface StyleContextStackClass {
  new (styleDictionary: StyleDictionary, defaultStyle?: Record<string, unknown>): StyleStack;
  prototype: StyleStack;
  getStyleProperty(item: unknown, stack: StyleStack | undefined | null, property: string, defaultValue: unknown): unknown;
}

/** pdfmake's own class (the CommonJS build pdfmake's index.js loads). */
export const StyleContextStack = (require('pdfmake/js/StyleContextStack.js') as { default: StyleContextStackClass }).default;

/** sha256 (first 16 hex digits) of the source of each replaced method, as shipped in pdfmake 0.3.11. */
const EXPECTED_SOURCE: Readonly<Record<'getProperty' | 'getStyleProperty', string>> = {
  getProperty: '1f44d5be2de5a5d4',
  getStyleProperty: 'ca42470130b7e9d1',
};

const isValue = (value: unknown): boolean => value !== undefined && value !== null;
// pdfmake's isString: string primitives and String objects.
const isString = (value: unknown): value is string => typeof value === 'string' || value instanceof String;

/**
 * A property of a named style, following `extends`. `visited` is created
 * only when a style extends another, and then shared by the whole lookup,
 * as pdfmake's one Set per named-style lookup is.
 */
function fromNamedStyle(dictionary: StyleDictionary, name: string, property: string, visited: Set<unknown> | undefined): unknown {
  if (visited) {
    if (visited.has(name)) return undefined;
    visited.add(name);
  }
  const style = dictionary[name];
  if (!style) return undefined;
  const own = style[property];
  if (isValue(own)) return own;
  const parents = style.extends;
  if (parents) {
    const seen = visited ?? new Set<unknown>([name]);
    const list = Array.isArray(parents) ? (parents as string[]) : [parents as string];
    for (let i = list.length - 1; i >= 0; i--) {
      const value = fromNamedStyle(dictionary, list[i]!, property, seen);
      if (isValue(value)) return value;
    }
  }
  return undefined;
}

/** A property of the named style `name`, following `extends`, as pdfmake's stack reads it. */
export const namedStyleValue = (dictionary: StyleDictionary, name: string, property: string): unknown =>
  fromNamedStyle(dictionary, name, property, undefined);

/** What one entry of the stack (a style name or an overrides object) says about `property`. */
function entryValue(dictionary: StyleDictionary, entry: unknown, property: string): unknown {
  return isString(entry) ? fromNamedStyle(dictionary, entry, property, undefined) : (entry as Record<string, unknown>)[property];
}

/** Replacement for StyleContextStack.prototype.getProperty. */
export function getProperty(this: StyleStack, property: string): unknown {
  const overrides = this.styleOverrides;
  if (overrides) {
    for (let i = overrides.length - 1; i >= 0; i--) {
      const value = entryValue(this.styleDictionary, overrides[i], property);
      if (isValue(value)) return value;
    }
  }
  return this.defaultStyle && this.defaultStyle[property];
}

/**
 * Replacement for the static StyleContextStack.getStyleProperty. pdfmake
 * pushes the item's style names and the item itself, asks the stack, and pops
 * them again; the item's own value was already checked, so reading its style
 * names (last first) and then the unchanged stack gives the same answer.
 */
export function getStyleProperty(item: unknown, stack: StyleStack | undefined | null, property: string, defaultValue: unknown): unknown {
  const own = (item as Record<string, unknown>)[property];
  if (isValue(own)) return own;
  if (!stack) return defaultValue;
  let value: unknown;
  // pdfmake's autopush pushes nothing for a string or a section node.
  const node = item as { section?: unknown; style?: unknown };
  if (!isString(item) && typeof node.section === 'undefined' && node.style) {
    const names = Array.isArray(node.style) ? (node.style as unknown[]) : [node.style];
    for (let i = names.length - 1; i >= 0 && !isValue(value); i--) value = entryValue(stack.styleDictionary, names[i], property);
  }
  if (!isValue(value)) value = stack.getProperty(property);
  return isValue(value) ? value : defaultValue;
}

export interface OriginalStyleLookup {
  readonly getProperty: StyleStack['getProperty'];
  readonly getStyleProperty: StyleContextStackClass['getStyleProperty'];
}

let original: OriginalStyleLookup | undefined;

/** Swaps pdfmake's style lookup for ours; idempotent. Throws if pdfmake's methods are not the ones we know. */
export function installStyleLookup(target: StyleContextStackClass = StyleContextStack): void {
  if (target.prototype.getProperty === getProperty && target.getStyleProperty === getStyleProperty) return;
  const found = { getProperty: target.prototype.getProperty, getStyleProperty: target.getStyleProperty };
  for (const [name, fn] of Object.entries(found) as [keyof typeof EXPECTED_SOURCE, unknown][]) {
    expectKnownSource(fn, EXPECTED_SOURCE[name], `pdfmake's StyleContextStack.${name}`, 'pdfmake 0.3.11', 'src/write/pdf/engine-patches/style-lookup.ts');
  }
  original = found;
  target.prototype.getProperty = getProperty;
  target.getStyleProperty = getStyleProperty;
}

/** pdfmake's own methods, for tests that compare them with ours (undefined before install). */
export const originalStyleLookup = (): OriginalStyleLookup | undefined => original;

export const styleLookupInstalled = (): boolean =>
  StyleContextStack.prototype.getProperty === getProperty && StyleContextStack.getStyleProperty === getStyleProperty;
