import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real clients (LibreOffice, PDFBox, Chromium) take seconds per file.
    testTimeout: 120_000,
    hookTimeout: 300_000,
    pool: 'forks',
  },
});
