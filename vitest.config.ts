import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['shared/**/*.test.ts', 'electron/**/*.test.ts', 'renderer/**/*.test.{ts,tsx}', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    exclude: ['node_modules/**', 'out/**', 'tests/e2e/**', 'tests/e2e-electron/**'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
  },
});
