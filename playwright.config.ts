import { defineConfig } from '@playwright/test';

/**
 * End-to-end tests. "renderer" drives the built renderer in a system Chromium (no browser download); the
 * "electron" project runs the real app wherever the Electron binary is installed and skips, saying so, where
 * it is not.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export default defineConfig({
  testDir: 'tests',
  outputDir: 'test-results',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  // Two files at a time (the tests in a file still run in order, one after another): every test has its own app
  // data folder, services and page, each worker its own server on its own port, and the tests wait on what the
  // page shows, never on the clock, so they hold when the machine is busy. On CI's two cores this took the suite
  // from about 7 minutes to about 4.
  fullyParallel: false,
  workers: 2,
  reporter: [['list']],
  use: {
    trace: 'retain-on-failure',
    screenshot: 'only-on-failure',
  },
  projects: [
    {
      name: 'renderer',
      testDir: 'tests/e2e',
      testMatch: /.*\.spec\.ts$/,
      use: {
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
        locale: 'en-GB',
        timezoneId: 'Europe/London',
        viewport: { width: 1280, height: 860 },
      },
    },
    {
      name: 'electron',
      testDir: 'tests/e2e-electron',
      testMatch: /.*\.spec\.ts$/,
    },
  ],
});
