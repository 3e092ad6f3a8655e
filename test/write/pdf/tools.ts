// Running the independent PDF clients (poppler, qpdf, PDFBox) from tests. A
// missing tool fails the test with the package to install: CI installs them,
// and a skipped check would look like a passing one.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const PREFLIGHT_CLASSPATH = [
  'preflight.jar',
  'pdfbox2.jar',
  'fontbox2.jar',
  'xmpbox.jar',
  'commons-logging.jar',
  'javax.activation.jar',
  'jaxb-api.jar',
].map((jar) => `/usr/share/java/${jar}`);

const PACKAGES: Record<string, string> = {
  pdftotext: 'poppler-utils',
  pdffonts: 'poppler-utils',
  pdfinfo: 'poppler-utils',
  pdfimages: 'poppler-utils',
  qpdf: 'qpdf',
  gs: 'ghostscript',
  java: 'default-jre-headless (Java 17)',
  zbarimg: 'zbar-tools',
  pdftoppm: 'poppler-utils',
};

export interface RunResult {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

export function run(command: string, args: readonly string[], env?: NodeJS.ProcessEnv): RunResult {
  const result = spawnSync(command, args, { encoding: 'utf8', env: env ?? process.env, maxBuffer: 64 * 1024 * 1024 });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(`falta la herramienta "${command}"; instale el paquete Debian ${PACKAGES[command] ?? command}`);
  }
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

export function requirePreflight(): string {
  const missing = PREFLIGHT_CLASSPATH.filter((jar) => !existsSync(jar));
  if (missing.length > 0) {
    throw new Error(
      `faltan los jars de PDFBox Preflight (${missing.join(', ')}); instale libpdfbox2-java libactivation-java libjaxb-api-java`,
    );
  }
  return PREFLIGHT_CLASSPATH.join(':');
}

export function preflight(file: string): RunResult {
  return run('java', ['-cp', requirePreflight(), 'org.apache.pdfbox.preflight.Validator_A1b', file]);
}

export function tempPdf(name: string, bytes: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'docctl-pdf-'));
  const file = join(dir, name);
  writeFileSync(file, bytes);
  return file;
}

/** Text of page `page` (1-based), as pdftotext extracts it. */
export function pageText(file: string, page: number): string {
  const result = run('pdftotext', ['-f', String(page), '-l', String(page), '-layout', file, '-']);
  if (result.status !== 0) throw new Error(`pdftotext falló: ${result.stderr}`);
  return result.stdout;
}

export function pageCount(file: string): number {
  const result = run('pdfinfo', [file]);
  const match = /^Pages:\s+(\d+)/m.exec(result.stdout);
  if (!match) throw new Error(`pdfinfo no dio el número de páginas: ${result.stdout}${result.stderr}`);
  return Number(match[1]);
}

export interface WordBox {
  readonly page: number;
  readonly word: string;
  readonly xMin: number;
  readonly xMax: number;
  readonly yMin: number;
  readonly yMax: number;
}

/** Every word with its box (points from the top of the page), via `pdftotext -bbox`. */
export function wordBoxes(file: string): WordBox[] {
  const result = run('pdftotext', ['-bbox', file, '-']);
  if (result.status !== 0) throw new Error(`pdftotext -bbox falló: ${result.stderr}`);
  const boxes: WordBox[] = [];
  let page = 0;
  for (const line of result.stdout.split('\n')) {
    if (line.includes('<page ')) page++;
    const match = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (match) {
      const [xMin, yMin, xMax, yMax] = [1, 2, 3, 4].map((i) => Number(match[i]));
      boxes.push({ page, xMin: xMin ?? 0, yMin: yMin ?? 0, xMax: xMax ?? 0, yMax: yMax ?? 0, word: decodeEntities(match[5] ?? '') });
    }
  }
  return boxes;
}

function decodeEntities(text: string): string {
  return text.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'");
}

