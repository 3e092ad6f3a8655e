// Drafts are rewritten by every build; this cache lets a build skip a draft
// whose inputs have not changed since its files were written. The key hashes
// everything a rendering depends on: the Markdown (data, catalog and
// templates went into it), the identity beside it (entity, logo, dates) and
// the program itself. The cache is one file; deleting it only costs time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RenderedDocument } from '../model/document-context.js';
import { writeFileAtomic } from './atomic-write.js';

const CACHE_FILE = '.docctl-cache.json';

let programFingerprint: string | undefined;

/** A hash of the program's own files, so a new docctl re-renders drafts. */
function program(): string {
  if (programFingerprint) return programFingerprint;
  const hash = createHash('sha256');
  const root = dirname(dirname(fileURLToPath(import.meta.url)));
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(js|ts)$/.test(name)) hash.update(name).update(readFileSync(path));
    }
  };
  walk(root);
  programFingerprint = hash.digest('hex');
  return programFingerprint;
}

export function renderKey(doc: RenderedDocument): string {
  const { entity, ...rest } = doc.context;
  const { logo, ...entityRest } = entity;
  return createHash('sha256')
    .update(program())
    .update(doc.markdown)
    .update(JSON.stringify({ ...rest, entity: entityRest }))
    .update(logo.bytes)
    .digest('hex');
}

export class RenderCache {
  private readonly entries: Record<string, string>;
  constructor(private readonly outputDir: string) {
    let entries: Record<string, string> = {};
    try {
      entries = JSON.parse(readFileSync(join(outputDir, CACHE_FILE), 'utf8')) as Record<string, string>;
    } catch {
      entries = {}; // missing or damaged: start over
    }
    this.entries = entries;
  }

  /** True when the folder holds files rendered from exactly these inputs. */
  isFresh(slot: string, key: string, files: readonly string[]): boolean {
    return this.entries[slot] === key && files.every((file) => existsSync(file));
  }

  remember(slot: string, key: string): void {
    this.entries[slot] = key;
  }

  save(): void {
    writeFileAtomic(join(this.outputDir, CACHE_FILE), `${JSON.stringify(this.entries, null, 1)}\n`);
  }
}
