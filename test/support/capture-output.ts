// For tests that call a command in this process: what it writes to stdout is
// kept in an array (read it after the call), stderr is silenced, and both are
// restored after each test.
import { afterEach, beforeEach, vi } from 'vitest';

export function captureStdout(): { readonly lines: string[] } {
  const captured = { lines: [] as string[] };
  beforeEach(() => {
    captured.lines = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (captured.lines.push(String(chunk)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });
  return captured;
}
