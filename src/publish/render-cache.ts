// A build skips a draft whose inputs have not changed since its files were
// written, without even preparing it. The key is a hash of every input a
// rendering depends on, read as bytes: the program itself, the templates,
// the norm catalog, the entity (its file and logo), the document's file and
// the Markdown files it names. Approved versions are archived once and never
// rendered again; for them the cache keeps the hash of their content, so the
// check that archived content was not edited needs no rendering either.
// The cache is one file; deleting it only costs time.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ValidSection } from '../validate/rules.js';
import { writeFileIfChanged } from './atomic-write.js';

const CACHE_FILE = '.docctl-cache.json';
/** Bumped when the entries change shape: an older cache is then ignored. */
const CACHE_FORMAT = 2;

/** Hashes every file below `dir` whose name passes `include`, names and bytes, in a stable order. */
export function hashFolder(dir: string, include: (name: string) => boolean): string {
  const hash = createHash('sha256');
  const walk = (folder: string) => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (include(name)) hash.update(`${name}\0`).update(readFileSync(path)).update('\0');
    }
  };
  if (existsSync(dir)) walk(dir);
  return hash.digest('hex');
}

let programFingerprint: string | undefined;

/**
 * A hash of the program: its own files, and the exact versions of its
 * libraries (package-lock.json), so a new docctl, or a new pdfmake with other
 * fonts, renders drafts again.
 */
export function programHash(): string {
  if (programFingerprint) return programFingerprint;
  const code = dirname(dirname(fileURLToPath(import.meta.url)));
  const lock = join(dirname(code), 'package-lock.json');
  programFingerprint = createHash('sha256')
    .update(hashFolder(code, (name) => /\.(js|ts)$/.test(name)))
    .update(existsSync(lock) ? readFileSync(lock) : '')
    .digest('hex');
  return programFingerprint;
}

export interface DocumentInputs {
  /** Program, templates and catalog: what every document shares. */
  readonly shared: string;
  readonly entityText: string;
  readonly logo: Uint8Array;
  readonly documentText: string;
  readonly sections: readonly ValidSection[];
}

export function sharedInputsHash(templatesDir: string, catalogText: string): string {
  return createHash('sha256').update(programHash()).update(hashFolder(templatesDir, () => true)).update(catalogText).digest('hex');
}

export function inputKey(inputs: DocumentInputs): string {
  const hash = createHash('sha256').update(inputs.shared).update('\0').update(inputs.entityText).update('\0').update(inputs.logo).update('\0').update(inputs.documentText);
  // Markdown named by "archivo" lives outside the JSON; "contenido" is in the
  // document's text already (a JSON path says so), and is not hashed twice.
  const addSections = (sections: readonly ValidSection[]) => {
    for (const section of sections) {
      hash.update('\0');
      if (section.markdown && !section.markdown.jsonPath) hash.update(section.markdown.text);
      addSections(section.secciones);
    }
  };
  addSections(inputs.sections);
  return hash.digest('hex');
}

export interface CacheEntry {
  /** inputKey of what the files in the slot were rendered from. */
  readonly entrada: string;
  /** SHA-256 of the Markdown rendered from those inputs. */
  readonly contenido: string;
}

/** The site as last written: the key of its inputs (site-key.ts) and its files, relative to output/. */
export interface SiteEntry {
  readonly entrada: string;
  readonly archivos: readonly string[];
}

interface CacheFile {
  formato?: number;
  entradas?: Record<string, CacheEntry>;
  sitio?: SiteEntry;
}

export class RenderCache {
  private readonly entries: Record<string, CacheEntry>;
  private site: SiteEntry | undefined;
  constructor(private readonly outputDir: string) {
    let file: CacheFile = {};
    try {
      file = JSON.parse(readFileSync(join(outputDir, CACHE_FILE), 'utf8')) as CacheFile;
    } catch {
      file = {}; // missing or damaged: start over
    }
    const usable = file && typeof file === 'object' && file.formato === CACHE_FORMAT;
    this.entries = usable && file.entradas && typeof file.entradas === 'object' ? file.entradas : {};
    this.site = usable && file.sitio && Array.isArray(file.sitio.archivos) ? file.sitio : undefined;
  }

  /** True when the site was written from exactly these inputs and all its files are still there. */
  siteIsFresh(key: string): boolean {
    return this.site?.entrada === key && this.site.archivos.every((file) => existsSync(join(this.outputDir, file)));
  }

  rememberSite(entry: SiteEntry): void {
    this.site = entry;
  }

  /** The entry for a slot when it was made from exactly these inputs. */
  lookup(slot: string, key: string): CacheEntry | undefined {
    const entry = this.entries[slot];
    return entry && entry.entrada === key && typeof entry.contenido === 'string' ? entry : undefined;
  }

  /** True when the slot holds files rendered from exactly these inputs, and they are all still there. */
  isFresh(slot: string, key: string, files: readonly string[]): boolean {
    return this.lookup(slot, key) !== undefined && files.every((file) => existsSync(file));
  }

  remember(slot: string, entry: CacheEntry): void {
    this.entries[slot] = entry;
  }

  /** Writes the cache when it changed: a build that changed nothing leaves it untouched. */
  save(): void {
    const file: CacheFile = { formato: CACHE_FORMAT, entradas: this.entries, sitio: this.site };
    writeFileIfChanged(join(this.outputDir, CACHE_FILE), `${JSON.stringify(file, null, 1)}\n`);
  }
}
