// For tests that call a command in this process: what it writes to stdout
// and stderr is kept in arrays (read them after the call), and both streams
// are restored after each test.
import { afterEach, beforeEach, vi } from 'vitest';

export function captureOutput(): { readonly stdout: string[]; readonly stderr: string[] } {
  const captured = { stdout: [] as string[], stderr: [] as string[] };
  beforeEach(() => {
    captured.stdout = [];
    captured.stderr = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (captured.stdout.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (captured.stderr.push(String(chunk)), true));
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return captured;
}
