// Every place docctl replaces or skips a library's code for speed first
// checks that the library's code is the one the replacement was written
// against: an upgrade that changes it fails loudly instead of changing output.
import { createHash } from 'node:crypto';

/** sha256 (first 16 hex digits) of a function's source, to recognise the library code a patch was written for. */
export const sourceFingerprint = (fn: unknown): string => createHash('sha256').update(String(fn)).digest('hex').slice(0, 16);

/**
 * Throws an internal error unless `fn` is a function whose source has one of
 * the `accepted` fingerprints. `what` names it ("pdfmake's TextInlines.measure"),
 * `library` the version the patch was written for, `patch` the file to check.
 */
export function expectKnownSource(fn: unknown, accepted: string | readonly string[], what: string, library: string, patch: string): void {
  const known: readonly string[] = typeof accepted === 'string' ? [accepted] : accepted;
  if (typeof fn !== 'function' || !known.includes(sourceFingerprint(fn))) {
    throw new Error(`internal: ${what} is not the version docctl was written against (${library}); check ${patch} against the new implementation before upgrading`);
  }
}
