// Progress of long builds: on a terminal one line rewritten in place
// (documents done / total, current document, elapsed time); in logs and CI
// one plain line per document; with --silencio nothing.

export interface Progress {
  done(label: string): void;
  finish(): void;
}

export function createProgress(total: number, quiet: boolean, stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  let count = 0;
  const elapsed = () => `${((Date.now() - started) / 1000).toFixed(1)} s`;
  if (quiet || total === 0) return { done: () => undefined, finish: () => undefined };
  if (stream.isTTY) {
    return {
      done(label) {
        count++;
        const line = `Generando ${count}/${total}  ${label}  ${elapsed()}`;
        stream.write(`\r${line.slice(0, (stream.columns ?? 80) - 1).padEnd(Math.min(stream.columns ?? 80, 100) - 1)}`);
      },
      finish() {
        stream.write(`\r${' '.repeat(Math.min(stream.columns ?? 80, 100) - 1)}\r`);
      },
    };
  }
  return {
    done(label) {
      count++;
      stream.write(`[${count}/${total}] ${label} (${elapsed()})\n`);
    },
    finish: () => undefined,
  };
}
