// A build skips a draft whose inputs have not changed since its files were
// written, without even preparing it. The key is a hash of every input a
// rendering depends on, read as bytes: the program itself, the templates,
// the norm catalog, the entity (its file and logo), the document's file and
// the Markdown files it names. Approved versions are archived once and never
// rendered again; for them the cache keeps the hash of their content, so the
// check that archived content was not edited needs no rendering either.
// The cache is one file; deleting it only costs time.
//
// Whoever can write output/ could write a cache saying a changed draft, or
// the site, is fresh (every key in it is a hash anyone can compute), and the
// build would leave stale files to be published. So the file is sealed
// (cache-seal.ts) and one that does not verify is no cache; and since a
// sealed cache can be put back after its files changed, what it says about
// files is checked: each entry keeps the SHA-256 of the files it covers, and
// a slot or the site is fresh only if every file still has it.
//
// Hashing every file of a large output/ was most of a build that changed
// nothing (about 100 MB for 200 documents), so each file's entry also keeps
// its stat signature taken once it was in place: device, inode, size, and
// modification and change times to the nanosecond. A file whose signature is
// unchanged is the file written; any other is hashed. The change time
// (ctime) is what makes this hold against someone who can write output/: the
// kernel sets it on every write, rename or utimes and no user can set it
// back, so a file rewritten, copied back (cp -a, rsync -t) or renamed into
// place has another one. On a file system without sub-second times a write
// within the same second could keep it: there the signature is not trusted
// (a ctime of a whole second) and the file is hashed, as before.
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, type BigIntStats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { openSealedCache, sealCache } from './cache-seal.js';
import { fileURLToPath } from 'node:url';
import type { ValidSection } from '../validate/rules.js';
import { writeFileIfChanged } from './atomic-write.js';
import { CACHE_FILE } from './output-paths.js';

/** Bumped when the entries change shape: an older cache is then ignored. */
const CACHE_FORMAT = 4;

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
  /** SHA-256 of each file written into the slot, by file name (drafts only). */
  readonly archivos?: Readonly<Record<string, string>>;
  /** Stat signature of each of those files once in place, by file name (see the header). */
  readonly firmas?: Readonly<Record<string, string>>;
}

/** The site as last written: the key of its inputs (publish-site.ts siteKey) and the SHA-256 of its files, by path relative to output/. */
export interface SiteEntry {
  readonly entrada: string;
  readonly archivos: Readonly<Record<string, string>>;
  readonly firmas?: Readonly<Record<string, string>>;
}

const fileSha256 = (file: string): string | undefined => {
  try {
    return createHash('sha256').update(readFileSync(file)).digest('hex');
  } catch {
    return undefined;
  }
};

const statOf = (file: string): BigIntStats | undefined => {
  try {
    return statSync(file, { bigint: true });
  } catch {
    return undefined;
  }
};

const NS_PER_SECOND = 1_000_000_000n;

/** A regular file's stat signature; undefined when its change time has no sub-second part (see the header). */
export function statSignature(file: string): string | undefined {
  const stat = statOf(file);
  if (!stat?.isFile() || stat.ctimeNs % NS_PER_SECOND === 0n) return undefined;
  return `${stat.dev}:${stat.ino}:${stat.size}:${stat.mtimeNs}:${stat.ctimeNs}`;
}

/** True when the file is the one recorded: its signature unchanged, or else its bytes. */
function isAsWritten(file: string, sha256: unknown, signature: unknown): boolean {
  if (typeof sha256 !== 'string') return false;
  if (typeof signature === 'string' && statSignature(file) === signature) return true;
  return fileSha256(file) === sha256;
}

/** The stat signature of each file, keyed like `names`; files without one are left out. */
function signatures(entries: readonly [key: string, path: string][]): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [key, path] of entries) {
    const signature = statSignature(path);
    if (signature !== undefined) found[key] = signature;
  }
  return found;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

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
      const content = openSealedCache(readFileSync(join(outputDir, CACHE_FILE), 'utf8'));
      if (content !== undefined) file = JSON.parse(content) as CacheFile;
    } catch {
      file = {}; // missing or damaged: start over
    }
    const usable = isRecord(file) && file.formato === CACHE_FORMAT;
    this.entries = usable && isRecord(file.entradas) ? file.entradas : {};
    this.site = usable && isRecord(file.sitio) && isRecord(file.sitio.archivos) ? file.sitio : undefined;
  }

  /** True when the site was written from exactly these inputs and all its files still are what was written. */
  siteIsFresh(key: string): boolean {
    const site = this.site;
    const firmas = isRecord(site?.firmas) ? site.firmas : {};
    return site?.entrada === key && Object.entries(site.archivos).every(([file, sha256]) => isAsWritten(join(this.outputDir, file), sha256, firmas[file]));
  }

  /** Remembers the site just written: its files, relative to output/, are hashed as they are now. */
  rememberSite(entrada: string, files: readonly string[]): void {
    const archivos: Record<string, string> = {};
    for (const file of files) {
      const sha256 = fileSha256(join(this.outputDir, file));
      if (sha256 === undefined) return; // a file already gone: the next build writes the site again
      archivos[file] = sha256;
    }
    this.site = { entrada, archivos, firmas: signatures(files.map((file) => [file, join(this.outputDir, file)])) };
  }

  /** The entry for a slot when it was made from exactly these inputs. */
  lookup(slot: string, key: string): CacheEntry | undefined {
    const entry = this.entries[slot];
    return entry && entry.entrada === key && typeof entry.contenido === 'string' ? entry : undefined;
  }

  /** True when the slot holds files rendered from exactly these inputs, each still with the SHA-256 it was written with. */
  isFresh(slot: string, key: string, files: readonly string[]): boolean {
    const entry = this.lookup(slot, key);
    const written = entry?.archivos;
    const firmas = isRecord(entry?.firmas) ? entry.firmas : {};
    return isRecord(written) && files.every((file) => isAsWritten(file, written[basename(file)], firmas[basename(file)]));
  }

  /** Remembers a slot's entry; `files` are its files now in place, whose stat signatures are taken now. */
  remember(slot: string, entry: Omit<CacheEntry, 'firmas'>, files: readonly string[] = []): void {
    this.entries[slot] = files.length > 0 ? { ...entry, firmas: signatures(files.map((file) => [basename(file), file])) } : entry;
  }

  /** Writes the cache when it changed: a build that changed nothing leaves it untouched. */
  save(): void {
    const file: CacheFile = { formato: CACHE_FORMAT, entradas: this.entries, sitio: this.site };
    const sealed = sealCache(`${JSON.stringify(file, null, 1)}\n`);
    // No key, no cache: the next build renders everything, as without one.
    if (sealed !== undefined) writeFileIfChanged(join(this.outputDir, CACHE_FILE), sealed);
  }
}
