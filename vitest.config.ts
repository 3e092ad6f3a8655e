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
    // At least two test files at a time. Vitest's default is one worker
    // fewer than the cores: on CI's two cores, one file at a
    // time, while most files spend their time waiting on a child process
    // (the CLI, LibreOffice, Chromium, pdftotext) that keeps one core busy,
    // the other idle. Every file works in its own temporary folders (only
    // the bench writes under the repository, output/bench/), so two never
    // share state.
    maxWorkers: Math.max(2, availableParallelism() - 1),
  },
});
