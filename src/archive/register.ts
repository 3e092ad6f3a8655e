// The register of an entity's archive, data/<entidad>/archivo/registro.jsonl:
// one JSON line per event (aprobacion, migracion, anulacion; firma and
// adjunto for files added to a sealed version folder), append-only,
// each carrying the hash of the one before (git-style). Replacing an
// archived file together with its hash in the manifest is detected, because
// the manifest's own SHA-256 is here; rewriting the register too changes
// the chain's head, which the committee writes in its acta (docctl verify
// prints it). A line's `sha256` is the SHA-256 of the line without that key,
// as JSON.stringify writes it.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { writeFileAtomic } from '../publish/atomic-write.js';
import { sha256 } from './manifest.js';
import { REGISTER_NAME } from './paths.js';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/);

export const registerEntrySchema = z.strictObject({
  n: z.int().positive(),
  fecha: z.string(),
  evento: z.enum(['aprobacion', 'migracion', 'anulacion', 'firma', 'adjunto']),
  codigo: z.string(),
  version: z.int().positive(),
  manifiestoSha256: hex64,
  /** migracion: where the version was archived before. */
  desde: z.string().optional(),
  /** anulacion: why, and who. */
  motivo: z.string().optional(),
  por: z.string().optional(),
  /** firma, adjunto: the file added to the version folder after sealing, and its SHA-256. */
  archivo: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/).optional(),
  archivoSha256: hex64.optional(),
  /** firma: the role signed, who the certificate names, its issuer and serial (hex), when it was signed. */
  rol: z.enum(['elaboro', 'reviso', 'aprobo']).optional(),
  firmante: z.string().optional(),
  emisor: z.string().optional(),
  serie: z.string().optional(),
  fechaFirma: z.string().optional(),
  /** firma: the certificate's name did not match the role's person and the signer said why (motivo). */
  nombreForzado: z.literal(true).optional(),
  anterior: hex64.nullable(),
  sha256: hex64,
});

export type RegisterEntry = z.infer<typeof registerEntrySchema>;
export type RegisterEvent = Omit<RegisterEntry, 'n' | 'fecha' | 'anterior' | 'sha256'>;

export interface RegisterRead {
  readonly path: string;
  readonly entries: readonly RegisterEntry[];
  /** The sha256 of the last entry: what the committee records. */
  readonly head: string | undefined;
  /** Each problem with the line it is on. */
  readonly problems: readonly { readonly line: number; readonly message: string }[];
  readonly text: string;
}

const entryHash = (entry: Omit<RegisterEntry, 'sha256'>) => sha256(JSON.stringify(entry));

export function readRegister(archiveDir: string): RegisterRead {
  const path = join(archiveDir, REGISTER_NAME);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { path, entries: [], head: undefined, problems: [], text: '' };
    return { path, entries: [], head: undefined, problems: [{ line: 0, message: `no se pudo leer (${(error as NodeJS.ErrnoException).code ?? 'error'})` }], text: '' };
  }
  const entries: RegisterEntry[] = [];
  const problems: { line: number; message: string }[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  else if (text !== '') problems.push({ line: lines.length, message: 'la última línea está incompleta (no termina en salto de línea)' });
  let previous: string | null = null;
  lines.forEach((line, index) => {
    const at = index + 1;
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch {
      problems.push({ line: at, message: 'la línea no es JSON válido' });
      return;
    }
    const parsed = registerEntrySchema.safeParse(value);
    if (!parsed.success) {
      problems.push({ line: at, message: 'la línea no tiene la forma de una entrada del registro' });
      return;
    }
    const entry = parsed.data;
    const { sha256: stated, ...rest } = value as RegisterEntry;
    const computed = entryHash(rest);
    if (computed !== stated) problems.push({ line: at, message: `la entrada ${entry.n} fue modificada: su SHA-256 no coincide con su contenido` });
    if (entry.n !== entries.length + 1) problems.push({ line: at, message: `se esperaba la entrada ${entries.length + 1} y dice ${entry.n}: falta o sobra una línea` });
    if (entry.anterior !== previous) problems.push({ line: at, message: `la cadena está rota: la entrada ${entry.n} no apunta a la anterior (${previous ?? 'ninguna'})` });
    // The next entry must point at this one as it is now: an edited entry breaks the link after it.
    previous = computed;
    entries.push(entry);
  });
  return { path, entries, head: previous ?? undefined, problems, text };
}

/**
 * When an event is recorded: now, unless SOURCE_DATE_EPOCH (the
 * reproducible-builds convention, seconds since 1970) fixes the time, so
 * that two runs of the same approval write the same register.
 */
function registerClock(): Date {
  const epoch = process.env.SOURCE_DATE_EPOCH;
  return epoch !== undefined && /^\d+$/.test(epoch) ? new Date(Number(epoch) * 1000) : new Date();
}

/**
 * Appends one event. The whole file is rewritten atomically (a crash leaves
 * the register as it was or with the new line, never half a line); that it
 * only ever grows is what the chain proves. Refuses to extend a broken chain.
 */
export function appendRegister(archiveDir: string, event: RegisterEvent, now: Date = registerClock()): RegisterEntry {
  const current = readRegister(archiveDir);
  if (current.problems.length > 0) throw new Error(`internal: the register ${current.path} must be verified before appending`);
  const unsigned = {
    n: current.entries.length + 1,
    fecha: now.toISOString(),
    evento: event.evento,
    codigo: event.codigo,
    version: event.version,
    manifiestoSha256: event.manifiestoSha256,
    ...(event.desde === undefined ? {} : { desde: event.desde }),
    ...(event.motivo === undefined ? {} : { motivo: event.motivo }),
    ...(event.por === undefined ? {} : { por: event.por }),
    ...(event.archivo === undefined ? {} : { archivo: event.archivo }),
    ...(event.archivoSha256 === undefined ? {} : { archivoSha256: event.archivoSha256 }),
    ...(event.rol === undefined ? {} : { rol: event.rol }),
    ...(event.firmante === undefined ? {} : { firmante: event.firmante }),
    ...(event.emisor === undefined ? {} : { emisor: event.emisor }),
    ...(event.serie === undefined ? {} : { serie: event.serie }),
    ...(event.fechaFirma === undefined ? {} : { fechaFirma: event.fechaFirma }),
    ...(event.nombreForzado === undefined ? {} : { nombreForzado: event.nombreForzado }),
    anterior: current.head ?? null,
  };
  const entry: RegisterEntry = { ...unsigned, sha256: entryHash(unsigned) };
  writeFileAtomic(current.path, `${current.text}${JSON.stringify(entry)}\n`);
  return entry;
}

/** The entry that archived (approved or migrated) a version: the last one naming it. */
export function archivingEntry(entries: readonly RegisterEntry[], code: string, version: number): RegisterEntry | undefined {
  return entries.findLast((e) => e.codigo === code && e.version === version && (e.evento === 'aprobacion' || e.evento === 'migracion'));
}

export function annulment(entries: readonly RegisterEntry[], code: string, version: number): RegisterEntry | undefined {
  return entries.find((e) => e.codigo === code && e.version === version && e.evento === 'anulacion');
}

/** The files added to a sealed version (signed copies, a scanned copy), in the order they were added. */
export function addedFiles(entries: readonly RegisterEntry[], code: string, version: number): RegisterEntry[] {
  return entries.filter((e) => e.codigo === code && e.version === version && (e.evento === 'firma' || e.evento === 'adjunto') && e.archivo !== undefined);
}
