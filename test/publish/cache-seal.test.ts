// The seal on the caches a build leaves in output/ (publish/cache-seal.ts):
// only a cache this user's docctl wrote is read; anything else is no cache.
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { afterEach, describe, expect, it } from 'vitest';
import { cacheKey, cacheKeyFile, forgetCacheKey, openSealedCache, sealCache } from '../../src/publish/cache-seal.js';

const key = randomBytes(32);

describe('sealed caches', () => {
  const saved = process.env.XDG_CONFIG_HOME;
  afterEach(() => {
    if (saved === undefined) delete process.env.XDG_CONFIG_HOME;
    else process.env.XDG_CONFIG_HOME = saved;
    forgetCacheKey();
  });

  it('opens what it sealed, and nothing edited, sealed under another key, or unsealed', () => {
    const content = '{"formato":3,"entradas":{}}\n';
    const sealed = sealCache(content, key)!;
    expect(openSealedCache(sealed, key)).toBe(content);
    expect(openSealedCache(sealed.replace('{}', '{"x":1}'), key)).toBeUndefined();
    expect(openSealedCache(sealed, randomBytes(32))).toBeUndefined();
    expect(openSealedCache(content, key)).toBeUndefined();
    expect(openSealedCache(sealed.slice(0, 20), key)).toBeUndefined();
    expect(openSealedCache(undefined, key)).toBeUndefined();
  });

  it('without a key, seals nothing and opens nothing', () => {
    expect(sealCache('x', null)).toBeUndefined();
    expect(openSealedCache(sealCache('x', key), null)).toBeUndefined();
  });

  it('keeps the key in the configuration folder, readable by this user only, the same on every use', () => {
    const config = mkdtempSync(join(tmpdir(), 'docctl-config-'));
    process.env.XDG_CONFIG_HOME = config;
    forgetCacheKey();
    expect(cacheKeyFile()).toBe(join(config, 'docctl', 'clave-de-caches'));
    const first = cacheKey();
    expect(first).toHaveLength(32);
    expect(statSync(cacheKeyFile()).mode & 0o777).toBe(0o600);
    expect(readFileSync(cacheKeyFile(), 'utf8')).toBe(first!.toString('hex'));
    forgetCacheKey();
    expect(cacheKey()!.equals(first!)).toBe(true);
  });

  it('trusts no cache when the key can be neither read nor created', () => {
    // A configuration "folder" that is a file: nothing can be created below it.
    process.env.XDG_CONFIG_HOME = join(mkdtempSync(join(tmpdir(), 'docctl-config-')), 'archivo');
    writeFileSync(process.env.XDG_CONFIG_HOME, 'no es una carpeta');
    forgetCacheKey();
    expect(cacheKey()).toBeNull();
    expect(sealCache('x')).toBeUndefined();
  });
});
