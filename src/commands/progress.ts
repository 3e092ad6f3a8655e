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
    // A terminal without a size (a pseudo-terminal nobody sized: script,
    // some CI consoles) reports 0 columns: take 80, as for no value.
    const columns = stream.columns || 80;
    return {
      done(label) {
        count++;
        const line = `Generando ${count}/${total}  ${label}  ${elapsed()}`;
        stream.write(`\r${line.slice(0, columns - 1).padEnd(Math.min(columns, 100) - 1)}`);
      },
      finish() {
        stream.write(`\r${' '.repeat(Math.min(columns, 100) - 1)}\r`);
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
