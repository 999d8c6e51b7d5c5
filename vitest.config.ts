import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'tests/e2e/**', 'tests/e2e-electron/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    // Vitest's default leaves one core idle (cores − 1), which on a 2-core machine runs the files one at a time;
    // many files wait on Chromium, LibreOffice or qpdf, so every core is used.
    maxWorkers: Math.max(2, availableParallelism()),
  },
});
