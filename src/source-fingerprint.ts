// Every place docctl replaces or skips a library's code for speed first
// checks that the library's code is the one the replacement was written
// against: an upgrade that changes it fails loudly instead of changing output.
import { createHash } from 'node:crypto';

/** sha256 (first 16 hex digits) of a function's source, to recognise the library code a patch was written for. */
export const sourceFingerprint = (fn: unknown): string => createHash('sha256').update(String(fn)).digest('hex').slice(0, 16);
