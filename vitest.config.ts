import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real clients (LibreOffice, PDFBox, Chromium) take seconds per file.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    // The tests spawn the compiled CLI (dist/cli.js); this compiles it again when src/ is newer.
    globalSetup: ['test/support/compiled-cli.ts'],
    pool: 'forks',
    // One test file more than the cores. Most files spend much of their time
    // waiting on a child process (the CLI, LibreOffice, Chromium, pdftotext,
    // PDFBox): with one file per core, a whole CI run on two cores kept 1.6
    // cores busy on average (CPU time over wall time). Every file works in
    // its own temporary folders (only the bench writes under the repository,
    // output/bench/), so files never share state.
    maxWorkers: availableParallelism() + 1,
  },
});
