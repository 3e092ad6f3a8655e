// The two caches a build leaves in output/ (.docctl-cache.json, which lets a
// build skip a draft or the site, and .docctl-palabras.json, the words the
// PDF writer shaped) must never change what a build writes: a build with
// any cache, damaged or written by someone else, must give the same bytes
// as a build without one (issue 16, item 8).
//
// Their content cannot be checked against the inputs: every hash in them
// (of the program, the inputs, the fonts) is one anyone can compute, so
// whoever can write output/ could write a cache that says a changed draft is
// fresh, or one whose words are drawn at other widths; re-deriving what they
// hold to check it would cost what they save. So each cache is sealed with
// an HMAC-SHA256 under a random key that never enters output/: it lives in
// the user's configuration folder ($XDG_CONFIG_HOME/docctl, else
// ~/.config/docctl), created on first use, readable by that user only. A
// cache whose seal does not verify (damaged, edited, copied from another
// machine or user, written by an older docctl) is ignored, as if missing.
// When the key cannot be read or created, no cache is trusted or written:
// builds are slower, never different.
//
// What is left: someone who can write the key file can also replace docctl
// itself; a replayed cache this user once wrote is sealed, so what a cache
// says about files is checked against their SHA-256 (render-cache.ts).
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';

const KEY_BYTES = 32;
const KEY_FILE = 'clave-de-caches';
/** First line of a sealed cache: this marker and the hex HMAC of the rest. */
const SEAL_PREFIX = 'docctl-sello-1 ';

/** Where the key lives: the user's configuration folder, never the project or output/. */
export function cacheKeyFile(env: NodeJS.ProcessEnv = process.env): string {
  const config = env.XDG_CONFIG_HOME && env.XDG_CONFIG_HOME.startsWith('/') ? env.XDG_CONFIG_HOME : join(homedir(), '.config');
  return join(config, 'docctl', KEY_FILE);
}

let key: Buffer | null | undefined;

/** This user's key, created on first use; null when it can be neither read nor created. */
export function cacheKey(): Buffer | null {
  if (key !== undefined) return key;
  const file = cacheKeyFile();
  key = readKey(file);
  if (key === null) {
    try {
      mkdirSync(join(file, '..'), { recursive: true, mode: 0o700 });
      // 'wx': two builds starting at once cannot each write a key of their own.
      writeFileSync(file, randomBytes(KEY_BYTES).toString('hex'), { flag: 'wx', mode: 0o600 });
    } catch {
      // Another build created it first, or the folder is read-only: read what is there.
    }
    key = readKey(file);
  }
  return key;
}

function readKey(file: string): Buffer | null {
  try {
    const text = readFileSync(file, 'utf8').trim();
    return /^[0-9a-f]{64}$/.test(text) ? Buffer.from(text, 'hex') : null;
  } catch {
    return null;
  }
}

const mac = (secret: Buffer, text: string) => createHmac('sha256', secret).update(text, 'utf8').digest('hex');

/** The text to write for a cache's content; undefined when there is no key (write no cache). */
export function sealCache(content: string, secret: Buffer | null = cacheKey()): string | undefined {
  if (!secret) return undefined;
  return `${SEAL_PREFIX}${mac(secret, content)}\n${content}`;
}

/** A cache file's content if its seal verifies under this user's key; otherwise undefined. */
export function openSealedCache(text: string | undefined, secret: Buffer | null = cacheKey()): string | undefined {
  if (!secret || text === undefined || !text.startsWith(SEAL_PREFIX)) return undefined;
  const newline = text.indexOf('\n');
  if (newline < 0) return undefined;
  const seal = Buffer.from(text.slice(SEAL_PREFIX.length, newline), 'utf8');
  const content = text.slice(newline + 1);
  const expected = Buffer.from(mac(secret, content), 'utf8');
  return seal.length === expected.length && timingSafeEqual(seal, expected) ? content : undefined;
}

/** For tests: forget the key read, so the next use reads the (possibly new) key file. */
export function forgetCacheKey(): void {
  key = undefined;
}
